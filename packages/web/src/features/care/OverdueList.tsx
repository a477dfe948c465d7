/** F0 at home who missed a twice-daily check. Test ids: overdue-list, overdue-row (data-id). */
import { DownloadOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { careLinks, useOverdue } from './api';
import type { OverdueCase } from './types';

export function OverdueList() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useOverdue(page);
  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      title={t('care.overdue.title')}
      data-testid="overdue-list"
      extra={<Button icon={<DownloadOutlined />} href={careLinks.overdue()}>{t('common.exportXlsx')}</Button>}
    >
      <Table<OverdueCase>
        rowKey="caseId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('care.overdue.empty') }}
        onRow={(o) => ({ 'data-testid': 'overdue-row', 'data-id': o.caseId }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('care.fullName'), render: (_, o) => <Link to={`/cases/${o.caseId}`}>{o.fullName}</Link> },
          { title: t('care.phone'), dataIndex: 'phone' },
          { title: t('care.unit'), dataIndex: 'unitName' },
          { title: t('care.overdue.lastCheckin'), dataIndex: 'lastCheckinAt', render: (v: string | null) => (v ? formatDateTime(v) : t('care.overdue.never')) },
          { title: t('care.overdue.since'), dataIndex: 'overdueSince', render: (v: string) => formatDateTime(v) },
          { title: t('care.overdue.team'), dataIndex: 'careTeam', render: (v: string | null) => v ?? t('common.empty') },
        ]}
      />
    </Card>
  );
}
