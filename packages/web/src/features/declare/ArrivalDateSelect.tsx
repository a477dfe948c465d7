import { PUBLIC_ARRIVAL_WINDOW, addDays, formatDate, vnDate } from '@pcd/core';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value?: string;
  onChange?: (iso: string) => void;
  id?: string;
  'data-testid'?: string;
}

/**
 * The arrival day as a short list of the days the server accepts (two weeks back, three days ahead),
 * newest first: quicker on a phone than a calendar, and always shown as dd/mm/yyyy.
 */
export function ArrivalDateSelect({ value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const today = vnDate();
    const list = [];
    for (let d = PUBLIC_ARRIVAL_WINDOW.futureDays; d >= -PUBLIC_ARRIVAL_WINDOW.pastDays; d--) {
      const iso = addDays(today, d);
      const note = d === 0 ? t('declare.today') : d === -1 ? t('declare.yesterday') : d === 1 ? t('declare.tomorrow') : '';
      list.push({ value: iso, label: note ? `${formatDate(iso)} (${note})` : formatDate(iso) });
    }
    return list;
  }, [t]);
  return <Select id={id} data-testid={rest['data-testid']} value={value} onChange={onChange} options={options} style={{ width: '100%' }} />;
}
