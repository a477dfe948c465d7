import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { useDestinations } from './publicApi';
import type { DestinationOption } from './types';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined, option?: DestinationOption) => void;
  id?: string;
  checkpointToken?: string;
  'data-testid'?: string;
}

/** The commune or village someone is going to, searched by name (with or without diacritics). */
export function DestinationSelect({ value, onChange, id, checkpointToken, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const typed = useDebounced(text, 300);
  const found = useDestinations(typed, checkpointToken);
  // The chosen option is kept so its name stays on screen when a new search no longer lists it.
  const [chosen, setChosen] = useState<DestinationOption | null>(null);
  const items = found.data ?? [];
  const options = [...(chosen && chosen.code === value && !items.some((i) => i.code === chosen.code) ? [chosen] : []), ...items];

  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      aria-label={t('declare.fields.toUnitCode')}
      allowClear
      value={value ?? undefined}
      placeholder={t('declare.destinationPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      notFoundContent={
        found.isFetching ? <Spin size="small" /> : typed.trim().length < 2 && !checkpointToken ? t('declare.destinationHint') : t('declare.destinationNone')
      }
      onChange={(code) => {
        const option = options.find((o) => o.code === code);
        setChosen(option ?? null);
        onChange?.(code, option);
      }}
      options={options.map((o) => ({ value: o.code, label: o.fullLabel }))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
