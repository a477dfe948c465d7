import { EditOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { Button, Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HouseholdStateTag } from './HouseholdStateTag';
import { householdText } from './labels';
import type { SweepHousehold } from './types';
import { serverPagination } from '../../api/serverPagination';

interface Props {
  households: SweepHousehold[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Where "record a visit" leads; absent while the sweep is not running. */
  visitLink?: (h: SweepHousehold) => string;
  selected?: number[];
  onSelect?: (ids: number[]) => void;
}

export function HouseholdsTable({ households, total, loading, page, pageSize, onPage, visitLink, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const pagination: TablePaginationConfig = serverPagination(t, { page, pageSize, total, onChange: onPage, totalTestId: 'sweep-households-total' });
  return (
    <Table<SweepHousehold>
      data-testid="sweep-households"
      rowKey="householdId"
      size="middle"
      loading={loading}
      dataSource={households}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('sweeps.households.empty') }}
      pagination={pagination}
      rowSelection={onSelect ? { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys as number[]), preserveSelectedRowKeys: true } : undefined}
      onRow={(h) => ({ 'data-testid': 'sweep-household-row', 'data-id': String(h.householdId) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('sweeps.households.household'), key: 'household', render: (_: unknown, h) => <span data-testid="sweep-household-name">{householdText(t, h)}</span> },
        { title: t('sweeps.households.address'), dataIndex: 'address', ellipsis: true },
        { title: t('sweeps.fields.village'), dataIndex: 'unitName', width: 130 },
        {
          title: t('sweeps.fields.member'),
          dataIndex: 'memberName',
          width: 170,
          render: (name: string | null) => <span data-testid="sweep-household-member">{name ?? <Typography.Text type="warning">{t('sweeps.members.unassigned')}</Typography.Text>}</span>,
        },
        { title: t('sweeps.households.state'), key: 'state', width: 200, render: (_: unknown, h) => <HouseholdStateTag household={h} /> },
        {
          title: t('sweeps.households.lastVisit'),
          key: 'last',
          width: 170,
          render: (_: unknown, h) => (h.lastVisitAt ? formatDateTime(h.lastVisitAt) : t('common.empty')),
        },
        ...(visitLink
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                fixed: 'right' as const,
                render: (_: unknown, h: SweepHousehold) => (
                  <Link to={visitLink(h)} data-testid="sweep-household-visit">
                    <Button type="link" icon={<EditOutlined />} style={{ padding: 0 }}>
                      {t('sweeps.households.record')}
                    </Button>
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
