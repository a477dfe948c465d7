/** One F1/F2 with its follow-up obligation; from an F1, add its F2 or promote it to F0. Test ids: contact-detail, contact-follow-up. */
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { birthText } from '../people/labels';
import { useContact } from './api';
import { ContactFormModal } from './ContactFormModal';
import { HandoverTag } from './ContactsTable';
import { contactName, contactSource, dateText } from './labels';
import { PromoteModal } from './PromoteModal';

export function ContactDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const canWrite = usePermission('personal.write');
  const record = useContact(id);
  const [adding, setAdding] = useState(false);
  const [promoting, setPromoting] = useState(false);

  if (record.error && !record.data) return <ErrorResult error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <Spin />;
  const c = record.data;
  const person = c.person ?? c.entered;
  const open = c.status === 'monitoring' && c.access === 'full' && canWrite;
  const sourceLink = c.source.id !== null ? (c.source.kind === 'case' ? `/cases/${c.source.id}` : `/contacts/${c.source.id}`) : null;

  return (
    <div data-testid="contact-detail" data-id={c.id}>
      <PageHeader
        title={`${t('contacts.detail.title', { level: c.level, id: c.id })} — ${contactName(c)}`}
        extra={open && (
          <Space>
            {c.level === 'F1' && <Button onClick={() => setAdding(true)} data-testid="contact-add-f2">{t('contacts.addF2')}</Button>}
            <Button danger type="primary" onClick={() => setPromoting(true)} data-testid="contact-promote">{t('contacts.promote.button')}</Button>
          </Space>
        )}
      />
      {c.access === 'recorded' && <Alert type="info" showIcon title={t('contacts.detail.recordedOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('contacts.columns.name')}>
                {c.person ? <Link to={`/people/${c.person.id}`}>{c.person.fullName}</Link> : person?.fullName} {person ? birthText(person) : ''} <HandoverTag contact={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.person.phone')}>{person?.phone ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('cases.person.address')}>{person?.address ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.columns.unit')}>{c.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.columns.source')}>
                <span data-testid="contact-source">{sourceLink ? <Link to={sourceLink}>{contactSource(t, c)}</Link> : contactSource(t, c)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.relation')}>{t(`contacts.relations.${c.relation}`)}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.lastExposure')}>{dateText(c.lastExposureDate)}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.setting')}>{c.setting ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.vaccinationDoses')}>{c.vaccinationDoses ?? ''}{c.vaccinationSource === 'records' ? ` (${t('cases.vaccinationRecordsShort')})` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.columns.status')}>
                <Tag data-testid="contact-status">{t(`contacts.statuses.${c.status}`)}</Tag>
                {c.promotedCaseId && <Link to={`/cases/${c.promotedCaseId}`}>{t('contacts.detail.promotedTo', { id: c.promotedCaseId })}</Link>}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('contacts.detail.followUp')} data-testid="contact-follow-up">
            {c.obligation ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('contacts.detail.kind')}>{t(`contacts.obligationKinds.${c.obligation.kind}`)}</Descriptions.Item>
                <Descriptions.Item label={t('contacts.detail.period')}>{dateText(c.obligation.startDate)} – {dateText(c.obligation.endDate)}</Descriptions.Item>
                <Descriptions.Item label={t('contacts.detail.next')}>{dateText(c.obligation.nextDueDate)}</Descriptions.Item>
              </Descriptions>
            ) : (
              t('contacts.detail.noFollowUp')
            )}
          </Card>
        </Col>
      </Row>
      <ContactFormModal source={adding ? { kind: 'contact', id: c.id } : null} open={adding} onClose={() => setAdding(false)} />
      <PromoteModal contact={promoting ? c : null} onClose={() => setPromoting(false)} reload={() => record.refetch()} />
    </div>
  );
}
