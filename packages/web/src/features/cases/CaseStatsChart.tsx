import { formatDate } from '@pcd/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDay } from './types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ACTIVE_PLACES = ['home', 'community_care', 'facility_t1', 'facility_t2', 'facility_t3_icu', 'hospital_upper'] as const;

/**
 * New F0 stacked by where they were found (community apart from quarantine, as the level rules count
 * them), active cases by care place as stacked bars on the right axis, and severe, deaths, recoveries as lines.
 */
export default function CaseStatsChart({ days }: { days: CaseDay[] }) {
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
    const line = (name: string, data: number[], color: string) => ({ name, type: 'line', data, itemStyle: { color }, xAxisIndex: 0, yAxisIndex: 0 });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: [{ left: 40, right: 16, top: 40, height: 170 }, { left: 40, right: 16, top: 260, height: 150 }],
      xAxis: [0, 1].map((i) => ({ type: 'category', gridIndex: i, data: days.map((d) => formatDate(d.date).slice(0, 5)) })),
      yAxis: [0, 1].map((i) => ({ type: 'value', gridIndex: i, minInterval: 1 })),
      series: [
        { name: t('caseStats.newCommunity'), type: 'bar', stack: 'new', data: days.map((d) => d.newCommunity), itemStyle: { color: '#cf1322' } },
        { name: t('caseStats.newQuarantine'), type: 'bar', stack: 'new', data: days.map((d) => d.newQuarantine), itemStyle: { color: '#fa8c16' } },
        { name: t('caseStats.newLockdown'), type: 'bar', stack: 'new', data: days.map((d) => d.newLockdown), itemStyle: { color: '#faad14' } },
        line(t('caseStats.severeCritical'), days.map((d) => d.severeCritical), '#722ed1'),
        line(t('caseStats.deaths'), days.map((d) => d.deaths), '#262626'),
        line(t('caseStats.recoveries'), days.map((d) => d.recoveries), '#389e0d'),
        ...ACTIVE_PLACES.map((p) => ({
          name: t(`cases.carePlaces.${p}`), type: 'bar', stack: 'active', xAxisIndex: 1, yAxisIndex: 1, data: days.map((d) => d.activeByPlace[p] ?? 0),
        })),
      ],
    }, true);
  }, [days, t]);

  return <div ref={ref} data-testid="case-stats-chart" style={{ width: '100%', height: 430 }} />;
}
