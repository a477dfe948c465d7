/**
 * Open pairs of records that are probably one person (same folded name, birth date or year, village).
 * Test ids: duplicates-page, duplicates-table, duplicate-row (data-id, data-first, data-second), duplicate-merge,
 * duplicate-dismiss, then the merge dialog's ids.
 */
import { formatDateTime } from '@pcd/core';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useListParams } from '../../api/useListParams';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useDismissDuplicate, useDuplicates } from './api';
import { birthText } from './labels';
import { MergeDialog } from './MergeDialog';
import { PeopleTabs } from './PeopleTabs';
import type { DuplicatePair, Person } from './types';
import { serverPagination } from '../../api/serverPagination';

const FILTERS = ['unit'] as const;

function PersonCell({ p }: { p: Person }) {
  const { t } = useTranslation();
  const facts = [birthText(p), p.idNumber, p.phone].filter(Boolean).join(' · ');
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/people/${p.id}`}>{p.fullName}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('people.merge.record', { id: p.id })}
        {facts ? ` · ${facts}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[p.unitName ?? p.unitCode, p.address].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Space>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const pairs = useDuplicates({ unit: filters.unit || undefined, page, pageSize });
  const dismiss = useDismissDuplicate();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  const onDismiss = async (pair: DuplicatePair) => {
    try {
      await dismiss.mutateAsync(pair.id);
      void message.success(t('people.duplicates.dismissed'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="duplicates-page">
      <PageHeader title={t('people.title')} />
      <PeopleTabs />
      <Card>
        <Alert type="info" showIcon title={t('people.duplicates.intro')} style={{ marginBottom: 16 }} />
        <div style={{ width: 280, marginBottom: 16 }}>
          <UnitSelect allowClear value={filters.unit || undefined} onChange={(code) => setFilters({ unit: code ?? '' })} placeholder={t('people.filterUnit')} />
        </div>
        {pairs.error && !pairs.data ? (
          <ErrorResult error={pairs.error} onRetry={() => void pairs.refetch()} />
        ) : (
          <Table<DuplicatePair>
            data-testid="duplicates-table"
            rowKey="id"
            size="middle"
            loading={pairs.isFetching}
            dataSource={pairs.data?.items ?? []}
            locale={{ emptyText: t('people.duplicates.none') }}
            scroll={{ x: 900 }}
            onRow={(d) =>
              ({ 'data-testid': 'duplicate-row', 'data-id': String(d.id), 'data-first': String(d.person.id), 'data-second': String(d.other.id) }) as React.HTMLAttributes<HTMLElement>
            }
            pagination={serverPagination(t, { page, pageSize, total: pairs.data?.total ?? 0, onChange: setPage })}
            columns={[
              { title: t('people.duplicates.first'), key: 'first', render: (_: unknown, d) => <PersonCell p={d.person} /> },
              { title: t('people.duplicates.second'), key: 'second', render: (_: unknown, d) => <PersonCell p={d.other} /> },
              { title: t('people.duplicates.foundAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              ...(canWrite
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 260,
                      render: (_: unknown, d: DuplicatePair) => (
                        <Space>
                          <Button type="primary" size="small" onClick={() => setMerging(d)} data-testid="duplicate-merge">
                            {t('people.duplicates.merge')}
                          </Button>
                          <Popconfirm
                            title={t('people.duplicates.confirmDismiss')}
                            okText={t('common.confirm')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => onDismiss(d)}
                          >
                            <Button size="small" data-testid="duplicate-dismiss">
                              {t('people.duplicates.dismiss')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {merging && <MergeDialog open ids={[merging.person.id, merging.other.id]} onClose={() => setMerging(null)} />}
    </div>
  );
}
