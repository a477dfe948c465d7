import { matchesFolded } from '@pcd/core';
import { Flex, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrigins } from './publicApi';
import type { OriginOption } from './types';

interface Props {
  /** The deepest unit chosen: a province, district or commune code of the national list. */
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  /** Prefix of the three selects' test ids: <prefix>-province, -district, -commune. */
  testId?: string;
  /** Laid out side by side on wide screens; stacked on phones. */
  vertical?: boolean;
}

const search = { filterOption: (input: string, option?: { label?: string }) => matchesFolded(option?.label ?? '', input) };

/**
 * Province → district → commune of the whole country, one level at a time. Someone may know only
 * the province they came from, so any level is a valid answer.
 */
export function OriginCascader({ value, onChange, id, testId = 'origin', vertical }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>([]);
  const provinces = useOrigins(null);
  const districts = useOrigins(path[0] ?? null, !!path[0]);
  const communes = useOrigins(path[1] ?? null, !!path[1]);

  // A form reset clears the value from outside: the selects follow.
  useEffect(() => {
    if (!value && path.length) setPath([]);
  }, [value]);

  const choose = (level: number, code: string | undefined) => {
    const next = code ? [...path.slice(0, level), code] : path.slice(0, level);
    setPath(next);
    onChange?.(next.at(-1));
  };

  const select = (level: number, options: OriginOption[] | undefined, loading: boolean, placeholder: string, suffix: string) => (
    <Select<string, { value: string; label: string }>
      id={level === 0 ? id : undefined}
      data-testid={`${testId}-${suffix}`}
      aria-label={placeholder}
      allowClear
      showSearch={search}
      loading={loading}
      disabled={level > 0 && !path[level - 1]}
      value={path[level]}
      onChange={(code) => choose(level, code)}
      placeholder={placeholder}
      options={(options ?? []).map((o) => ({ value: o.code, label: o.label }))}
      style={{ flex: 1, minWidth: 0, width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <Flex gap={8} vertical={vertical} wrap={!vertical}>
      {select(0, provinces.data, provinces.isFetching, t('declare.originProvince'), 'province')}
      {select(1, districts.data, districts.isFetching, t('declare.originDistrict'), 'district')}
      {select(2, communes.data, communes.isFetching, t('declare.originCommune'), 'commune')}
    </Flex>
  );
}
