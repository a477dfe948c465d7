import { formatDate } from '@pcd/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCounts } from './types';

// Only the pieces used here, so the chart chunk stays a fraction of the full library.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** People in and out per day as bars, declarations made at the point as a line. */
export default function StatsChart({ days }: { days: DayCounts[] }) {
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
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: days.map((d) => formatDate(d.date).slice(0, 5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('checkpoints.stats.peopleIn'), type: 'bar', data: days.map((d) => d.peopleIn), itemStyle: { color: '#0b5cad' } },
        { name: t('checkpoints.stats.peopleOut'), type: 'bar', data: days.map((d) => d.peopleOut), itemStyle: { color: '#8c6bd1' } },
        { name: t('checkpoints.stats.declarations'), type: 'line', data: days.map((d) => d.declarations), itemStyle: { color: '#b91c1c' } },
      ],
    }, true);
  }, [days, t]);

  return <div ref={ref} data-testid="stats-chart" style={{ width: '100%', height: 260 }} />;
}
