/**
 * Above this many nodes a force layout costs more than a frame per step and the page would stall:
 * the chain is drawn as points on a fixed spiral (scatter and lines in ECharts' large mode, which
 * render in chunks across frames), without animation, labels or hover effects.
 */
export const FORCE_LAYOUT_LIMIT = 1500;

/** While pages keep arriving, a big chain is redrawn at most this often, not once per page. */
export const BIG_REDRAW_MS = 1500;

/** Position of the k-th node on a sunflower spiral: even density, stable as more nodes arrive. */
export function spiralPoint(k: number): [number, number] {
  const r = Math.sqrt(k + 0.5);
  const a = k * 2.399963229728653; // the golden angle, in radians
  return [r * Math.cos(a), r * Math.sin(a)];
}
