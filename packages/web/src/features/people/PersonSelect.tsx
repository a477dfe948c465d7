import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { usePeople, usePerson } from './api';
import { birthText } from './labels';
import type { Person } from './types';

interface Props {
  /** Limits the choice to one village or commune. */
  unitCode?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

const label = (p: Person) => [p.fullName, birthText(p), p.idNumber].filter(Boolean).join(' · ');

/** Picks a resident by name (with or without diacritics), ID number or phone, searched on the server. */
export function PersonSelect({ unitCode, value, onChange, placeholder, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = usePeople({ unit: unitCode, q: q || undefined, page: 1, pageSize: 20 }, q.length >= 2);
  const current = usePerson(value && !list.data?.items.some((p) => p.id === value) ? value : null);

  const items = [...(q.length >= 2 ? (list.data?.items ?? []) : [])];
  if (current.data && !items.some((p) => p.id === current.data.id)) items.unshift(current.data);

  return (
    <Select<number>
      id={id}
      data-testid={rest['data-testid']}
      allowClear
      placeholder={placeholder ?? t('people.households.headPlaceholder')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={items.map((p) => ({ value: p.id, label: label(p) }))}
      style={{ width: '100%' }}
    />
  );
}
