import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ageText, birthText } from './labels';
import { FlagTags, ResidenceTag } from './PersonTags';
import type { Person } from './types';
import { serverPagination } from '../../api/serverPagination';

interface Props {
  people: Person[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Absent for read-only callers: no edit button. */
  onEdit?: (person: Person) => void;
}

export function PeopleTable({ people, total, loading, page, pageSize, onPage, onEdit }: Props) {
  const { t } = useTranslation();
  const pagination: TablePaginationConfig = serverPagination(t, { page, pageSize, total, onChange: onPage, totalTestId: 'people-total' });
  return (
    <Table<Person>
      data-testid="people-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={people}
      scroll={{ x: 1560 }}
      locale={{ emptyText: t('people.empty') }}
      onRow={(p) => ({ 'data-testid': 'person-row', 'data-id': String(p.id) }) as React.HTMLAttributes<HTMLElement>}
      pagination={pagination}
      columns={[
        {
          title: t('people.fields.fullName'),
          dataIndex: 'fullName',
          width: 200,
          fixed: 'left',
          render: (name: string, p) => (
            <Link to={`/people/${p.id}`} data-testid="person-name">
              {name}
            </Link>
          ),
        },
        {
          title: t('people.fields.birth'),
          key: 'birth',
          width: 130,
          render: (_: unknown, p) => (
            <span data-testid="person-birth" title={ageText(t, p)}>
              {birthText(p) || t('common.empty')}
            </span>
          ),
        },
        { title: t('people.fields.sex'), dataIndex: 'sex', width: 80, render: (s: Person['sex']) => (s ? t(`people.sexes.${s}`) : t('common.empty')) },
        {
          title: t('people.fields.idNumber'),
          dataIndex: 'idNumber',
          width: 150,
          render: (v: string | null) => <span data-testid="person-id-number">{v ?? t('common.empty')}</span>,
        },
        {
          title: t('people.fields.phone'),
          dataIndex: 'phone',
          width: 120,
          render: (v: string | null) => <span data-testid="person-phone">{v ?? t('common.empty')}</span>,
        },
        {
          title: t('people.fields.unitCode'),
          dataIndex: 'unitName',
          width: 140,
          render: (name: string | undefined, p) => <span title={p.unitCode}>{name ?? p.unitCode}</span>,
        },
        {
          title: t('people.fields.residenceStatus'),
          dataIndex: 'residenceStatus',
          width: 130,
          render: (s: Person['residenceStatus']) => <ResidenceTag status={s} />,
        },
        { title: t('people.fields.flags'), dataIndex: 'flags', width: 220, render: (f: Person['flags']) => <FlagTags flags={f} /> },
        {
          title: t('people.fields.address'),
          dataIndex: 'address',
          width: 240,
          ellipsis: true,
          render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
        },
        ...(onEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right' as const,
                width: 100,
                render: (_: unknown, p: Person) => (
                  <Button type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} data-testid="person-edit">
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
