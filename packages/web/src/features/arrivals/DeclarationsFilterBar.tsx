import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { UnitSelect } from '../units/UnitSelect';
import type { DeclarationFilters } from './types';

interface Props {
  value: DeclarationFilters;
  onChange: (next: Partial<DeclarationFilters>) => void;
}

const ISO = 'YYYY-MM-DD';

export function DeclarationsFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value.q);
  const typed = useDebounced(search.trim(), 400);

  useEffect(() => {
    if (typed !== value.q) onChange({ q: typed });
  }, [typed]);
  useEffect(() => {
    if (value.q !== typed) setSearch(value.q);
  }, [value.q]);

  const range: [Dayjs | null, Dayjs | null] | null = value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null;
  const anyFilter = Object.values(value).some(Boolean);

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="declarations-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('arrivals.declarations.searchPlaceholder')}
        aria-label={t('arrivals.declarations.searchPlaceholder')}
        style={{ width: 340, maxWidth: '100%' }}
        data-testid="declarations-search"
      />
      <div style={{ width: 240 }}>
        <UnitSelect allowClear value={value.unit || undefined} onChange={(code) => onChange({ unit: code ?? '' })} placeholder={t('arrivals.filterUnit')} data-testid="declarations-unit" />
      </div>
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        value={range}
        allowEmpty={[true, true]}
        placeholder={[t('arrivals.declarations.arrivedFrom'), t('arrivals.declarations.arrivedTo')]}
        onChange={(dates) => onChange({ from: dates?.[0]?.format(ISO) ?? '', to: dates?.[1]?.format(ISO) ?? '' })}
        data-testid="declarations-dates"
      />
      <Select
        allowClear
        value={value.fromZone || undefined}
        onChange={(v?: string) => onChange({ fromZone: v ?? '' })}
        placeholder={t('arrivals.declarations.fromZoneFilter')}
        aria-label={t('arrivals.declarations.fromZoneFilter')}
        options={[
          { value: 'true', label: t('arrivals.declarations.fromZoneYes') },
          { value: 'false', label: t('arrivals.declarations.fromZoneNo') },
        ]}
        style={{ width: 200 }}
        data-testid="declarations-from-zone"
      />
      {anyFilter && (
        <Button
          onClick={() => {
            setSearch('');
            onChange({ q: '', unit: '', from: '', to: '', fromZone: '' });
          }}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
