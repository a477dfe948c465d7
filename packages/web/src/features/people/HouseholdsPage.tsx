/**
 * Households and boarding houses of the caller's area.
 * Test ids: households-page, households-search, households-filter-unit|kind, household-create-button, households-table,
 * household-row (data-id), household-edit, household-form and its fields.
 */
import { HomeOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { useDebounced } from '../../app/useDebounced';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useHouseholds } from './api';
import { HouseholdFormModal } from './HouseholdFormModal';
import { HouseholdsTable } from './HouseholdsTable';
import { PeopleTabs } from './PeopleTabs';
import { HOUSEHOLD_FILTERS, HOUSEHOLD_KINDS, type Household } from './types';

export function HouseholdsPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(HOUSEHOLD_FILTERS);
  const households = useHouseholds({ q: filters.q || undefined, unit: filters.unit || undefined, kind: filters.kind || undefined, page, pageSize });
  const [search, setSearch] = useState(filters.q);
  const typed = useDebounced(search.trim(), 400);
  const [editing, setEditing] = useState<Household | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    if (typed !== filters.q) setFilters({ q: typed });
  }, [typed]);
  useEffect(() => {
    if (filters.q !== typed) setSearch(filters.q);
  }, [filters.q]);

  const openForm = (h: Household | null) => {
    setEditing(h);
    setFormKey((k) => k + 1);
    setFormOpen(true);
  };

  return (
    <div data-testid="households-page">
      <PageHeader
        title={t('people.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<HomeOutlined />} onClick={() => openForm(null)} data-testid="household-create-button">
              {t('people.households.create')}
            </Button>
          )
        }
      />
      <PeopleTabs />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => setFilters({ q: search.trim() })}
            placeholder={t('people.households.searchPlaceholder')}
            aria-label={t('people.households.searchPlaceholder')}
            style={{ width: 360, maxWidth: '100%' }}
            data-testid="households-search"
          />
          <div style={{ width: 240 }}>
            <UnitSelect allowClear value={filters.unit || undefined} onChange={(code) => setFilters({ unit: code ?? '' })} placeholder={t('people.filterUnit')} data-testid="households-filter-unit" />
          </div>
          <Select
            allowClear
            value={filters.kind || undefined}
            onChange={(v?: string) => setFilters({ kind: v ?? '' })}
            options={HOUSEHOLD_KINDS.map((k) => ({ value: k, label: t(`people.households.kinds.${k}`) }))}
            placeholder={t('people.households.filterKind')}
            aria-label={t('people.households.filterKind')}
            style={{ width: 240 }}
            data-testid="households-filter-kind"
          />
        </Flex>
        {households.error && !households.data ? (
          <ErrorResult error={households.error} onRetry={() => void households.refetch()} />
        ) : (
          <HouseholdsTable
            households={households.data?.items ?? []}
            total={households.data?.total ?? 0}
            loading={households.isFetching}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
            onEdit={canWrite ? openForm : undefined}
          />
        )}
      </Card>
      <HouseholdFormModal key={formKey} open={formOpen} household={editing} onClose={() => setFormOpen(false)} />
    </div>
  );
}
