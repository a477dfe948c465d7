import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { useSweepHouseholds } from './api';
import { HouseholdCards } from './HouseholdCards';
import { HOUSEHOLD_FILTERS, HouseholdFilters, householdQuery } from './HouseholdFilters';
import { HouseholdsTable } from './HouseholdsTable';
import { ReassignBar } from './ReassignBar';
import type { SweepDetail, SweepHousehold } from './types';

/**
 * The sweep's households, by default those still to visit. Staff see them all, filter by village and
 * member, export, and re-give ticked ones; a team member sees only their own, as cards.
 */
export function HouseholdsTab({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(HOUSEHOLD_FILTERS);
  const query = householdQuery(filters);
  const households = useSweepHouseholds(sweep.id, { ...query, page, pageSize });
  const [selected, setSelected] = useState<number[]>([]);
  const manage = sweep.access === 'manage';
  const visitLink = sweep.status === 'active' ? (h: SweepHousehold) => `/sweeps/${sweep.id}/visit?household=${h.householdId}` : undefined;
  const unassigned = sweep.members.find((m) => m.userId === null)?.total ?? 0;
  const list = { households: households.data?.items ?? [], total: households.data?.total ?? 0, loading: households.isFetching, page, pageSize, onPage: setPage, visitLink };

  return (
    <div>
      {sweep.status !== 'active' && <Alert type="info" showIcon title={t(`sweeps.households.notActive.${sweep.status}`)} style={{ marginBottom: 12 }} />}
      {manage && unassigned > 0 && <Alert type="warning" showIcon title={t('sweeps.households.someUnassigned', { count: unassigned })} style={{ marginBottom: 12 }} data-testid="sweep-unassigned" />}
      <HouseholdFilters sweep={sweep} value={filters} onChange={setFilters} />
      {manage && selected.length > 0 && <ReassignBar sweep={sweep} selected={selected} onDone={() => setSelected([])} />}
      {households.error && !households.data ? (
        <ErrorResult error={households.error} onRetry={() => void households.refetch()} />
      ) : manage ? (
        <HouseholdsTable {...list} selected={selected} onSelect={setSelected} />
      ) : (
        <HouseholdCards {...list} />
      )}
    </div>
  );
}
