import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLORS } from './labels';
import type { SweepHousehold } from './types';

export function HouseholdStateTag({ household }: { household: Pick<SweepHousehold, 'state' | 'visitCount'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[household.state]} data-testid="sweep-household-state" data-state={household.state}>
      {t(`sweeps.states.${household.state}`)}
      {household.visitCount > 1 ? ` · ${t('sweeps.households.visitCount', { count: household.visitCount })}` : ''}
    </Tag>
  );
}
