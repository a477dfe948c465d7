/**
 * The sweeps ("đi từng ngõ, gõ từng nhà") of the caller's area with their progress; staff plan new ones here.
 * Test ids: sweeps-page, sweeps-filter-status, sweeps-export, sweep-create-button, sweeps-table, sweep-row (data-id),
 * sweep-name, sweep-status, sweep-progress (data-visited, data-total), sweeps-total.
 */
import { PlusOutlined, DownloadOutlined } from '@ant-design/icons';
import { SWEEP_STATUSES, sweepAccess } from '@pcd/core';
import { Alert, Button, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { sweepLinks, useSweeps } from './api';
import { SweepFormModal } from './SweepFormModal';
import { SweepsTable } from './SweepsTable';
import { SWEEP_FILTERS } from './types';

export function SweepsListPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const access = sweepAccess(user.role);
  const { page, pageSize, filters, setPage, setFilters } = useListParams(SWEEP_FILTERS);
  const sweeps = useSweeps({ ...filters, page, pageSize });
  const [formOpen, setFormOpen] = useState(false);

  return (
    <div data-testid="sweeps-page">
      <PageHeader
        title={t('sweeps.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={sweepLinks.listXlsx(filters)} data-testid="sweeps-export">
              {t('common.exportXlsx')}
            </Button>
            {access === 'manage' && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="sweep-create-button">
                {t('sweeps.create')}
              </Button>
            )}
          </>
        }
      />
      {access !== 'manage' && (
        <Alert type="info" showIcon title={t(access === 'member' ? 'sweeps.memberScope' : 'sweeps.countsOnly')} style={{ marginBottom: 16 }} data-testid="sweeps-scope" />
      )}
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('sweeps.filters.allStatuses')}
            value={filters.status || undefined}
            onChange={(status?: string) => setFilters({ status })}
            options={SWEEP_STATUSES.map((s) => ({ value: s, label: t(`sweeps.statuses.${s}`) }))}
            style={{ width: 200 }}
            data-testid="sweeps-filter-status"
          />
          {access !== 'member' && (
            <div style={{ width: 280 }}>
              <UnitSelect allowClear placeholder={t('sweeps.filters.unit')} value={filters.unit || undefined} onChange={(unit) => setFilters({ unit })} data-testid="sweeps-filter-unit" />
            </div>
          )}
        </Flex>
        {sweeps.error && !sweeps.data ? (
          <ErrorResult error={sweeps.error} onRetry={() => void sweeps.refetch()} />
        ) : (
          <SweepsTable
            sweeps={sweeps.data?.items ?? []}
            total={sweeps.data?.total ?? 0}
            loading={sweeps.isFetching}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
          />
        )}
      </Card>
      {access === 'manage' && <SweepFormModal open={formOpen} onClose={() => setFormOpen(false)} />}
    </div>
  );
}
