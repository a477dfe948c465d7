/**
 * One F0: summary, home-treatment eligibility, care-place history with transfers, the outcome, and its
 * contacts with "add F1", "add F2" and "promote to F0". Test ids: case-detail, case-transfer, case-outcome,
 * case-add-f1, case-chain, contacts-table.
 */
import { ApartmentOutlined, PlusOutlined, SwapOutlined, FlagOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { useCase } from './api';
import { CarePlaceHistory } from './CarePlaceHistory';
import { CaseSummary } from './CaseSummary';
import { ContactFormModal } from './ContactFormModal';
import { ContactsTable } from './ContactsTable';
import { Eligibility } from './Eligibility';
import { OutcomeModal } from './OutcomeModal';
import { PromoteModal } from './PromoteModal';
import { TransferModal } from './TransferModal';
import type { Contact } from './types';

export function CaseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const canWrite = usePermission('personal.write');
  const record = useCase(id);
  const [modal, setModal] = useState<'transfer' | 'outcome' | null>(null);
  const [contactSource, setContactSource] = useState<{ kind: 'case' | 'contact'; id: number } | null>(null);
  const [promoting, setPromoting] = useState<Contact | null>(null);

  if (record.error && !record.data) return <ErrorResult error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <Spin />;
  const c = record.data;
  const active = c.status === 'active';
  const reload = () => record.refetch();

  return (
    <div data-testid="case-detail" data-id={c.id}>
      <PageHeader
        title={`${t('cases.detail.title', { id: c.id })} — ${c.person.fullName}`}
        extra={
          <>
            <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/cases/chain/case-${c.id}`)} data-testid="case-chain">{t('cases.detail.chain')}</Button>
            {canWrite && active && <Button icon={<SwapOutlined />} onClick={() => setModal('transfer')} data-testid="case-transfer">{t('cases.detail.transfer')}</Button>}
            {canWrite && active && <Button icon={<FlagOutlined />} onClick={() => setModal('outcome')} data-testid="case-outcome">{t('cases.detail.outcome')}</Button>}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('cases.detail.summary')}><CaseSummary record={c} /></Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('cases.detail.eligibility')}><Eligibility value={c.homeTreatment} /></Card>
        </Col>
        <Col span={24}>
          <Card title={t('cases.detail.carePlaces')}><CarePlaceHistory entries={c.carePlaces} /></Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('cases.detail.contacts')}
            extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setContactSource({ kind: 'case', id: c.id })} data-testid="case-add-f1">{t('cases.detail.addF1')}</Button>}
          >
            <ContactsTable
              contacts={c.contacts}
              onAddF2={canWrite ? (k) => setContactSource({ kind: 'contact', id: k.id }) : undefined}
              onPromote={canWrite ? setPromoting : undefined}
            />
          </Card>
        </Col>
      </Row>
      <TransferModal record={c} open={modal === 'transfer'} onClose={() => setModal(null)} reload={reload} />
      <OutcomeModal record={c} open={modal === 'outcome'} onClose={() => setModal(null)} reload={reload} />
      <ContactFormModal source={contactSource} open={!!contactSource} onClose={() => setContactSource(null)} />
      <PromoteModal contact={promoting} onClose={() => setPromoting(null)} reload={reload} />
    </div>
  );
}
