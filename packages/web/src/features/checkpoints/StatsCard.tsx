import { addDays, formatDate, vnDate } from '@pcd/core';
import { DatePicker, Flex, Spin, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { useCheckpointStats } from './api';
import type { DayCounts } from './types';

const StatsChart = lazy(() => import('./StatsChart'));
const ISO = 'YYYY-MM-DD';

/** Counts per day (last 7 days by default): passages and people in and out, declarations made here. */
export function StatsCard({ checkpointId }: { checkpointId: number }) {
  const { t } = useTranslation();
  const today = vnDate();
  const [range, setRange] = useState({ from: addDays(today, -6), to: today });
  const stats = useCheckpointStats(checkpointId, range.from, range.to);
  const days = stats.data?.days ?? [];
  const totals = stats.data?.totals;

  return (
    <>
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        allowClear={false}
        value={[dayjs(range.from), dayjs(range.to)]}
        onChange={(d) => d?.[0] && d[1] && setRange({ from: d[0].format(ISO), to: d[1].format(ISO) })}
        disabledDate={(d: Dayjs) => d.format(ISO) > today}
        style={{ marginBottom: 12 }}
        data-testid="stats-range"
      />
      {stats.error && !stats.data ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Suspense fallback={<Flex justify="center" style={{ height: 260 }}><Spin /></Flex>}>
            <StatsChart days={days} />
          </Suspense>
          <Table<DayCounts>
            data-testid="stats-table"
            rowKey="date"
            size="small"
            loading={stats.isFetching}
            dataSource={[...days].reverse()}
            pagination={false}
            scroll={{ y: 320 }}
            onRow={(d) => ({ 'data-testid': 'stats-row', 'data-date': d.date }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('checkpoints.stats.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
              { title: t('checkpoints.stats.passagesIn'), dataIndex: 'passagesIn', className: 'pcd-num' },
              { title: t('checkpoints.stats.peopleIn'), dataIndex: 'peopleIn', className: 'pcd-num' },
              { title: t('checkpoints.stats.passagesOut'), dataIndex: 'passagesOut', className: 'pcd-num' },
              { title: t('checkpoints.stats.peopleOut'), dataIndex: 'peopleOut', className: 'pcd-num' },
              { title: t('checkpoints.stats.declarations'), dataIndex: 'declarations', className: 'pcd-num' },
            ]}
            summary={() =>
              totals ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('common.total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} className="pcd-num">{totals.passagesIn}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2} className="pcd-num">{totals.peopleIn}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3} className="pcd-num">{totals.passagesOut}</Table.Summary.Cell>
                    <Table.Summary.Cell index={4} className="pcd-num">{totals.peopleOut}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5} className="pcd-num">{totals.declarations}</Table.Summary.Cell>
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </>
      )}
    </>
  );
}
