/**
 * Asks the unit above for vaccine; the need computed from the unvaccinated is shown as the form changes.
 * Test ids: allocation-form, allocation-product, allocation-group, allocation-quantity, allocation-justification, allocation-use-computed, allocation-save.
 */
import { COVERAGE_MEASURES, VACCINATION_GROUPS, type CoverageMeasure, type VaccinationGroup } from '@pcd/core';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useCreateAllocation, useJustification, useProducts } from './field-api';
import { JustificationText } from './JustificationText';

interface Values { productCode: string; group: VaccinationGroup; measure: CoverageMeasure; vialSize?: number; quantity: number; note?: string }

export function AllocationFormModal({ unitCode, onClose }: { unitCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const group = Form.useWatch('group', form);
  const measure = Form.useWatch('measure', form);
  const vialSize = Form.useWatch('vialSize', form);
  const justification = useJustification({ unit: unitCode, group, measure, vialSize: vialSize || undefined });
  const create = useCreateAllocation();
  const products = useProducts();
  const showError = useShowError();
  const f = (k: string) => t(`vaccinationField.allocations.form.${k}` as 'vaccinationField.allocations.form.unit');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await create.mutateAsync({ unitCode, productCode: v.productCode, quantity: v.quantity, group: v.group, measure: v.measure, vialSize: v.vialSize || undefined, note: v.note?.trim() || null });
      void message.success(t('vaccinationField.allocations.createdMessage', { parent: r.parentName }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal open width={620} title={t('vaccinationField.allocations.create')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'allocation-save' }}>
      <Form form={form} layout="vertical" data-testid="allocation-form" initialValues={{ group: '18+', measure: 'dose1' }}>
        <Form.Item name="productCode" label={f('product')} rules={[{ required: true }]}>
          <Select loading={products.isLoading} data-testid="allocation-product" options={(products.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.code, label: p.name }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="group" label={f('group')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} data-testid="allocation-group" options={VACCINATION_GROUPS.map((g) => ({ value: g, label: t(`vaccinationField.groups.${g}`) }))} />
          </Form.Item>
          <Form.Item name="measure" label={f('measure')} rules={[{ required: true }]}>
            <Select style={{ width: 170 }} options={COVERAGE_MEASURES.map((m) => ({ value: m, label: t(`vaccinationField.measures.${m}`) }))} />
          </Form.Item>
          <Form.Item name="vialSize" label={f('vialSize')}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        </Space>
        {justification.data && (
          <Alert
            type="info" style={{ marginBottom: 12 }} data-testid="allocation-justification"
            message={f('computed')}
            description={<JustificationText j={justification.data} />}
            action={justification.data.dosesNeeded > 0 && (
              <Button size="small" onClick={() => form.setFieldsValue({ quantity: justification.data!.dosesNeeded })} data-testid="allocation-use-computed">{f('useComputed')}</Button>
            )}
          />
        )}
        <Form.Item name="quantity" label={f('quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="allocation-quantity" />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
