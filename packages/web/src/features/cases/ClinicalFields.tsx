import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { vnDate } from '@pcd/core';
import { useTranslation } from 'react-i18next';
import { ClusterSelect } from './ClusterSelect';
import { recordedVaccinationText, useRecordedVaccination } from './useRecordedVaccination';
import { DATE_FORMAT, carePlaceOptions, detectionOptions, isoOf, severityOptions, testTypeOptions } from './labels';

export const clinicalDefaults = () => ({ testType: 'rt_pcr', testDate: dayjs(vnDate()), detectedIn: 'community', severity: 'asymptomatic' });

/** The positive test and the first examination; shared by registering an F0 and promoting a contact. */
export function ClinicalFields({ prefix, optionalDetection = false, withCarePlace = true, personId }: { prefix: string; optionalDetection?: boolean; withCarePlace?: boolean; personId?: number }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`cases.fields.${k}` as 'cases.fields.testType');
  // The person is either given (a correction, a promotion) or picked in the same form.
  const pickedMode = Form.useWatch<string | undefined>('personMode');
  const pickedId = Form.useWatch<number | undefined>('personId');
  const testDate = Form.useWatch<Dayjs | undefined>('testDate');
  const recorded = useRecordedVaccination(personId ?? (pickedMode === 'new' ? undefined : pickedId), isoOf(testDate) ?? undefined);
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item name="testType" label={f('testType')} rules={[{ required: true }]}>
          <Select options={testTypeOptions(t)} data-testid={`${prefix}-test-type`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="testDate" label={f('testDate')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={`${prefix}-test-date`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="lab" label={f('lab')}>
          <Input data-testid={`${prefix}-lab`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="detectedIn" label={f('detectedIn')} rules={optionalDetection ? [] : [{ required: true }]}>
          <Select allowClear={optionalDetection} options={detectionOptions(t)} data-testid={`${prefix}-detected-in`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="onsetDate" label={f('onsetDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={`${prefix}-onset`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="severity" label={f('severity')} rules={[{ required: true }]}>
          <Select options={severityOptions(t)} data-testid={`${prefix}-severity`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="comorbidities" label={f('comorbidities')} extra={t('cases.comorbiditiesHint')}>
          <Select mode="tags" open={false} data-testid={`${prefix}-comorbidities`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="comorbidityStable" valuePropName="checked" label=" ">
          <Checkbox>{f('comorbidityStable')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="pregnant" valuePropName="checked" label=" ">
          <Checkbox data-testid={`${prefix}-pregnant`}>{f('pregnant')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={8}>
        {/* Dose records outrank a typed figure on the server, so the field is closed while they exist. */}
        <Form.Item name="vaccinationDoses" label={f('vaccinationDoses')} extra={recorded ? <span data-testid={`${prefix}-doses-recorded`}>{recordedVaccinationText(t, recorded)}</span> : undefined}>
          <InputNumber min={0} max={5} style={{ width: '100%' }} disabled={recorded !== null} data-testid={`${prefix}-doses`} />
        </Form.Item>
      </Col>
      <Col xs={8}>
        <Form.Item name="spo2" label={f('spo2')}>
          <InputNumber min={50} max={100} style={{ width: '100%' }} data-testid={`${prefix}-spo2`} />
        </Form.Item>
      </Col>
      <Col xs={8}>
        <Form.Item name="respiratoryRate" label={f('respiratoryRate')}>
          <InputNumber min={5} max={80} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {/* A correction keeps the care place: it moves only through a transfer, which keeps history. */}
      {withCarePlace && (
        <>
          <Col xs={24} md={12}>
            <Form.Item name="carePlace" label={f('carePlace')} extra={t('cases.carePlaceAuto')}>
              <Select allowClear options={carePlaceOptions(t)} data-testid={`${prefix}-care-place`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="careFacility" label={f('careFacility')}>
              <Input />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="clusterId" label={f('clusterId')}>
          <ClusterSelect data-testid={`${prefix}-cluster`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="note" label={f('note')}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface ClinicalValues {
  testType: string; testDate: Dayjs; lab?: string; detectedIn?: string; onsetDate?: Dayjs | null; severity: string; comorbidities?: string[];
  comorbidityStable?: boolean; pregnant?: boolean; vaccinationDoses?: number | null; spo2?: number | null; respiratoryRate?: number | null;
  carePlace?: string; careFacility?: string; clusterId?: number | null; note?: string;
}

/** The clinical part of a request body, with dates as yyyy-mm-dd and blanks left out. */
export function clinicalBody(v: ClinicalValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    testType: v.testType, testDate: isoOf(v.testDate), lab: v.lab || undefined, detectedIn: v.detectedIn || undefined,
    onsetDate: isoOf(v.onsetDate), severity: v.severity, comorbidities: v.comorbidities ?? [], comorbidityStable: !!v.comorbidityStable,
    pregnant: !!v.pregnant, vaccinationDoses: v.vaccinationDoses ?? undefined, spo2: v.spo2 ?? undefined, respiratoryRate: v.respiratoryRate ?? undefined,
    carePlace: v.carePlace || undefined, careFacility: v.careFacility || undefined, clusterId: v.clusterId ?? undefined, note: v.note || undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined));
}
