/**
 * The commune's work list of follow-ups for people arriving from epidemic zones: due today, overdue,
 * upcoming, all open, and closed ones (to reopen). Test ids: work-page, work-tab-<tab>, work-search,
 * work-unit, work-export, obligations-table, obligation-row (data-id), obligation-*, test-done-*.
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { useDebounced } from '../../app/useDebounced';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { arrivalLinks, useObligations, workTabQuery } from './api';
import { ArrivalsTabs } from './ArrivalsTabs';
import { CancelObligationModal } from './CancelObligationModal';
import { ObligationsTable } from './ObligationsTable';
import { TestDoneModal } from './TestDoneModal';
import { WORK_TABS, type Obligation, type WorkTab } from './types';
import { useObligationCommands } from './useObligationCommands';

const FILTERS = ['tab', 'q', 'unit'] as const;

export function WorkListPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const tab: WorkTab = (WORK_TABS as readonly string[]).includes(filters.tab) ? (filters.tab as WorkTab) : 'today';
  const query = { ...workTabQuery(tab), q: filters.q, unit: filters.unit };
  const list = useObligations({ ...query, page, pageSize });
  const [search, setSearch] = useState(filters.q);
  const typed = useDebounced(search.trim(), 400);
  const { run, busyId, saving } = useObligationCommands();
  const [testing, setTesting] = useState<Obligation | null>(null);
  const [cancelling, setCancelling] = useState<Obligation | null>(null);

  useEffect(() => {
    if (typed !== filters.q) setFilters({ q: typed });
  }, [typed]);

  return (
    <div data-testid="work-page">
      <PageHeader
        title={t('arrivals.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={arrivalLinks.obligations(query)} data-testid="work-export">
            {t('common.exportXlsx')}
          </Button>
        }
      />
      <ArrivalsTabs />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setFilters({ tab: key === 'today' ? '' : key })}
          items={WORK_TABS.map((key) => ({ key, label: <span data-testid={`work-tab-${key}`}>{t(`arrivals.work.tabs.${key}`)}</span> }))}
        />
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('arrivals.work.searchPlaceholder')}
            aria-label={t('arrivals.work.searchPlaceholder')}
            style={{ width: 360, maxWidth: '100%' }}
            data-testid="work-search"
          />
          <div style={{ width: 260 }}>
            <UnitSelect allowClear value={filters.unit || undefined} onChange={(code) => setFilters({ unit: code ?? '' })} placeholder={t('arrivals.filterUnit')} data-testid="work-unit" />
          </div>
        </Flex>
        {list.error && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ObligationsTable
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
            busyId={busyId}
            actions={
              canWrite
                ? {
                    onTest: setTesting,
                    onComplete: (o) => void run(o, { action: 'complete' }),
                    onCancel: setCancelling,
                    onReopen: (o) => void run(o, { action: 'reopen' }),
                  }
                : undefined
            }
          />
        )}
      </Card>
      <TestDoneModal
        key={testing?.id ?? 0}
        obligation={testing}
        saving={saving}
        onClose={() => setTesting(null)}
        onSubmit={async (v) => {
          if (testing && (await run(testing, { action: 'test_done', ...v }))) setTesting(null);
        }}
      />
      <CancelObligationModal
        key={`c${cancelling?.id ?? 0}`}
        obligation={cancelling}
        saving={saving}
        onClose={() => setCancelling(null)}
        onSubmit={async (reason) => {
          if (cancelling && (await run(cancelling, { action: 'cancel', reason }))) setCancelling(null);
        }}
      />
    </div>
  );
}
