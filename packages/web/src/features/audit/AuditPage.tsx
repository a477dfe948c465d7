/**
 * Access log (admin only): who did what, where and when. Filters and paging live in the URL.
 * Test ids: audit-filters, audit-filter-username|action|entity|unit|range, audit-filter-apply, audit-export,
 * audit-table, audit-row (data-id), audit-changes (expanded row).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { auditExportUrl, useAuditLog } from './api';
import { AuditFilterBar } from './AuditFilterBar';
import { ChangesView } from './ChangesView';
import { AUDIT_FILTERS, type AuditEntry } from './types';
import { serverPagination } from '../../api/serverPagination';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  login: 'cyan',
  login_failed: 'orange',
  logout: 'default',
  import: 'purple',
  export: 'geekblue',
};

function actionColor(action: string): string | undefined {
  const key = Object.keys(ACTION_COLORS).find((k) => action === k || action.endsWith(`.${k}`) || action.endsWith(`_${k}`));
  return key ? ACTION_COLORS[key] : undefined;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(AUDIT_FILTERS);
  const log = useAuditLog(page, pageSize, filters);

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
            {t('common.exportXlsx')}
          </Button>
        }
      />
      <Card>
        <AuditFilterBar value={filters} onChange={setFilters} />
        {log.error && !log.data ? (
          <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            scroll={{ x: 1000 }}
            onRow={(e) => ({ 'data-testid': 'audit-row', 'data-id': String(e.id) }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (e) => <ChangesView changes={e.changes} />,
              rowExpandable: (e) => !!e.changes && Object.keys(e.changes).length > 0,
            }}
            pagination={serverPagination(t, { page, pageSize, total: log.data?.total ?? 0, onChange: setPage })}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: t('audit.username'),
                dataIndex: 'username',
                render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (v: string) => (
                  <Tag color={actionColor(v)} title={v}>
                    {t(`audit.actions.${v}`, { defaultValue: v })}
                  </Tag>
                ),
              },
              { title: t('audit.entity'), dataIndex: 'entity', render: (v: string) => t(`audit.entities.${v}`, { defaultValue: v }) },
              { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? t('common.empty') },
              { title: t('audit.unit'), dataIndex: 'unitCode', render: (v: string | null) => v ?? t('common.empty') },
              { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.empty') },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
