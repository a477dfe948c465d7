import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { useHouseholds } from '../people/api';
import { householdTitle } from '../people/labels';

interface Props {
  unitCode?: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
}

/** Several households of the declaring unit, searched on the server by code, name or address. */
export function HouseholdsSelect({ unitCode, value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useHouseholds({ unit: unitCode, q: q || undefined, page: 1, pageSize: 30 }, !!unitCode);
  const [known, setKnown] = useState<Record<number, string>>({});
  const options = (list.data?.items ?? []).map((h) => ({ value: h.id, label: householdTitle(t, h) }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.push({ value: v, label: known[v] ?? `#${v}` });
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      disabled={!unitCode}
      placeholder={unitCode ? t('lockdown.form.householdsPlaceholder') : t('lockdown.form.needsUnit')}
      value={value ?? []}
      onChange={(v, picked) => {
        const labels = Object.fromEntries((Array.isArray(picked) ? picked : []).map((o) => [o.value as number, String(o.label)]));
        setKnown((k) => ({ ...k, ...labels }));
        onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={options}
      data-testid="zone-households"
      style={{ width: '100%' }}
    />
  );
}
