import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../app/useDebounced';
import { useClusters } from './api';

interface Props { value?: number | null; onChange?: (id: number | null) => void; id?: string; placeholder?: string; 'data-testid'?: string }

/** Picks a cluster by name, searched on the server (a province may have hundreds). */
export function ClusterSelect({ value, onChange, id, placeholder, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useClusters({ q: q || undefined, page: 1, pageSize: 30 });
  return (
    <Select<number>
      id={id}
      data-testid={rest['data-testid']}
      allowClear
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={(list.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      style={{ width: '100%' }}
    />
  );
}
