import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../units/UnitSelect';
import { ClusterSelect } from './ClusterSelect';
import { DATE_FORMAT, carePlaceOptions, caseStatusOptions, detectionOptions, isoOf, severityOptions } from './labels';
import { SearchBox } from './SearchBox';
import type { CaseQuery } from './types';

/** Every filter applies at once and lives in the URL, so the export takes exactly the list on screen. */
export function CasesFilterBar({ value, onChange }: { value: CaseQuery; onChange: (next: CaseQuery) => void }) {
  const { t } = useTranslation();
  const select = (key: keyof CaseQuery, options: { value: string; label: string }[], width: number) => (
    <Select
      allowClear
      value={value[key] || undefined}
      onChange={(v?: string) => onChange({ [key]: v ?? '' })}
      options={options}
      placeholder={t(`cases.filters.${key as 'status'}`)}
      aria-label={t(`cases.filters.${key as 'status'}`)}
      style={{ width }}
      data-testid={`cases-filter-${key}`}
    />
  );
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <SearchBox value={value.q ?? ''} onChange={(q) => onChange({ q })} placeholder={t('cases.filters.search')} testId="cases-search" />
      <div style={{ width: 220 }}>
        <UnitSelect allowClear value={value.unit || undefined} onChange={(c) => onChange({ unit: c ?? '' })} placeholder={t('cases.filters.unit')} />
      </div>
      {select('status', caseStatusOptions(t), 160)}
      {select('severity', severityOptions(t), 150)}
      {select('detectedIn', detectionOptions(t), 170)}
      {select('carePlace', carePlaceOptions(t), 220)}
      <div style={{ width: 200 }}>
        <ClusterSelect
          value={value.clusterId ? Number(value.clusterId) : null}
          onChange={(id) => onChange({ clusterId: id ? String(id) : '' })}
          placeholder={t('cases.filters.cluster')}
        />
      </div>
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(r) => onChange({ from: isoOf(r?.[0]) ?? '', to: isoOf(r?.[1]) ?? '' })}
        allowEmpty={[true, true]}
        aria-label={t('cases.filters.dates')}
      />
    </Flex>
  );
}
