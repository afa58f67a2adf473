/**
 * Plot colours from CSS custom properties, so the UI's themes apply without the plots knowing
 * about them: --gs-fg (text, axes), --gs-muted (secondary text), --gs-grid (grid lines, rules),
 * --gs-bg (tooltip and label backgrounds), --gs-accent (start handle). Each falls back to a
 * value per theme when the property is unset.
 */
import type { PlotTheme } from './types';

export interface PlotColors {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly bg: string;
  readonly accent: string;
}

/** Fallbacks when the host page defines no --gs-* properties. */
export const FALLBACK_COLORS: Readonly<Record<PlotTheme, PlotColors>> = {
  light: { fg: '#1f2430', muted: '#5b6372', grid: '#d5d9e0', bg: '#ffffff', accent: '#e4572e' },
  dark: { fg: '#e6e8ee', muted: '#9aa3b2', grid: '#343a46', bg: '#161a22', accent: '#ff7a50' },
};

/** Reads the theme colours that apply to `el` (inherited custom properties included). */
export function readPlotColors(el: Element, theme: PlotTheme): PlotColors {
  const css = getComputedStyle(el);
  const fb = FALLBACK_COLORS[theme];
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: get('--gs-fg', fb.fg),
    muted: get('--gs-muted', fb.muted),
    grid: get('--gs-grid', fb.grid),
    bg: get('--gs-bg', fb.bg),
    accent: get('--gs-accent', fb.accent),
  };
}
