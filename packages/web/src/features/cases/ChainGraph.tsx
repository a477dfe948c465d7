import { formatDate } from '@pcd/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FORCE_LAYOUT_LIMIT } from './chainLimits';
import type { ChainEdge, ChainNode } from './types';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = { F0: '#cf1322', F1: '#fa8c16', F2: '#fadb14', anonymous: '#bfbfbf' };
const CATEGORY = { F0: 0, F1: 1, F2: 2 } as const;

export default function ChainGraph({ nodes, edges }: { nodes: ChainNode[]; edges: ChainEdge[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

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
    const chart = ref.current && echarts.getInstanceByDom(ref.current);
    if (!chart) return;
    const big = nodes.length > FORCE_LAYOUT_LIMIT;
    // An edge whose other end is in a page not loaded yet (or outside the chain) waits for it.
    const loaded = new Set(nodes.map((n) => n.id));
    const links = edges.filter((e) => loaded.has(e.from) && loaded.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
    const categories = [
      { name: 'F0', itemStyle: { color: COLORS.F0 } },
      { name: 'F1', itemStyle: { color: COLORS.F1 } },
      { name: 'F2', itemStyle: { color: COLORS.F2 } },
      { name: t('chain.anonymous'), itemStyle: { color: COLORS.anonymous } },
    ];
    chart.setOption({
      animation: !big,
      tooltip: {
        formatter: (p: { dataType: string; data: { raw?: ChainNode } }) => {
          const n = p.data.raw;
          if (p.dataType !== 'node' || !n) return '';
          if (n.anonymous) return `${n.level} — ${t('chain.anonymous')}`;
          return [`${n.level} ${n.label ?? ''}`, n.date ? formatDate(n.date) : ''].filter(Boolean).join('<br/>');
        },
      },
      legend: { top: 0, data: categories.map((c) => c.name) },
      series: [{
        type: 'graph',
        layout: big ? 'circular' : 'force',
        circular: { rotateLabel: false },
        force: { repulsion: 60, edgeLength: 40, gravity: 0.1, layoutAnimation: true },
        roam: true,
        draggable: !big,
        symbolSize: (_: unknown, p: { data: { raw: ChainNode } }) => (p.data.raw.level === 'F0' ? (big ? 6 : 16) : big ? 3 : 9),
        label: { show: !big && nodes.length <= 200, position: 'right', fontSize: 10 },
        lineStyle: { color: '#999', opacity: big ? 0.2 : 0.6 },
        emphasis: { disabled: big },
        categories,
        data: nodes.map((n) => ({
          id: n.id, name: n.anonymous ? '' : (n.label ?? ''), category: n.anonymous ? 3 : CATEGORY[n.level], raw: n,
        })),
        links,
      }],
    }, { notMerge: true, lazyUpdate: true });
  }, [nodes, edges, t]);

  return <div ref={ref} data-testid="chain-graph" data-nodes={nodes.length} style={{ width: '100%', height: 560 }} />;
}
