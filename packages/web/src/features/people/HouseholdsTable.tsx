import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { householdTitle } from './labels';
import type { Household } from './types';
import { serverPagination } from '../../api/serverPagination';

interface Props {
  households: Household[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onEdit?: (h: Household) => void;
}

export function HouseholdsTable({ households, total, loading, page, pageSize, onPage, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Household>
      data-testid="households-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={households}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('people.households.empty') }}
      onRow={(h) => ({ 'data-testid': 'household-row', 'data-id': String(h.id) }) as React.HTMLAttributes<HTMLElement>}
      pagination={serverPagination(t, { page, pageSize, total, onChange: onPage })}
      columns={[
        {
          title: t('people.households.fields.code'),
          key: 'title',
          render: (_: unknown, h) => <Link to={`/people/households/${h.id}`}>{householdTitle(t, h)}</Link>,
        },
        {
          title: t('people.households.fields.kind'),
          dataIndex: 'kind',
          width: 210,
          render: (k: Household['kind']) => <Tag color={k === 'boarding_house' ? 'purple' : 'default'}>{t(`people.households.kinds.${k}`)}</Tag>,
        },
        { title: t('people.households.fields.address'), dataIndex: 'address', ellipsis: true },
        {
          title: t('people.households.fields.unitCode'),
          dataIndex: 'unitName',
          width: 140,
          render: (name: string | undefined, h) => <span title={h.unitCode}>{name ?? h.unitCode}</span>,
        },
        {
          title: t('people.households.fields.headPersonId'),
          key: 'head',
          width: 180,
          render: (_: unknown, h) =>
            h.kind === 'boarding_house' && h.landlordName ? (
              <span>
                {h.landlordName} <Typography.Text type="secondary">({t('people.households.fields.landlordName').toLowerCase()})</Typography.Text>
              </span>
            ) : h.headPersonId ? (
              <Link to={`/people/${h.headPersonId}`}>{h.headName ?? h.headPersonId}</Link>
            ) : (
              t('common.empty')
            ),
        },
        {
          title: t('people.households.fields.memberCount'),
          key: 'members',
          width: 110,
          align: 'right',
          render: (_: unknown, h) =>
            h.capacity ? t('people.households.occupancy', { count: h.memberCount ?? 0, capacity: h.capacity }) : (h.memberCount ?? 0),
        },
        ...(onEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                render: (_: unknown, h: Household) => (
                  <Button type="link" icon={<EditOutlined />} onClick={() => onEdit(h)} data-testid="household-edit">
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
