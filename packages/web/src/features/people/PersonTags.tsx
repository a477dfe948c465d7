import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeFlags, STATUS_COLORS } from './labels';
import type { Person } from './types';

export function ResidenceTag({ status }: { status: Person['residenceStatus'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="person-status">
      {t(`people.statuses.${status}`)}
    </Tag>
  );
}

export function FlagTags({ flags }: { flags: Person['flags'] }) {
  const { t } = useTranslation();
  const on = activeFlags(flags);
  if (on.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {on.map((f) => (
        <Tag key={f} color="volcano" data-testid={`person-flag-${f}`}>
          {t(`people.flags.${f}`)}
        </Tag>
      ))}
    </Space>
  );
}
