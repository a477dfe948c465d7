import { formatDate } from '@pcd/core';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOccupancy } from './api';
import type { OccupancyDay } from './types';

/** Newest day first: the commander asks about today before the trend. */
export function OccupancyTable({ facilityId }: { facilityId: number }) {
  const { t } = useTranslation();
  const occ = useOccupancy(facilityId);
  const days = [...(occ.data?.days ?? [])].reverse();
  return (
    <Card title={t('quarantine.occupancy.title')}>
      <Table<OccupancyDay>
        rowKey="date"
        size="small"
        loading={occ.isLoading}
        dataSource={days}
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="occupancy-table"
        columns={[
          { title: t('quarantine.occupancy.date'), render: (_, d) => formatDate(d.date) },
          { title: 'F1', render: (_, d) => d.byArea.f1, align: 'right' },
          { title: 'F2', render: (_, d) => d.byArea.f2, align: 'right' },
          { title: t('quarantine.occupancy.arrival'), render: (_, d) => d.byArea.arrival, align: 'right' },
          { title: t('quarantine.occupancy.total'), dataIndex: 'total', align: 'right' },
          { title: t('quarantine.occupancy.ratio'), render: (_, d) => <Tag color={d.overloaded ? 'red' : undefined}>{d.ratioPct}%</Tag> },
        ]}
      />
    </Card>
  );
}
