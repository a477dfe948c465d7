import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PAGE_SIZE_OPTIONS } from '../../api/paging';
import { birthText } from '../people/labels';
import { CASE_STATUS_COLORS, SEVERITY_COLORS, dateText } from './labels';
import type { Case } from './types';

interface Props { cases: Case[]; total: number; loading: boolean; page: number; pageSize: number; onPage: (page: number, size: number) => void }

export function CasesTable({ cases, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<Case> = [
    { title: t('cases.columns.id'), dataIndex: 'id', width: 70 },
    {
      title: t('cases.columns.name'),
      render: (_, c) => (
        <>
          <Link to={`/cases/${c.id}`} data-testid="case-name">{c.person.fullName}</Link>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{birthText(c.person)}</div>
        </>
      ),
    },
    { title: t('cases.columns.unit'), dataIndex: 'unitName' },
    { title: t('cases.columns.test'), render: (_, c) => `${t(`cases.testTypes.${c.testType}`)} ${dateText(c.testDate)}` },
    { title: t('cases.columns.detectedIn'), render: (_, c) => t(`cases.detections.${c.detectedIn}`) },
    { title: t('cases.columns.severity'), render: (_, c) => <Tag color={SEVERITY_COLORS[c.severity]}>{t(`cases.severities.${c.severity}`)}</Tag> },
    { title: t('cases.columns.carePlace'), render: (_, c) => t(`cases.carePlaces.${c.carePlace}`) },
    { title: t('cases.columns.status'), render: (_, c) => <Tag color={CASE_STATUS_COLORS[c.status]}>{t(`cases.statuses.${c.status}`)}</Tag> },
  ];
  return (
    <Table<Case>
      rowKey="id"
      size="middle"
      data-testid="cases-table"
      columns={columns}
      dataSource={cases}
      loading={loading}
      onRow={(c) => ({ 'data-id': c.id }) as React.HTMLAttributes<HTMLElement>}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS, showTotal: (n) => <span data-testid="cases-total">{t('cases.total', { count: n })}</span> }}
      scroll={{ x: 900 }}
    />
  );
}
