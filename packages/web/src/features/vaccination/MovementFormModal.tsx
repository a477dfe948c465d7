/**
 * Records a stock movement of a unit. Test ids: movement-form, movement-product, movement-kind, movement-quantity, movement-counterpart-unit, movement-save.
 */
import { STOCK_MOVEMENT_KINDS, vnDate, type StockMovementKind } from '@pcd/core';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { useProducts, useRecordMovement } from './field-api';

interface Values {
  productCode: string;
  kind: StockMovementKind;
  quantity: number;
  date: Dayjs;
  counterpartUnitCode?: string;
  counterpart?: string;
  lot?: string;
  note?: string;
}

export function MovementFormModal({ unitCode, onClose }: { unitCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const record = useRecordMovement();
  const products = useProducts();
  const showError = useShowError();
  const f = (k: string) => t(`vaccinationField.stock.form.${k}` as 'vaccinationField.stock.form.product');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const m = await record.mutateAsync({
        unitCode, productCode: v.productCode, kind: v.kind, quantity: v.quantity, date: v.date.format('YYYY-MM-DD'),
        counterpartUnitCode: v.counterpartUnitCode ?? null, counterpart: v.counterpart?.trim() || null, lot: v.lot?.trim() || null, note: v.note?.trim() || null,
      });
      void message.success(t('vaccinationField.stock.recorded', { kind: t(`vaccinationField.kinds.${m.kind}`), quantity: m.quantity }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal open title={t('vaccinationField.stock.record')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={record.isPending} okButtonProps={{ 'data-testid': 'movement-save' }}>
      <Form form={form} layout="vertical" data-testid="movement-form" initialValues={{ kind: 'received', date: dayjs(vnDate()) }}>
        <Form.Item name="productCode" label={f('product')} rules={[{ required: true }]}>
          <Select loading={products.isLoading} data-testid="movement-product" options={(products.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
          <Select data-testid="movement-kind" options={STOCK_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`vaccinationField.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="quantity" label={f('quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="movement-quantity" />
        </Form.Item>
        <Form.Item name="date" label={f('date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(vnDate()), 'day')} />
        </Form.Item>
        {kind === 'allocated_out' && (
          <Form.Item name="counterpartUnitCode" label={f('counterpartUnit')} extra={f('counterpartUnitHint')}>
            <UnitSelect allowClear data-testid="movement-counterpart-unit" />
          </Form.Item>
        )}
        <Form.Item name="counterpart" label={f('counterpart')}>
          <Input maxLength={200} placeholder={f('counterpartPlaceholder')} />
        </Form.Item>
        <Form.Item name="lot" label={f('lot')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
