import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../app/useDebounced';
import { useActiveCases } from './api';
import type { CaseBrief } from './types';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  placeholder?: string;
  id?: string;
  /** The chosen case itself, for callers that list names. */
  onPick?: (c: CaseBrief) => void;
  'data-testid'?: string;
}

/** Picks an active F0 case by name or number; the server decides whether it is in home care. */
export function CaseSelect({ value, onChange, placeholder, id, onPick, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useActiveCases(q);
  const options = (list.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `#${c.id} · ${c.person.fullName}${c.person.birthYear ? ` (${c.person.birthYear})` : ''} · ${c.unitName}`,
  }));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        const picked = list.data?.items.find((c) => c.id === v);
        if (picked) onPick?.(picked);
      }}
      options={options}
      loading={list.isFetching}
      placeholder={placeholder}
      data-testid={rest['data-testid'] ?? 'checkin-case'}
      style={{ width: '100%' }}
    />
  );
}
