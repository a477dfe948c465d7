/**
 * One household or boarding house with its members; members are added through the person form, preset to this household.
 * Test ids: household-detail (data-id), household-edit-button, household-add-member, household-members, household-member (data-id).
 */
import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { useHousehold } from './api';
import { HouseholdFormModal } from './HouseholdFormModal';
import { HouseholdMembers } from './HouseholdMembers';
import { householdTitle } from './labels';
import { PersonFormDrawer } from './PersonFormDrawer';

export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const household = useHousehold(id > 0 ? id : null);
  const canWrite = usePermission('personal.write');
  const [editKey, setEditKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const [memberKey, setMemberKey] = useState(0);
  const [adding, setAdding] = useState(false);

  const back = (
    <Link to="/people/households">
      <Button icon={<ArrowLeftOutlined />}>{t('people.households.back')}</Button>
    </Link>
  );
  if (!(id > 0) || (isApiError(household.error) && household.error.status === 404)) {
    return (
      <Card data-testid="household-not-found">
        <Result status="404" title={t('people.households.notFoundTitle')} subTitle={t('people.households.notFound')} extra={back} />
      </Card>
    );
  }
  if (household.error) return <ErrorResult error={household.error} onRetry={() => void household.refetch()} />;
  if (household.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;

  const h = household.data;
  const empty = t('common.empty');
  const boarding = h.kind === 'boarding_house';
  return (
    <div data-testid="household-detail" data-id={String(h.id)}>
      <PageHeader
        title={
          <Space>
            {householdTitle(t, h)}
            <Tag color={boarding ? 'purple' : 'default'}>{t(`people.households.kinds.${h.kind}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {back}
            {canWrite && (
              <Button
                icon={<EditOutlined />}
                onClick={() => {
                  setEditKey((k) => k + 1);
                  setEditing(true);
                }}
                data-testid="household-edit-button"
              >
                {t('common.edit')}
              </Button>
            )}
            {canWrite && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => {
                  setMemberKey((k) => k + 1);
                  setAdding(true);
                }}
                data-testid="household-add-member"
              >
                {t('people.households.addMember')}
              </Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'code', label: t('people.households.fields.code'), children: h.code ?? empty },
              { key: 'unit', label: t('people.households.fields.unitCode'), children: h.unitName ? `${h.unitName} (${h.unitCode})` : h.unitCode },
              { key: 'address', label: t('people.households.fields.address'), children: h.address || empty, span: 2 },
              {
                key: 'head',
                label: t('people.households.fields.headPersonId'),
                children: h.headPersonId ? <Link to={`/people/${h.headPersonId}`}>{h.headName ?? h.headPersonId}</Link> : empty,
              },
              {
                key: 'members',
                label: t('people.households.fields.memberCount'),
                children: h.capacity ? t('people.households.occupancy', { count: h.members.length, capacity: h.capacity }) : h.members.length,
              },
              ...(boarding
                ? [
                    { key: 'name', label: t('people.households.fields.name'), children: h.name ?? empty },
                    { key: 'landlord', label: t('people.households.fields.landlordName'), children: h.landlordName ?? empty },
                    { key: 'landlordPhone', label: t('people.households.fields.landlordPhone'), children: h.landlordPhone ?? empty },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card title={t('people.households.members')}>
          <HouseholdMembers members={h.members} headId={h.headPersonId} />
        </Card>
      </Space>
      <HouseholdFormModal key={`edit-${editKey}`} open={editing} household={h} onClose={() => setEditing(false)} />
      <PersonFormDrawer
        key={`member-${memberKey}`}
        open={adding}
        person={null}
        defaults={{ unitCode: h.unitCode, householdId: h.id, address: h.address }}
        onClose={() => setAdding(false)}
      />
    </div>
  );
}
