/**
 * Registers the F0 of a positive single sample; the test (type, date, lab) and where it was found come from the sample.
 * Test ids: register-case-form, register-case-severity, register-case-spo2, register-case-save.
 */
import { SEVERITIES, formatDate, vnDate, type Severity } from '@pcd/core';
import { App, Col, DatePicker, Form, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { useRegisterCase } from './api';
import type { Sample } from './types';

interface Values { severity: Severity; onsetDate?: Dayjs | null; spo2?: number | null; vaccinationDoses?: number | null }

export function RegisterCaseModal({ sample, onClose }: { sample: Sample; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const register = useRegisterCase();
  const showError = useShowError();
  const r = (key: string) => t(`testing.register.${key}` as 'testing.register.title');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const out = await register.mutateAsync({
        id: sample.id, severity: v.severity, onsetDate: v.onsetDate ? v.onsetDate.format('YYYY-MM-DD') : null,
        spo2: v.spo2 ?? null, vaccinationDoses: v.vaccinationDoses ?? null,
      });
      void message.success(r('done'));
      onClose();
      navigate(`/cases/${out.caseId}`);
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={r('title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'register-case-save' }}
    >
      <Typography.Paragraph>
        <b>{sample.members[0]?.fullName}</b> —{' '}
        {t('testing.register.intro', { type: t(`testing.types.${sample.type}`), date: formatDate(sample.resultAt ? vnDate(new Date(sample.resultAt)) : sample.collectedDate), lab: sample.lab ?? '—' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="register-case-form" initialValues={{ severity: 'mild' }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="severity" label={r('severity')} rules={[{ required: true }]}>
              <Select data-testid="register-case-severity" options={SEVERITIES.map((x) => ({ value: x, label: t(`cases.severities.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="onsetDate" label={r('onsetDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="spo2" label={r('spo2')}>
              <InputNumber min={50} max={100} style={{ width: '100%' }} data-testid="register-case-spo2" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="vaccinationDoses" label={r('doses')}>
              <InputNumber min={0} max={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
