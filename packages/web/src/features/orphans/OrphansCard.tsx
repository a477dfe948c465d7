/**
 * Orphaned children with their support status, changed in place (the version guards against two offices
 * writing at once). Test ids: orphans-card, orphans-filter, orphan-row (data-id), orphan-status, orphans-xlsx.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { SUPPORT_STATUSES, formatDate, type SupportStatus } from '@pcd/core';
import { App, Button, Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { usePermission } from '../auth/session';
import { orphanLinks, useOrphans, useUpdateOrphan } from './api';
import type { Orphan } from './types';

export function OrphansCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [supportStatus, setSupportStatus] = useState<SupportStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useOrphans({ supportStatus, page });
  const update = useUpdateOrphan();
  const showError = useShowError();
  const canWrite = usePermission('personal.write');
  const c = (k: string) => t(`orphans.children.${k}` as 'orphans.children.title');
  const statusOptions = SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`orphans.supportStatuses.${s}`) }));

  const save = async (o: Orphan, change: { supportStatus?: SupportStatus; supportNotes?: string | null }) => {
    try {
      await update.mutateAsync({ id: o.id, version: o.version, ...change });
      void message.success(t('orphans.children.saved', { name: o.childName }));
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void list.refetch();
        void message.warning(c('stale'));
        return;
      }
      showError(err);
    }
  };

  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      title={c('title')}
      data-testid="orphans-card"
      extra={
        <>
          <Select
            allowClear
            placeholder={c('filter')}
            value={supportStatus}
            onChange={(v) => { setSupportStatus(v); setPage(1); }}
            options={statusOptions}
            style={{ width: 200, marginRight: 8 }}
            data-testid="orphans-filter"
          />
          <Button icon={<DownloadOutlined />} href={orphanLinks.orphansXlsx(supportStatus)} data-testid="orphans-xlsx">{t('common.exportXlsx')}</Button>
        </>
      }
    >
      <Table<Orphan>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: c('empty') }}
        onRow={(o) => ({ 'data-testid': 'orphan-row', 'data-id': o.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: c('child'), dataIndex: 'childName' },
          { title: c('birth'), render: (_, o) => (o.childDateOfBirth ? formatDate(o.childDateOfBirth) : o.childBirthYear ?? t('common.empty')), width: 110 },
          { title: c('age'), dataIndex: 'ageAtDeath', width: 90, align: 'right' },
          { title: c('unit'), dataIndex: 'unitName' },
          {
            title: c('parent'),
            render: (_, o) => (
              <>
                <Link to={`/cases/${o.caseId}`}>{o.parentName}</Link> · {t(`orphans.relations.${o.relation}`)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('orphans.children.died', { date: formatDate(o.deathDate) })}</Typography.Text>
              </>
            ),
          },
          {
            title: c('support'),
            width: 200,
            render: (_, o) =>
              canWrite ? (
                <Select<SupportStatus>
                  value={o.supportStatus}
                  options={statusOptions}
                  onChange={(v) => void save(o, { supportStatus: v })}
                  disabled={update.isPending}
                  style={{ width: '100%' }}
                  data-testid="orphan-status"
                />
              ) : (
                <span data-testid="orphan-status">{t(`orphans.supportStatuses.${o.supportStatus}`)}</span>
              ),
          },
          {
            title: c('notes'),
            render: (_, o) => (
              <Typography.Text
                editable={canWrite ? { onChange: (v) => { if (v.trim() !== (o.supportNotes ?? '')) void save(o, { supportNotes: v.trim() || null }); }, tooltip: c('editNotes') } : false}
              >
                {o.supportNotes ?? ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
