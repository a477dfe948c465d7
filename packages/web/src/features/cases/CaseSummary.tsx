import { Descriptions, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { birthText } from '../people/labels';
import { CASE_STATUS_COLORS, SEVERITY_COLORS, dateText } from './labels';
import type { Case } from './types';
import { recordedVaccinationText, useRecordedVaccination } from './useRecordedVaccination';

function outcomeText(t: TFunction, c: Case): string {
  if (c.status === 'recovered') return `${dateText(c.dischargeDate)}${c.dischargeTestType ? `, ${t(`cases.testTypes.${c.dischargeTestType}`)}` : ''}${c.dischargeTestResult ? ` ${t(`cases.dischargeResults.${c.dischargeTestResult}`)}` : ''}`;
  if (c.status === 'died') return `${dateText(c.deathDate)}${c.deathPlace ? `, ${t(`cases.deathPlaces.${c.deathPlace}`)}` : ''}${c.deathCause ? `: ${c.deathCause}` : ''}`;
  if (c.status === 'transferred_out') return `${dateText(c.transferDate)} → ${c.transferTo ?? ''}`;
  return '';
}

/** Counted from the dose records when the person has them; the dates come from the records the caller may read. */
function VaccinationFigure({ record: c }: { record: Case }) {
  const { t } = useTranslation();
  const recorded = useRecordedVaccination(c.vaccinationSource === 'records' ? c.person.id : undefined, c.testDate);
  if (c.vaccinationSource !== 'records') return <span data-testid="case-doses">{c.vaccinationDoses ?? ''}</span>;
  return (
    <span data-testid="case-doses">
      {recorded ? recordedVaccinationText(t, recorded) : t('cases.vaccinationRecords', { count: c.vaccinationDoses ?? 0, dates: '…' })}
    </span>
  );
}

export function CaseSummary({ record: c }: { record: Case }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`cases.fields.${k}` as 'cases.fields.testType');
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="case-summary">
      <Descriptions.Item label={t('cases.person.fullName')}>
        <Link to={`/people/${c.person.id}`}>{c.person.fullName}</Link>{` ${birthText(c.person)}`}
      </Descriptions.Item>
      <Descriptions.Item label={f('unitCode')}>{c.unitName}</Descriptions.Item>
      <Descriptions.Item label={t('cases.columns.status')}>
        <Tag color={CASE_STATUS_COLORS[c.status]} data-testid="case-status">{t(`cases.statuses.${c.status}`)}</Tag> {outcomeText(t, c)}
      </Descriptions.Item>
      <Descriptions.Item label={f('testType')}>{t(`cases.testTypes.${c.testType}`)} {dateText(c.testDate)} {c.lab ? `(${c.lab})` : ''}</Descriptions.Item>
      <Descriptions.Item label={f('detectedIn')}><span data-testid="case-detected-in">{t(`cases.detections.${c.detectedIn}`)}</span></Descriptions.Item>
      <Descriptions.Item label={f('onsetDate')}>{dateText(c.onsetDate)}</Descriptions.Item>
      <Descriptions.Item label={f('severity')}><Tag color={SEVERITY_COLORS[c.severity]} data-testid="case-severity">{t(`cases.severities.${c.severity}`)}</Tag></Descriptions.Item>
      <Descriptions.Item label={f('carePlace')}><span data-testid="case-care-place">{t(`cases.carePlaces.${c.carePlace}`)}</span>{c.careFacility ? `: ${c.careFacility}` : ''}</Descriptions.Item>
      <Descriptions.Item label={f('comorbidities')}>{c.comorbidities.join(', ')}{c.pregnant ? ` · ${f('pregnant')}` : ''}</Descriptions.Item>
      <Descriptions.Item label={f('vaccinationDoses')}><VaccinationFigure record={c} /></Descriptions.Item>
      <Descriptions.Item label={f('spo2')}>{c.spo2 ?? ''}</Descriptions.Item>
      <Descriptions.Item label={f('clusterId')}>{c.clusterId ? <Link to={`/cases/chain/${c.clusterId}`}>{c.clusterName}</Link> : ''}</Descriptions.Item>
      {(c.sourceCaseId || c.fromContactId) && (
        <Descriptions.Item label={t('cases.detail.source')}>
          {c.sourceCaseId && <Link to={`/cases/${c.sourceCaseId}`} data-testid="case-source">{c.sourceCaseId}</Link>}
          {c.fromContactId && <span style={{ marginLeft: 8, color: '#8c8c8c' }}>({t('cases.detail.fromContact', { id: c.fromContactId })})</span>}
        </Descriptions.Item>
      )}
      {c.note && <Descriptions.Item label={f('note')}>{c.note}</Descriptions.Item>}
    </Descriptions>
  );
}
