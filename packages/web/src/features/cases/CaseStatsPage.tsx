/** Daily F0 figures of a unit, computed by the server from the records. Test ids: case-stats-page, case-stats-table, case-stats-export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { addDays, vnDate } from '@pcd/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { UnitSelect } from '../units/UnitSelect';
import { caseLinks, useCaseStats } from './api';
import { CasesTabs } from './CasesTabs';
import { DATE_FORMAT, dateText, isoOf } from './labels';
import type { CaseDay, DayFigures } from './types';

const CaseStatsChart = lazy(() => import('./CaseStatsChart'));
const COLUMNS = ['newCommunity', 'newQuarantine', 'newLockdown', 'newTotal', 'active', 'severeCritical', 'deaths', 'recoveries', 'transfersOut'] as const;

export function CaseStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? vnDate();
  const from = params.get('from') ?? addDays(to, -13);
  const query = { unit: params.get('unit') ?? undefined, from, to };
  const stats = useCaseStats(query);
  const set = (values: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(values)) if (v) next.set(k, v); else next.delete(k);
      return next;
    });

  const figureColumns = COLUMNS.map((k) => ({ title: t(`caseStats.${k}`), align: 'right' as const, render: (_: unknown, d: DayFigures) => d[k] }));
  const totalsRow = stats.data ? [{ date: '', ...stats.data.totals }] : [];

  return (
    <div data-testid="case-stats-page">
      <PageHeader
        title={`${t('caseStats.title')}${stats.data ? ` — ${stats.data.unitName}` : ''}`}
        extra={<Button icon={<DownloadOutlined />} href={caseLinks.statsXlsx(query)} data-testid="case-stats-export">{t('common.exportXlsx')}</Button>}
      />
      <CasesTabs />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 260 }}>
            <UnitSelect allowClear value={query.unit} onChange={(unit) => set({ unit })} placeholder={t('caseStats.unit')} />
          </div>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) => set({ from: isoOf(r?.[0]), to: isoOf(r?.[1]) })}
            aria-label={t('caseStats.range')}
          />
          {stats.isFetching && <Spin size="small" />}
        </Flex>
        {stats.error && !stats.data ? (
          <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
        ) : (
          <>
            <Suspense fallback={<Spin />}><CaseStatsChart days={stats.data?.days ?? []} /></Suspense>
            <Table<CaseDay>
              rowKey="date"
              size="small"
              data-testid="case-stats-table"
              pagination={false}
              dataSource={stats.data?.days ?? []}
              columns={[{ title: t('caseStats.date'), render: (_, d) => dateText(d.date) }, ...figureColumns]}
              summary={() => totalsRow.map((row) => (
                <Table.Summary.Row key="totals">
                  <Table.Summary.Cell index={0}><strong>{t('caseStats.totals')}</strong></Table.Summary.Cell>
                  {COLUMNS.map((k, i) => <Table.Summary.Cell key={k} index={i + 1} align="right"><strong data-testid={`case-stats-total-${k}`}>{row[k]}</strong></Table.Summary.Cell>)}
                </Table.Summary.Row>
              ))}
              scroll={{ x: 900 }}
              style={{ marginTop: 16 }}
            />
            {!!stats.data?.units.length && (
              <Table
                rowKey="unitCode"
                size="small"
                title={() => t('caseStats.byUnit')}
                pagination={false}
                dataSource={stats.data.units}
                columns={[{ title: t('caseStats.unit'), dataIndex: 'unitName' }, ...COLUMNS.map((k) => ({ title: t(`caseStats.${k}`), align: 'right' as const, render: (_: unknown, u: { totals: DayFigures }) => u.totals[k] }))]}
                scroll={{ x: 900 }}
                style={{ marginTop: 16 }}
              />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
