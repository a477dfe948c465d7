/**
 * One F0: summary, home-treatment eligibility, care-place history with transfers, the outcome, and its
 * contacts with "add F1", "add F2" and "promote to F0"; clinical corrections, the end of home treatment with its
 * printable confirmation, orphaned children of a death. Test ids: case-detail, case-transfer, case-outcome,
 * case-add-f1, case-chain, contacts-table, case-edit-clinical, case-home-release, case-confirmation, case-add-orphan.
 */
import { ApartmentOutlined, CheckCircleOutlined, EditOutlined, FlagOutlined, PlusOutlined, PrinterOutlined, SwapOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { CASE_RULES } from '@pcd/core';
import { Button, Card, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { confirmationUrl, HomeReleaseModal } from '../care/HomeReleaseModal';
import { AddOrphanModal } from '../orphans/AddOrphanModal';
import { useCase } from './api';
import { CarePlaceHistory } from './CarePlaceHistory';
import { CaseSummary } from './CaseSummary';
import { ClinicalEditModal } from './ClinicalEditModal';
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
  const [modal, setModal] = useState<'transfer' | 'outcome' | 'clinical' | 'release' | 'orphan' | null>(null);
  const [contactSource, setContactSource] = useState<{ kind: 'case' | 'contact'; id: number } | null>(null);
  const [promoting, setPromoting] = useState<Contact | null>(null);

  if (record.error && !record.data) return <ErrorResult error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <Spin />;
  const c = record.data;
  const active = c.status === 'active';
  const atHome = CASE_RULES.homePlaces.includes(c.carePlace);
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
            {canWrite && active && <Button icon={<EditOutlined />} onClick={() => setModal('clinical')} data-testid="case-edit-clinical">{t('cases.clinical.button')}</Button>}
            {canWrite && active && atHome && (
              <Button icon={<CheckCircleOutlined />} onClick={() => setModal('release')} data-testid="case-home-release">{t('care.release.title')}</Button>
            )}
            {c.status === 'recovered' && atHome && (
              <Button icon={<PrinterOutlined />} href={confirmationUrl(c.id)} target="_blank" data-testid="case-confirmation">{t('care.release.print')}</Button>
            )}
            {canWrite && c.status === 'died' && (
              <Button icon={<UsergroupAddOutlined />} onClick={() => setModal('orphan')} data-testid="case-add-orphan">{t('orphans.deaths.addOrphan')}</Button>
            )}
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
      <ClinicalEditModal record={c} open={modal === 'clinical'} onClose={() => setModal(null)} reload={reload} />
      {modal === 'release' && <HomeReleaseModal record={c} onClose={() => setModal(null)} reload={reload} />}
      {modal === 'orphan' && <AddOrphanModal death={c} onClose={() => setModal(null)} />}
      <ContactFormModal source={contactSource} open={!!contactSource} onClose={() => setContactSource(null)} />
      <PromoteModal contact={promoting} onClose={() => setPromoting(null)} reload={reload} />
    </div>
  );
}
