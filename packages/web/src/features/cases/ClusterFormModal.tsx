import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { vnDate } from '@pcd/core';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { casesApi, useCaseWrite } from './api';
import { DATE_FORMAT, clusterSettingOptions, isoOf } from './labels';

interface Values { name: string; setting: string; unitCode?: string; firstDate: Dayjs; note?: string }

/** A cluster named by its setting ("chợ Liên Hương"); cases join it from their own form. */
export function ClusterFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const create = useCaseWrite((body: object) => casesApi.createCluster(body));
  const f = (k: keyof Values) => t(`clusters.fields.${k}`);
  const submit = (v: Values) =>
    create.mutate({ name: v.name, setting: v.setting, unitCode: v.unitCode || undefined, firstDate: isoOf(v.firstDate), note: v.note || undefined }, {
      onSuccess: () => { void message.success(t('clusters.created')); onClose(); },
      onError: (e) => showError(e, form),
    });
  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} title={t('clusters.create')} destroyOnHidden okButtonProps={{ 'data-testid': 'cluster-save' }}>
      <Form form={form} name="cluster" layout="vertical" onFinish={submit} initialValues={{ setting: 'market', firstDate: dayjs(vnDate()) }}>
        <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 3 }]}><Input data-testid="cluster-name" /></Form.Item>
        <Form.Item name="setting" label={f('setting')} rules={[{ required: true }]}><Select options={clusterSettingOptions(t)} /></Form.Item>
        <Form.Item name="unitCode" label={f('unitCode')}><UnitSelect allowClear /></Form.Item>
        <Form.Item name="firstDate" label={f('firstDate')} rules={[{ required: true }]}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="note" label={f('note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
