import { spiralPoint } from './chainLimits';
import type { ChainEdge, ChainNode } from './types';

/**
 * The ECharts option of a chain too big for a graph layout: each level a scatter series of points on a
 * spiral (the order the server sends them in, cases first), edges as one lines series, all in large
 * mode so that drawing is split across frames instead of holding the page.
 */
export function bigChainOption(nodes: ChainNode[], edges: ChainEdge[], names: { F0: string; F1: string; F2: string; anonymous: string }, colors: Record<'F0' | 'F1' | 'F2' | 'anonymous', string>) {
  const at = new Map<string, [number, number]>();
  const groups: Record<'F0' | 'F1' | 'F2' | 'anonymous', [number, number][]> = { F0: [], F1: [], F2: [], anonymous: [] };
  nodes.forEach((n, k) => {
    const p = spiralPoint(k);
    at.set(n.id, p);
    groups[n.anonymous ? 'anonymous' : n.level].push(p);
  });
  const lines: { coords: [number, number][] }[] = [];
  for (const e of edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (a && b) lines.push({ coords: [a, b] });
  }
  const axis = { show: false, type: 'value', scale: true };
  return {
    animation: false,
    tooltip: { show: false },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8 },
    xAxis: axis,
    yAxis: axis,
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }],
    series: [
      { type: 'lines', coordinateSystem: 'cartesian2d', large: true, largeThreshold: 2000, silent: true, lineStyle: { color: '#999', opacity: 0.15, width: 0.5 }, data: lines },
      ...(['F0', 'F1', 'F2', 'anonymous'] as const).map((key) => ({
        name: names[key], type: 'scatter', large: true, largeThreshold: 2000, silent: true, symbolSize: key === 'F0' ? 4 : 2,
        itemStyle: { color: colors[key] }, data: groups[key],
      })),
    ],
  };
}
