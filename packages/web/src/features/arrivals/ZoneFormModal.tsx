import { vnDate } from '@pcd/core';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { OriginCascader } from '../declare/OriginCascader';
import { useCreateZone } from './api';

interface Props {
  open: boolean;
  onClose: () => void;
}

interface FormValues {
  pick: 'list' | 'code';
  unitCode?: string;
  fromDate: Dayjs;
  toDate?: Dayjs | null;
  note?: string;
}

const ISO = 'YYYY-MM-DD';

/** Declares a province, district or commune anywhere in the country an epidemic zone for a period. */
export function ZoneFormModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateZone();
  const pick = Form.useWatch('pick', form) ?? 'list';

  const onFinish = async (v: FormValues) => {
    try {
      const zone = await create.mutateAsync({
        unitCode: (v.unitCode ?? '').trim(),
        fromDate: v.fromDate.format(ISO),
        toDate: v.toDate ? v.toDate.format(ISO) : null,
        note: v.note?.trim() || null,
      });
      void message.success(t('arrivals.zones.created', { name: zone.unitName }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open={open}
      destroyOnHidden
      width={620}
      title={t('arrivals.zones.createTitle')}
      okText={t('arrivals.zones.declare')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'zone-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        name="zone"
        layout="vertical"
        data-testid="zone-form"
        initialValues={{ pick: 'list', fromDate: dayjs(vnDate()) }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('pick' in changed) form.setFieldValue('unitCode', undefined);
        }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="pick" label={t('arrivals.zones.pickBy')}>
          <Radio.Group
            data-testid="zone-pick"
            optionType="button"
            options={[
              { value: 'list', label: t('arrivals.zones.pickList') },
              { value: 'code', label: t('arrivals.zones.pickCode') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('arrivals.zones.unit')}
          extra={pick === 'code' ? t('arrivals.zones.codeHint') : t('arrivals.zones.listHint')}
          rules={[{ required: true, whitespace: true, message: t('arrivals.zones.unitRequired') }]}
        >
          {pick === 'code' ? <Input data-testid="zone-code" maxLength={32} placeholder="79" /> : <OriginCascader testId="zone-origin" />}
        </Form.Item>
        <Form.Item name="fromDate" label={t('arrivals.zones.fromDate')} rules={[{ required: true, message: t('arrivals.zones.fromDateRequired') }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} data-testid="zone-from" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="toDate" label={t('arrivals.zones.toDate')} extra={t('arrivals.zones.toDateHint')}>
          <DatePicker format="DD/MM/YYYY" data-testid="zone-to" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('arrivals.zones.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('arrivals.zones.notePlaceholder')} data-testid="zone-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
