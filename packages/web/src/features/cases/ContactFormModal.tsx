import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { vnDate } from '@pcd/core';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { casesApi, useCaseWrite } from './api';
import { DATE_FORMAT, isoOf, relationOptions } from './labels';
import { PersonPicker, personBody, type PersonMode } from './PersonPicker';

interface Values {
  personMode?: PersonMode; personId?: number; person?: Record<string, unknown>;
  relation: string; lastExposure: Dayjs; setting?: string; vaccinationDoses?: number | null; note?: string;
}

/**
 * Records an F1 of a case or an F2 of an F1. A new person may live in any commune: the server hands
 * the contact over to that commune when it lies outside the caller's area.
 */
export function ContactFormModal({ source, open, onClose }: { source: { kind: 'case' | 'contact'; id: number } | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const add = useCaseWrite((body: object) => casesApi.addContact(source!, body));

  const submit = (v: Values) =>
    add.mutate(
      { ...personBody(v), relation: v.relation, lastExposure: isoOf(v.lastExposure), setting: v.setting || undefined, vaccinationDoses: v.vaccinationDoses ?? undefined, note: v.note || undefined },
      {
        onSuccess: (c) => {
          void message.success(c.handedOver && c.access === 'recorded' ? t('contacts.add.handedOver', { unit: c.unitName }) : t('contacts.add.done'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      title={source?.kind === 'contact' ? t('contacts.add.f2') : t('contacts.add.f1')}
      width={760}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'contact-form-submit' }}
    >
      <Form form={form} name="contact" layout="vertical" onFinish={submit} initialValues={{ relation: 'household', lastExposure: dayjs(vnDate()) }} data-testid="contact-form">
        <PersonPicker prefix="contact-form" anywhere />
        <Form.Item name="relation" label={t('contacts.fields.relation')} rules={[{ required: true }]}>
          <Select options={relationOptions(t)} data-testid="contact-form-relation" />
        </Form.Item>
        <Form.Item name="lastExposure" label={t('contacts.fields.lastExposure')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="contact-form-exposure" />
        </Form.Item>
        <Form.Item name="setting" label={t('contacts.fields.setting')}><Input data-testid="contact-form-setting" /></Form.Item>
        <Form.Item name="vaccinationDoses" label={t('contacts.fields.vaccinationDoses')}><InputNumber min={0} max={5} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="note" label={t('contacts.fields.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
