import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { useHousehold, useHouseholds } from './api';
import { householdTitle } from './labels';

interface Props {
  /** The person's village: only its households are offered, as the server requires. */
  unitCode?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  'data-testid'?: string;
}

export function HouseholdSelect({ unitCode, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useHouseholds({ unit: unitCode, q: q || undefined, page: 1, pageSize: 30 }, !!unitCode);
  const current = useHousehold(value && !list.data?.items.some((h) => h.id === value) ? value : null);

  const items = [...(list.data?.items ?? [])];
  if (current.data && !items.some((h) => h.id === current.data.id)) items.unshift(current.data);

  return (
    <Select<number>
      id={id}
      data-testid={rest['data-testid']}
      allowClear
      disabled={!unitCode}
      placeholder={unitCode ? t('people.form.householdPlaceholder') : t('people.form.householdNeedsUnit')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={items.map((h) => ({
        value: h.id,
        label: `${householdTitle(t, h)}${h.kind === 'boarding_house' ? ` (${t('people.households.kinds.boarding_house')})` : ''}`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
