import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { sweepLinks } from './api';
import { memberText } from './labels';
import type { HouseholdQuery, SweepDetail } from './types';

export const HOUSEHOLD_FILTERS = ['status', 'village', 'member'] as const;
export type HouseholdFilterValues = Record<(typeof HOUSEHOLD_FILTERS)[number], string>;

/** The list opens on what is left to do; "all" is asked for explicitly. */
export function householdQuery(f: HouseholdFilterValues): HouseholdQuery {
  const status = f.status || 'unvisited';
  return { status: status === 'all' ? undefined : (status as HouseholdQuery['status']), village: f.village || undefined, member: f.member || undefined };
}

interface Props {
  sweep: SweepDetail;
  value: HouseholdFilterValues;
  onChange: (v: Partial<HouseholdFilterValues>) => void;
}

/** State, village and member filters; the export link carries exactly the same query. */
export function HouseholdFilters({ sweep, value, onChange }: Props) {
  const { t } = useTranslation();
  const manage = sweep.access === 'manage';
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Select
        value={value.status || 'unvisited'}
        onChange={(status: string) => onChange({ status: status === 'unvisited' ? '' : status })}
        options={(['unvisited', 'attempted', 'visited', 'all'] as const).map((s) => ({ value: s, label: t(`sweeps.households.filterStates.${s}`) }))}
        style={{ width: 220 }}
        data-testid="sweep-households-filter-status"
      />
      {sweep.villages.length > 1 && (
        <Select
          allowClear
          placeholder={t('sweeps.households.allVillages')}
          value={value.village || undefined}
          onChange={(village?: string) => onChange({ village })}
          options={sweep.villages.map((v) => ({ value: v.unitCode, label: v.unitName }))}
          style={{ width: 200 }}
          data-testid="sweep-households-filter-village"
        />
      )}
      {manage && (
        <Select
          allowClear
          placeholder={t('sweeps.households.allMembers')}
          value={value.member || undefined}
          onChange={(member?: string) => onChange({ member })}
          options={sweep.members.map((m, i) => ({ value: m.userId === null ? 'none' : String(m.userId), label: memberText(t, m, i) }))}
          style={{ width: 220 }}
          data-testid="sweep-households-filter-member"
        />
      )}
      <Button icon={<DownloadOutlined />} href={sweepLinks.householdsXlsx(sweep.id, householdQuery(value))} data-testid="sweep-households-export">
        {t('common.exportXlsx')}
      </Button>
    </Flex>
  );
}
