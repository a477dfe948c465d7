/**
 * Checkpoints, declaration points and border posts of the caller's area.
 * Test ids: checkpoints-page, checkpoints-search|unit|kind|active, checkpoints-export, checkpoint-create, checkpoint-form,
 * checkpoint-save, checkpoints-table, checkpoint-row (data-id), checkpoint-name, checkpoint-status.
 */
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { CHECKPOINT_KINDS } from '@pcd/core';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useListParams } from '../../api/useListParams';
import { useDebounced } from '../../app/useDebounced';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { UnitSelect } from '../units/UnitSelect';
import { checkpointLinks, useCheckpoints } from './api';
import { CheckpointFormModal } from './CheckpointFormModal';
import { useCanManageCheckpoints } from './useCanManage';
import { CHECKPOINT_FILTERS, type Checkpoint } from './types';
import { serverPagination } from '../../api/serverPagination';

export function CheckpointsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCanManageCheckpoints();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(CHECKPOINT_FILTERS);
  const list = useCheckpoints({ ...filters, page, pageSize });
  const [search, setSearch] = useState(filters.q);
  const typed = useDebounced(search.trim(), 400);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (typed !== filters.q) setFilters({ q: typed });
  }, [typed]);

  return (
    <div data-testid="checkpoints-page">
      <PageHeader
        title={t('checkpoints.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={checkpointLinks.list(filters)} data-testid="checkpoints-export">
              {t('common.exportXlsx')}
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="checkpoint-create">
                {t('checkpoints.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('checkpoints.searchPlaceholder')}
            aria-label={t('checkpoints.searchPlaceholder')}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="checkpoints-search"
          />
          <div style={{ width: 240 }}>
            <UnitSelect allowClear value={filters.unit || undefined} onChange={(code) => setFilters({ unit: code ?? '' })} placeholder={t('checkpoints.filterUnit')} data-testid="checkpoints-unit" />
          </div>
          <Select
            allowClear
            value={filters.kind || undefined}
            onChange={(v?: string) => setFilters({ kind: v ?? '' })}
            placeholder={t('checkpoints.fields.kind')}
            aria-label={t('checkpoints.fields.kind')}
            options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`checkpoints.kinds.${k}`) }))}
            style={{ width: 200 }}
            data-testid="checkpoints-kind"
          />
          <Select
            allowClear
            value={filters.active || undefined}
            onChange={(v?: string) => setFilters({ active: v ?? '' })}
            placeholder={t('checkpoints.fields.status')}
            aria-label={t('checkpoints.fields.status')}
            options={[
              { value: 'true', label: t('checkpoints.active') },
              { value: 'false', label: t('checkpoints.retired') },
            ]}
            style={{ width: 180 }}
            data-testid="checkpoints-active"
          />
        </Flex>
        {list.error && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Checkpoint>
            data-testid="checkpoints-table"
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('checkpoints.empty') }}
            onRow={(c) => ({ 'data-testid': 'checkpoint-row', 'data-id': String(c.id) }) as React.HTMLAttributes<HTMLElement>}
            pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0, onChange: setPage })}
            columns={[
              {
                title: t('checkpoints.fields.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <Link to={`/checkpoints/${c.id}`} data-testid="checkpoint-name">
                    {name}
                  </Link>
                ),
              },
              { title: t('checkpoints.fields.kind'), dataIndex: 'kind', width: 170, render: (k: Checkpoint['kind']) => t(`checkpoints.kinds.${k}`) },
              { title: t('checkpoints.fields.unit'), dataIndex: 'unitName', width: 160, render: (n: string | undefined, c) => n ?? c.unitCode },
              { title: t('checkpoints.fields.location'), dataIndex: 'location', ellipsis: true, render: (v: string | null) => v ?? t('common.empty') },
              {
                title: t('checkpoints.fields.staffOnDuty'),
                dataIndex: 'staffOnDuty',
                ellipsis: true,
                render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
              },
              {
                title: t('checkpoints.fields.status'),
                dataIndex: 'active',
                width: 140,
                render: (a: boolean) => (
                  <Tag color={a ? 'green' : 'default'} data-testid="checkpoint-status">
                    {a ? t('checkpoints.active') : t('checkpoints.retired')}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating && <CheckpointFormModal checkpoint={null} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/checkpoints/${c.id}`)} />}
    </div>
  );
}
