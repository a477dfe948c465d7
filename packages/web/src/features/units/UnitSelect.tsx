import { Select, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitOptions, type UnitOption } from './useUnitOptions';

interface CommonProps {
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Name of the current value when the caller already knows it (a user's unit name). */
  valueLabel?: string | null;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value?: string[];
  onChange?: (codes: string[]) => void;
}

function renderOption(option: { data: UnitOption }): ReactNode {
  return (
    <div>
      <div>
        {option.data.label} <span style={{ color: '#8c8c8c' }}>({option.data.value})</span>
      </div>
      {option.data.path && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{option.data.path}</div>}
    </div>
  );
}

/** A unit picker searched on the server, so "dien bien" finds "Điện Biên" even among thousands of communes. */
export function UnitSelect(props: SingleProps | MultipleProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const known = !props.multiple && props.value && props.valueLabel ? { [props.value]: props.valueLabel } : undefined;
  const { options, searching, loading } = useUnitOptions(text, selected, known);

  const common = {
    id: props.id,
    'data-testid': props['data-testid'],
    allowClear: props.allowClear,
    placeholder: props.placeholder ?? t('users.unitPlaceholder'),
    showSearch: { filterOption: false, onSearch: setText, searchValue: text },
    onOpenChange: (open: boolean) => {
      if (!open) setText('');
    },
    notFoundContent: searching && loading ? <Spin size="small" /> : undefined,
    options,
    optionRender: renderOption,
    popupMatchSelectWidth: false,
    style: { width: '100%', minWidth: 220 },
  } as const;

  if (props.multiple) {
    return <Select<string[], UnitOption> {...common} mode="multiple" value={props.value ?? []} onChange={(v) => props.onChange?.(v)} />;
  }
  return <Select<string, UnitOption> {...common} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v)} />;
}
