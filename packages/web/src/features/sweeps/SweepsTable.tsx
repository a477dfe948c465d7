import { Table } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { periodText } from './labels';
import { SweepProgress } from './SweepProgress';
import { SweepStatusTag } from './SweepStatusTag';
import type { Sweep } from './types';
import { serverPagination } from '../../api/serverPagination';

interface Props {
  sweeps: Sweep[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

export function SweepsTable({ sweeps, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const pagination: TablePaginationConfig = serverPagination(t, { page, pageSize, total, onChange: onPage, totalTestId: 'sweeps-total' });
  return (
    <Table<Sweep>
      data-testid="sweeps-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={sweeps}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('sweeps.empty') }}
      onRow={(s) => ({ 'data-testid': 'sweep-row', 'data-id': String(s.id) }) as React.HTMLAttributes<HTMLElement>}
      pagination={pagination}
      columns={[
        {
          title: t('sweeps.fields.name'),
          dataIndex: 'name',
          render: (name: string, s) => (
            <Link to={`/sweeps/${s.id}`} data-testid="sweep-name">
              {name}
            </Link>
          ),
        },
        { title: t('sweeps.fields.unitCode'), dataIndex: 'unitName', width: 150, render: (name: string, s) => <span title={s.unitCode}>{name}</span> },
        { title: t('sweeps.fields.villageCount'), key: 'villages', width: 110, align: 'right', render: (_: unknown, s) => s.villageCodes.length },
        { title: t('sweeps.fields.period'), key: 'period', width: 200, render: (_: unknown, s) => periodText(s) },
        { title: t('sweeps.fields.status'), dataIndex: 'status', width: 140, render: (status: Sweep['status']) => <SweepStatusTag status={status} /> },
        {
          title: t('sweeps.fields.progress'),
          key: 'progress',
          width: 220,
          render: (_: unknown, s) => <SweepProgress progress={s.progress} testId="sweep-progress" />,
        },
      ]}
    />
  );
}
