import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { vnDate } from '@pcd/core';
import { useTranslation } from 'react-i18next';
import { casesApi, useCaseWrite } from './api';
import { DATE_FORMAT, carePlaceOptions, isoOf, severityOptions } from './labels';
import type { CaseDetail } from './types';
import { useCaseError } from './useCaseError';

interface Values { place: string; facilityName?: string; date?: Dayjs; reason: string; severity?: string }

/** Moves a case to another care place; the history keeps the old one with its dates. */
export function TransferModal({ record, open, onClose, reload }: { record: CaseDetail; open: boolean; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useCaseError(reload);
  const transfer = useCaseWrite((body: object) => casesApi.transfer(record.id, body));
  const f = (k: keyof Values) => t(`cases.transferForm.${k}`);

  const submit = (v: Values) =>
    transfer.mutate(
      { place: v.place, facilityName: v.facilityName || undefined, date: isoOf(v.date), reason: v.reason, severity: v.severity || undefined, version: record.version },
      { onSuccess: () => { void message.success(t('cases.transferForm.done')); onClose(); }, onError: (e) => onError(e, form) },
    );

  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={transfer.isPending} title={t('cases.detail.transfer')} destroyOnHidden okButtonProps={{ 'data-testid': 'transfer-submit' }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs(vnDate()) }}>
        <Form.Item name="place" label={f('place')} rules={[{ required: true }]}>
          <Select options={carePlaceOptions(t).filter((o) => o.value !== record.carePlace)} data-testid="transfer-place" />
        </Form.Item>
        <Form.Item name="facilityName" label={f('facilityName')}><Input /></Form.Item>
        <Form.Item name="date" label={f('date')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="reason" label={f('reason')} rules={[{ required: true, min: 3 }]}><Input.TextArea rows={2} data-testid="transfer-reason" /></Form.Item>
        <Form.Item name="severity" label={f('severity')}><Select allowClear options={severityOptions(t)} data-testid="transfer-severity" /></Form.Item>
      </Form>
    </Modal>
  );
}
