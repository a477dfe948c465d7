import { foldVietnamese } from '@pcd/core';
import { Flex, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrigins } from './api';
import type { OriginOption } from './types';

interface Props {
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

const LEVELS = ['province', 'district', 'commune'] as const;
const matches = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

function Level({ parent, value, level, onPick, testId }: { parent: string | null; value?: string; level: (typeof LEVELS)[number]; onPick: (code?: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const options = useOrigins(parent);
  return (
    <Select<string, { value: string; label: string }>
      allowClear
      value={value}
      onChange={(code) => onPick(code)}
      placeholder={t(`sweeps.visit.origin.${level}`)}
      loading={options.isLoading}
      options={(options.data ?? []).map((o: OriginOption) => ({ value: o.code, label: o.label }))}
      showSearch={{ filterOption: matches }}
      style={{ width: '100%' }}
      data-testid={testId ? `${testId}-${level}` : undefined}
    />
  );
}

/**
 * Where an arrival came from, anywhere in the country: province, then (optionally) district and
 * commune from the national list, searched without diacritics. The deepest level chosen is the value.
 */
export function OriginSelect({ value, onChange, id, 'data-testid': testId }: Props) {
  const [chain, setChain] = useState<string[]>([]);
  // A form reset clears the value from outside: the pickers follow.
  useEffect(() => {
    if (!value && chain.length) setChain([]);
  }, [value, chain.length]);

  const pick = (depth: number, code?: string) => {
    const next = code ? [...chain.slice(0, depth), code] : chain.slice(0, depth);
    setChain(next);
    onChange?.(next.at(-1) ?? null);
  };

  return (
    <Flex vertical gap={8} id={id}>
      {LEVELS.map((level, depth) =>
        depth === 0 || chain[depth - 1] ? (
          <Level key={`${level}-${chain[depth - 1] ?? ''}`} parent={depth ? chain[depth - 1] : null} value={chain[depth]} level={level} onPick={(code) => pick(depth, code)} testId={testId} />
        ) : null,
      )}
    </Flex>
  );
}
