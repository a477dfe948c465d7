import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Facility } from './types';

/** Occupancy as a tag: red past the facility's own threshold, with the server's warning as the tooltip. */
export function LoadTag({ facility }: { facility: Pick<Facility, 'load' | 'warning'> }) {
  const { t } = useTranslation();
  const { ratioPct, overloaded, full } = facility.load;
  if (!overloaded) return <Tag color={ratioPct >= 50 ? 'gold' : 'green'}>{ratioPct}%</Tag>;
  return (
    <Tooltip title={facility.warning}>
      <Tag color="red" data-testid="facility-overload">
        {full ? t('quarantine.facilities.full') : t('quarantine.facilities.overloaded')} {ratioPct}%
      </Tag>
    </Tooltip>
  );
}
