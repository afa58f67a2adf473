/**
 * How the worked example writes a loss: 4 significant digits in every row, cell and note
 * (6.082, 0.1930, 0.005449), so a column reads as one scale and matches the CLI's leading digits.
 */
export function formatLoss(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4) : String(v);
}
