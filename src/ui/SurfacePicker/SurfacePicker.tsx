/**
 * Surface picker: a gallery of thumbnails (radio buttons), then the chosen surface's formula
 * in KaTeX, a sentence about it, and its parameters as controls. 'Custom formula' opens a
 * formula editor; a dataset objective shows its data source and the CSV import.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTIVES, bindObjective } from '../../core/objectives';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Katex } from '../Katex/Katex';
import { NumberField } from '../NumberField/NumberField';
import { SurfacePreview } from './SurfacePreview';
import { CustomFormula } from './CustomFormula';
import { DataSource } from '../CsvImport/CsvImport';
import { importedSamples } from '../../core/objectives/datasetCache';
import { setDatasetParam } from '../../store/importedData';

const selectObjective = (s: AppState) => s.draft.objective;

export function SurfacePicker() {
  const { t } = useTranslation();
  const objective = useApp(selectObjective);
  const def = OBJECTIVES.find((d) => d.id === objective.id)!;
  const tex = useMemo(() => {
    // A dataset objective is a mean over samples: show that and the per-sample loss.
    if (def.dataset) return `L = \\frac{1}{n} \\sum_{i=1}^{n} \\ell_i, \\qquad ${def.dataset.loss.latex}`;
    try {
      return `f(x,y) = ${bindObjective(objective.id, objective.params, objective.formula).formula.toLatex()}`;
    } catch {
      return '';
    }
  }, [objective, def]);

  // Hidden params (imported data's id) are no control; on imported data only feature scaling
  // still applies, the generator's settings do not.
  const imported = def.dataset !== undefined && importedSamples(objective.id, objective.params) !== undefined;
  const controls = def.params.filter((p) => !p.hidden && (!imported || p.name === 'standardize'));

  return (
    <div className="surface-picker">
      <div className="surface-grid" role="radiogroup" aria-label={t('surface.pick')} data-testid="surface-select">
        {OBJECTIVES.map((d) => {
          const on = d.id === objective.id;
          return (
            <button
              key={d.id}
              type="button"
              role="radio"
              aria-checked={on}
              className={on ? 'surface-thumb is-on' : 'surface-thumb'}
              data-testid={`surface-option-${d.id}`}
              title={t(`surface.about.${d.id}`)}
              onClick={() => appStore.getState().setObjective(d.id)}
            >
              {d.id === 'custom' ? <span className="surface-thumb__img surface-thumb__fx">f(x,y)</span> : <SurfacePreview id={d.id} />}
              <span className="surface-thumb__name">{t(`surface.names.${d.id}`)}</span>
            </button>
          );
        })}
      </div>
      <div className="surface-info" data-testid="surface-info" data-surface={objective.id}>
        <h3 className="surface-info__name">{t(`surface.names.${objective.id}`)}</h3>
        <p className="surface-info__about">{t(`surface.about.${objective.id}`)}</p>
        {tex && (
          <div className="surface-info__formula" role="group" aria-label={t('surface.formula')} data-testid="surface-formula">
            <Katex tex={tex} display />
          </div>
        )}
      </div>
      {objective.id === 'custom' && <CustomFormula />}
      {def.dataset && <DataSource kind={def.dataset.kind} />}
      {controls.length > 0 && (
        <div className="surface-params">
          <h4 className="sub-title">{t('surface.params')}</h4>
          {controls.map((p) => (
            <NumberField
              key={`${def.id}-${p.name}`}
              testBase={`param-${p.name}`}
              label={t(`param.${p.name}`)}
              value={objective.params[p.name] ?? p.default}
              spec={p}
              onCommit={(v) => (def.dataset ? setDatasetParam(appStore, p.name, v) : appStore.getState().setObjectiveParam(p.name, v))}
            />
          ))}
        </div>
      )}
    </div>
  );
}

