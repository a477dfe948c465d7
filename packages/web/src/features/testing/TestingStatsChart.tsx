import { formatDate } from '@pcd/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestingStats } from './types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** People tested and positives per collection day as bars, the positivity rate as a line on its own axis. */
export default function TestingStatsChart({ days }: { days: TestingStats['days'] }) {
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
      grid: { left: 48, right: 48, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: days.map((d) => formatDate(d.date).slice(0, 5)) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', axisLabel: { formatter: '{value} %' } }],
      series: [
        { name: t('testing.stats.peopleTested'), type: 'bar', data: days.map((d) => d.peopleTested), itemStyle: { color: '#1677ff' } },
        { name: t('testing.stats.positives'), type: 'bar', data: days.map((d) => d.positives), itemStyle: { color: '#cf1322' } },
        { name: t('testing.stats.positivityRate'), type: 'line', yAxisIndex: 1, data: days.map((d) => d.positivityRate ?? 0), itemStyle: { color: '#fa8c16' } },
      ],
    }, true);
  }, [days, t]);

  return <div ref={ref} data-testid="testing-stats-chart" style={{ width: '100%', height: 320 }} />;
}
