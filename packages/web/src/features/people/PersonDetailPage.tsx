/**
 * One resident's record: every field, the household and its members, and probable duplicates with merge/dismiss.
 * Test ids: person-detail (data-id), person-field-<name>, person-edit-button, person-household, person-duplicates,
 * person-duplicate (data-id), person-duplicate-merge, person-duplicate-dismiss.
 */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { Badge, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { usePerson } from './api';
import { DuplicateCandidates } from './DuplicateCandidates';
import { activeFlags, ageText, birthText, residenceText } from './labels';
import { PersonFormDrawer } from './PersonFormDrawer';
import { PersonHousehold } from './PersonHousehold';
import { PersonDosesCard } from '../vaccination/PersonDosesCard';
import { FlagTags, ResidenceTag } from './PersonTags';

export function PersonDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const person = usePerson(Number.isInteger(id) && id > 0 ? id : null);
  const canWrite = usePermission('personal.write');
  const [editKey, setEditKey] = useState(0);
  const [editing, setEditing] = useState(false);

  const back = (
    <Link to="/people">
      <Button icon={<ArrowLeftOutlined />}>{t('people.detail.back')}</Button>
    </Link>
  );

  if (!(id > 0) || (isApiError(person.error) && person.error.status === 404)) {
    return (
      <Card data-testid="person-not-found">
        <Result status="404" title={t('people.detail.notFoundTitle')} subTitle={t('people.detail.notFound')} extra={back} />
      </Card>
    );
  }
  if (person.error) return <ErrorResult error={person.error} onRetry={() => void person.refetch()} />;
  if (person.isPending) {
    return (
      <Card aria-busy="true">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const p = person.data;
  const empty = t('common.empty');
  const field = (key: string, label: string, value: ReactNode, span = 1) => ({
    key,
    label,
    span,
    children: <span data-testid={`person-field-${key}`}>{value === null || value === undefined || value === '' ? empty : value}</span>,
  });

  return (
    <div data-testid="person-detail" data-id={String(p.id)}>
      <PageHeader
        title={p.fullName}
        extra={
          <>
            {back}
            {canWrite && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => {
                  setEditKey((k) => k + 1);
                  setEditing(true);
                }}
                data-testid="person-edit-button"
              >
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      >
        <Typography.Text type="secondary">{t('people.detail.viewedNote')}</Typography.Text>
      </PageHeader>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              field('id', t('people.fields.id'), p.id),
              field('fullName', t('people.fields.fullName'), p.fullName),
              field('birth', t('people.fields.birth'), [birthText(p), ageText(t, p)].filter(Boolean).join(' — ')),
              field('sex', t('people.fields.sex'), p.sex ? t(`people.sexes.${p.sex}`) : null),
              field('idNumber', t('people.fields.idNumber'), p.idNumber),
              field('phone', t('people.fields.phone'), p.phone),
              field('ethnicity', t('people.fields.ethnicity'), p.ethnicity),
              field('occupation', t('people.fields.occupation'), p.occupation),
              field('unitCode', t('people.fields.unitCode'), p.unitName ? `${p.unitName} (${p.unitCode})` : p.unitCode),
              field('address', t('people.fields.address'), p.address),
              field('residenceStatus', t('people.fields.residenceStatus'), <ResidenceTag status={p.residenceStatus} />),
              field('residence', t('people.fields.residence'), residenceText(p)),
              field('flags', t('people.fields.flags'), activeFlags(p.flags).length ? <FlagTags flags={p.flags} /> : null, 2),
              field('createdAt', t('people.fields.createdAt'), formatDateTime(p.createdAt)),
              field('updatedAt', t('people.fields.updatedAt'), formatDateTime(p.updatedAt)),
            ]}
          />
        </Card>
        <Card title={t('people.detail.household')}>
          <PersonHousehold person={p} />
        </Card>
        <Card
          title={
            <Space>
              {t('people.detail.duplicates')}
              <Badge count={p.probableDuplicates.length} />
            </Space>
          }
        >
          <DuplicateCandidates person={p} canWrite={canWrite} />
        </Card>
        <PersonDosesCard person={p} canWrite={canWrite} />
      </Space>
      <PersonFormDrawer key={editKey} open={editing} person={p} onClose={() => setEditing(false)} />
    </div>
  );
}
