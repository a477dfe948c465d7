/**
 * A health check of an F0 at home; the alerts it opens are shown at once under the form.
 * Test ids: checkin-form, checkin-case, checkin-temperature, checkin-spo2, checkin-pulse, checkin-rr, checkin-symptoms,
 * checkin-submit, checkin-result.
 */
import { CARE_SYMPTOMS, CARE_SYMPTOM_LABELS, WARNING_SIGN_LABELS, type CareSymptom } from '@pcd/core';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useRecordCheckin } from './api';
import { CaseSelect } from './CaseSelect';
import type { CareAlert } from './types';

interface Values {
  caseId: number;
  temperature?: number | null;
  spo2?: number | null;
  pulse?: number | null;
  respiratoryRate?: number | null;
  symptoms?: CareSymptom[];
  note?: string;
}

export function CheckinCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordCheckin();
  const showError = useShowError();
  const [result, setResult] = useState<CareAlert[] | null>(null);

  const submit = async (v: Values) => {
    setResult(null);
    try {
      const res = await record.mutateAsync({
        caseId: v.caseId,
        temperature: v.temperature ?? null,
        spo2: v.spo2 ?? null,
        pulse: v.pulse ?? null,
        respiratoryRate: v.respiratoryRate ?? null,
        symptoms: v.symptoms ?? [],
        note: v.note?.trim() || null,
      });
      setResult(res.alerts);
      void message.success(t('care.checkin.saved'));
      // The case stays picked: the next reading of the same person is the usual next step.
      form.resetFields(['temperature', 'spo2', 'pulse', 'respiratoryRate', 'symptoms', 'note']);
    } catch (err) {
      showError(err, form);
    }
  };

  const signs = [...new Set((result ?? []).flatMap((a) => a.signs))].map((s) => WARNING_SIGN_LABELS[s]).join('; ');
  const num = (name: keyof Values, label: string, testId: string, step = 1) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label}>
        <InputNumber style={{ width: '100%' }} step={step} data-testid={testId} />
      </Form.Item>
    </Col>
  );

  return (
    <Card title={t('care.checkin.title')}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="checkin-form">
        <Form.Item name="caseId" label={t('care.checkin.case')} rules={[{ required: true }]}>
          <CaseSelect placeholder={t('care.checkin.casePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          {num('temperature', t('care.checkin.temperature'), 'checkin-temperature', 0.1)}
          {num('spo2', t('care.checkin.spo2'), 'checkin-spo2')}
          {num('pulse', t('care.checkin.pulse'), 'checkin-pulse')}
          {num('respiratoryRate', t('care.checkin.respiratoryRate'), 'checkin-rr')}
        </Row>
        <Form.Item name="symptoms" label={t('care.checkin.symptoms')}>
          <Checkbox.Group data-testid="checkin-symptoms" options={CARE_SYMPTOMS.map((s) => ({ value: s, label: CARE_SYMPTOM_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="note" label={t('care.checkin.note')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="checkin-submit">
          {t('care.checkin.submit')}
        </Button>
      </Form>
      {result && (
        <div data-testid="checkin-result" style={{ marginTop: 16 }}>
          {result.length ? (
            <Alert type="error" showIcon title={t('care.checkin.alertTitle', { signs })} description={t('care.checkin.alertHint')} />
          ) : (
            <Alert type="success" showIcon title={t('care.checkin.noAlert')} />
          )}
        </div>
      )}
    </Card>
  );
}
