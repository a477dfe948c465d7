import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchUnitChildren, unitKeys } from '../units/api';

interface Props {
  /** The commune declaring the zone: only its villages are offered, as the server requires. */
  unitCode?: string;
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
}

export function VillagesSelect({ unitCode, value, onChange, id }: Props) {
  const { t } = useTranslation();
  const children = useQuery({ queryKey: unitKeys.children(unitCode ?? null), queryFn: () => fetchUnitChildren(unitCode!), enabled: !!unitCode, staleTime: 5 * 60_000 });
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      allowClear
      disabled={!unitCode}
      loading={children.isFetching}
      placeholder={unitCode ? t('lockdown.form.villagesPlaceholder') : t('lockdown.form.needsUnit')}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      optionFilterProp="label"
      options={(children.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
      data-testid="zone-villages"
      style={{ width: '100%' }}
    />
  );
}
