/** KaTeX output for a LaTeX string (display or inline). Bad LaTeX renders in red, never throws. */
import { useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Katex({ tex, display = false, className }: { tex: string; display?: boolean; className?: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' }),
    [tex, display],
  );
  // KaTeX escapes its input; the HTML it returns is safe to inject.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
