import { formatDate } from '@pcd/core';
import { GraphChart, LinesChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { bigChainOption } from './bigChainOption';
import { BIG_REDRAW_MS, FORCE_LAYOUT_LIMIT } from './chainLimits';
import type { ChainEdge, ChainNode } from './types';

echarts.use([GraphChart, ScatterChart, LinesChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = { F0: '#cf1322', F1: '#fa8c16', F2: '#fadb14', anonymous: '#bfbfbf' };
const CATEGORY = { F0: 0, F1: 1, F2: 2 } as const;

function graphOption(nodes: ChainNode[], edges: ChainEdge[], anonymousName: string, tooltip: (n: ChainNode) => string) {
  // An edge whose other end is in a page not loaded yet (or outside the chain) waits for it.
  const loaded = new Set(nodes.map((n) => n.id));
  const categories = [
    { name: 'F0', itemStyle: { color: COLORS.F0 } },
    { name: 'F1', itemStyle: { color: COLORS.F1 } },
    { name: 'F2', itemStyle: { color: COLORS.F2 } },
    { name: anonymousName, itemStyle: { color: COLORS.anonymous } },
  ];
  return {
    animation: nodes.length <= 300,
    tooltip: { formatter: (p: { dataType: string; data: { raw?: ChainNode } }) => (p.dataType === 'node' && p.data.raw ? tooltip(p.data.raw) : '') },
    legend: { top: 0, data: categories.map((c) => c.name) },
    series: [{
      type: 'graph',
      layout: 'force',
      // A handful of people spread out to be read; hundreds pack tighter to stay on screen.
      force: nodes.length < 100 ? { repulsion: 300, edgeLength: 90, gravity: 0.1 } : { repulsion: 60, edgeLength: 40, gravity: 0.1, layoutAnimation: true },
      roam: true,
      draggable: true,
      label: { show: nodes.length <= 200, position: 'right', fontSize: 10 },
      lineStyle: { color: '#999', opacity: 0.6 },
      categories,
      data: nodes.map((n) => ({ id: n.id, name: n.anonymous ? '' : (n.label ?? ''), category: n.anonymous ? 3 : CATEGORY[n.level], symbolSize: n.level === 'F0' ? 16 : 9, raw: n })),
      links: edges.filter((e) => loaded.has(e.from) && loaded.has(e.to)).map((e) => ({ source: e.from, target: e.to })),
    }],
  };
}

/**
 * Force layout while the chain is small enough to settle within a few frames; above FORCE_LAYOUT_LIMIT
 * a static spiral in large mode, redrawn at most every BIG_REDRAW_MS while pages keep arriving.
 */
export default function ChainGraph({ nodes, edges }: { nodes: ChainNode[]; edges: ChainEdge[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const lastDraw = useRef(0);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const draw = () => {
      const chart = ref.current && echarts.getInstanceByDom(ref.current);
      if (!chart) return;
      lastDraw.current = Date.now();
      const anonymous = t('chain.anonymous');
      const option = nodes.length > FORCE_LAYOUT_LIMIT
        ? bigChainOption(nodes, edges, { F0: 'F0', F1: 'F1', F2: 'F2', anonymous }, COLORS)
        : graphOption(nodes, edges, anonymous, (n) => (n.anonymous ? `${n.level} — ${anonymous}` : [`${n.level} ${n.label ?? ''}`, n.date ? formatDate(n.date) : ''].filter(Boolean).join('<br/>')));
      chart.setOption(option, { notMerge: true, lazyUpdate: true });
      ref.current?.setAttribute('data-drawn', String(nodes.length));
    };
    if (nodes.length <= FORCE_LAYOUT_LIMIT) return draw();
    const wait = Math.max(0, lastDraw.current + BIG_REDRAW_MS - Date.now());
    const timer = window.setTimeout(draw, wait);
    return () => window.clearTimeout(timer);
  }, [nodes, edges, t]);

  return <div ref={ref} data-testid="chain-graph" data-nodes={nodes.length} style={{ width: '100%', height: 560 }} />;
}
