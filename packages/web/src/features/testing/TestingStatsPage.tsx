/**
 * Testing figures for a unit: per day (chart and table), per unit below it, coverage per campaign. Numbers only, so observers see it.
 * Test ids: testing-stats-page, testing-stats-xlsx, testing-stats-row (data-unit), testing-stats-total, testing-stats-campaign (data-id).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Button, Card, DatePicker, Flex, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { UnitSelect } from '../units/UnitSelect';
import { testingLinks, useTestingStats, type StatsQuery } from './api';
import { CoverageBar } from './CoverageBar';
import { TestingTabs } from './TestingTabs';
import type { Figures, TestingStats } from './types';

const TestingStatsChart = lazy(() => import('./TestingStatsChart'));
const FIGURES = ['samples', 'positivePools', 'peopleTested', 'positives', 'positivityRate', 'medianTurnaroundHours'] as const;
const LABEL: Record<(typeof FIGURES)[number], string> = {
  samples: 'samples', positivePools: 'positivePools', peopleTested: 'peopleTested', positives: 'positives', positivityRate: 'positivityRate', medianTurnaroundHours: 'medianTurnaround',
};

export function TestingStatsPage() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query: StatsQuery = { unit, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const stats = useTestingStats(query);
  const s = (key: string) => t(`testing.stats.${key}` as 'testing.stats.samples');
  const figureColumns = FIGURES.map((k) => ({ title: s(LABEL[k]), align: 'right' as const, render: (_: unknown, r: Figures) => r[k] ?? '' }));
  const d = stats.data;

  return (
    <div data-testid="testing-stats-page">
      <PageHeader
        title={t('testing.title')}
        extra={<Button icon={<DownloadOutlined />} href={testingLinks.statsXlsx(query)} data-testid="testing-stats-xlsx">{t('common.exportXlsx')}</Button>}
      />
      <TestingTabs />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 260 }}>
          <UnitSelect allowClear value={unit} onChange={setUnit} placeholder={s('unit')} />
        </div>
        <DatePicker.RangePicker format="DD/MM/YYYY" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} placeholder={[s('from'), s('to')]} />
      </Flex>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={d ? t('testing.stats.title', { unit: d.unitName }) : ''} loading={stats.isLoading}>
            {d && (
              <>
                <Suspense fallback={null}>
                  <TestingStatsChart days={d.days} />
                </Suspense>
                <Typography.Paragraph type="secondary">
                  {t('testing.stats.firms', { reports: d.firms.reports, tested: d.firms.workersTested, positives: d.firms.positives })}
                </Typography.Paragraph>
              </>
            )}
          </Card>
          <Card title={s('byUnit')}>
            <Table<TestingStats['rows'][number]>
              rowKey="unitCode"
              size="small"
              loading={stats.isLoading}
              dataSource={d?.rows ?? []}
              pagination={false}
              onRow={(r) => ({ 'data-testid': 'testing-stats-row', 'data-unit': r.unitCode }) as React.HTMLAttributes<HTMLElement>}
              columns={[{ title: s('unitColumn'), dataIndex: 'unitName' }, ...figureColumns]}
              summary={() =>
                d ? (
                  <Table.Summary.Row data-testid="testing-stats-total">
                    <Table.Summary.Cell index={0}><b>{t('common.total')}</b></Table.Summary.Cell>
                    {FIGURES.map((k, i) => (
                      <Table.Summary.Cell key={k} index={i + 1} align="right"><b>{d.totals[k] ?? ''}</b></Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
          <Card title={s('byDay')}>
            <Table<TestingStats['days'][number]>
              rowKey="date"
              size="small"
              dataSource={d?.days ?? []}
              pagination={false}
              columns={[{ title: s('date'), render: (_, r) => formatDate(r.date) }, ...figureColumns]}
            />
          </Card>
          <Card title={s('campaigns')}>
            <Table<TestingStats['campaigns'][number]>
              rowKey="id"
              size="small"
              dataSource={d?.campaigns ?? []}
              pagination={false}
              onRow={(r) => ({ 'data-testid': 'testing-stats-campaign', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('testing.campaign.name'), dataIndex: 'name' },
                { title: t('testing.campaign.purpose'), render: (_, r) => t(`testing.purposes.${r.purpose}`) },
                { title: s('target'), dataIndex: 'target', align: 'right' },
                { title: s('tested'), dataIndex: 'tested', align: 'right' },
                { title: t('testing.campaign.coverage'), render: (_, r) => <CoverageBar coverage={r} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
