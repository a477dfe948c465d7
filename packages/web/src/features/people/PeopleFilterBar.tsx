import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { UnitSelect } from '../units/UnitSelect';
import { ageBandOptions, flagOptions, statusOptions } from './labels';
import type { PeopleFilters } from './types';

interface Props {
  value: PeopleFilters;
  onChange: (next: Partial<PeopleFilters>) => void;
}

/** Search as the official types; every filter applies at once and lives in the URL. */
export function PeopleFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value.q);
  const typed = useDebounced(search.trim(), 400);

  useEffect(() => {
    if (typed !== value.q) onChange({ q: typed });
    // Only a change of what was typed should trigger; value.q follows from it.
  }, [typed]);

  // Back/Forward change the URL under the box: show that query, unless it is the one just typed.
  useEffect(() => {
    if (value.q !== typed) setSearch(value.q);
  }, [value.q]);

  const anyFilter = Object.values(value).some(Boolean);

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="people-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onPressEnter={() => onChange({ q: search.trim() })}
        placeholder={t('people.searchPlaceholder')}
        aria-label={t('people.searchPlaceholder')}
        style={{ width: 420, maxWidth: '100%' }}
        data-testid="people-search"
      />
      <div style={{ width: 240 }}>
        <UnitSelect
          allowClear
          value={value.unit || undefined}
          onChange={(code) => onChange({ unit: code ?? '' })}
          placeholder={t('people.filterUnit')}
          data-testid="people-filter-unit"
        />
      </div>
      <Select
        allowClear
        value={value.residenceStatus || undefined}
        onChange={(v?: string) => onChange({ residenceStatus: v ?? '' })}
        options={statusOptions(t)}
        placeholder={t('people.filterStatus')}
        aria-label={t('people.filterStatus')}
        style={{ width: 170 }}
        data-testid="people-filter-status"
      />
      <Select
        allowClear
        value={value.ageBand || undefined}
        onChange={(v?: string) => onChange({ ageBand: v ?? '' })}
        options={ageBandOptions(t)}
        placeholder={t('people.filterAgeBand')}
        aria-label={t('people.filterAgeBand')}
        style={{ width: 150 }}
        data-testid="people-filter-age"
      />
      <Select
        allowClear
        value={value.flag || undefined}
        onChange={(v?: string) => onChange({ flag: v ?? '' })}
        options={flagOptions(t)}
        placeholder={t('people.filterFlag')}
        aria-label={t('people.filterFlag')}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
        data-testid="people-filter-flag"
      />
      {anyFilter && (
        <Button
          onClick={() => {
            setSearch('');
            onChange({ q: '', unit: '', residenceStatus: '', ageBand: '', flag: '' });
          }}
          data-testid="people-filter-reset"
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
