import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TEST_TYPES, vnDate } from '@pcd/core';
import { useTranslation } from 'react-i18next';
import { casesApi, useCaseWrite } from './api';
import { DATE_FORMAT, deathPlaceOptions, dischargeResultOptions, isoOf } from './labels';
import type { CaseDetail } from './types';
import { useCaseError } from './useCaseError';

type Outcome = 'recovered' | 'died' | 'transferred_out';
interface Values {
  status: Outcome; dischargeDate?: Dayjs; dischargeTestType?: string; dischargeTestDate?: Dayjs; dischargeTestResult?: string;
  deathDate?: Dayjs; deathPlace?: string; deathCause?: string; transferDate?: Dayjs; transferTo?: string;
}

/** Ends a case: recovered with its discharge test, died, or moved out of the jurisdiction. */
export function OutcomeModal({ record, open, onClose, reload }: { record: CaseDetail; open: boolean; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const onError = useCaseError(reload);
  const patch = useCaseWrite((body: object) => casesApi.patch(record.id, body));
  const f = (k: keyof Values) => t(`cases.outcomeForm.${k}`);
  const date = (name: keyof Values, required = false) => (
    <Form.Item name={name} label={f(name)} rules={required ? [{ required: true }] : []}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={`outcome-${name}`} />
    </Form.Item>
  );

  const submit = (v: Values) => {
    const body: Record<string, unknown> = { version: record.version, status: v.status };
    if (v.status === 'recovered') Object.assign(body, { dischargeDate: isoOf(v.dischargeDate), dischargeTestType: v.dischargeTestType, dischargeTestDate: isoOf(v.dischargeTestDate), dischargeTestResult: v.dischargeTestResult });
    if (v.status === 'died') Object.assign(body, { deathDate: isoOf(v.deathDate), deathPlace: v.deathPlace, deathCause: v.deathCause || undefined });
    if (v.status === 'transferred_out') Object.assign(body, { transferDate: isoOf(v.transferDate), transferTo: v.transferTo || undefined });
    patch.mutate(body, { onSuccess: () => { void message.success(t('cases.outcomeForm.done')); onClose(); }, onError: (e) => onError(e, form) });
  };

  const today = dayjs(vnDate());
  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={patch.isPending} title={t('cases.detail.outcome')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'recovered', dischargeDate: today, deathDate: today, transferDate: today, dischargeTestType: 'rt_pcr', dischargeTestResult: 'negative' }}>
        <Form.Item name="status" label={f('status')}>
          <Select options={(['recovered', 'died', 'transferred_out'] as const).map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))} data-testid="outcome-status" />
        </Form.Item>
        {status === 'recovered' && (
          <>
            {date('dischargeDate', true)}
            <Form.Item name="dischargeTestType" label={f('dischargeTestType')}>
              <Select allowClear options={TEST_TYPES.map((v) => ({ value: v, label: t(`cases.testTypes.${v}`) }))} />
            </Form.Item>
            {date('dischargeTestDate')}
            <Form.Item name="dischargeTestResult" label={f('dischargeTestResult')}><Select allowClear options={dischargeResultOptions(t)} /></Form.Item>
          </>
        )}
        {status === 'died' && (
          <>
            {date('deathDate', true)}
            <Form.Item name="deathPlace" label={f('deathPlace')}><Select options={deathPlaceOptions(t)} /></Form.Item>
            <Form.Item name="deathCause" label={f('deathCause')}><Input /></Form.Item>
          </>
        )}
        {status === 'transferred_out' && (
          <>
            {date('transferDate', true)}
            <Form.Item name="transferTo" label={f('transferTo')}><Input /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
