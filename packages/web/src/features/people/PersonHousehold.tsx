import { Button, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useHousehold } from './api';
import { HouseholdMembers } from './HouseholdMembers';
import { householdTitle } from './labels';
import type { Person } from './types';

/** The household a person lives in, with everyone else in it. */
export function PersonHousehold({ person }: { person: Person }) {
  const { t } = useTranslation();
  const household = useHousehold(person.householdId);
  if (!person.householdId) return <Typography.Text type="secondary">{t('people.detail.noHousehold')}</Typography.Text>;
  if (household.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (household.error) return <Typography.Text type="danger">{household.error.message}</Typography.Text>;
  const h = household.data;
  return (
    <div data-testid="person-household" data-id={String(h.id)}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {householdTitle(t, h)} <Tag>{t(`people.households.kinds.${h.kind}`)}</Tag>
        </Typography.Text>
        <Link to={`/people/households/${h.id}`}>
          <Button size="small">{t('people.detail.openHousehold')}</Button>
        </Link>
      </Flex>
      {h.kind === 'boarding_house' && (
        <Descriptions
          size="small"
          column={3}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'landlord', label: t('people.households.fields.landlordName'), children: h.landlordName ?? t('common.empty') },
            { key: 'phone', label: t('people.households.fields.landlordPhone'), children: h.landlordPhone ?? t('common.empty') },
            { key: 'capacity', label: t('people.households.fields.capacity'), children: h.capacity ?? t('common.empty') },
          ]}
        />
      )}
      <HouseholdMembers members={h.members} headId={h.headPersonId} currentId={person.id} />
    </div>
  );
}
