/**
 * Adds a dose to a person or edits one; the server's field errors (interval too short, duplicate dose…) show under the input.
 * Test ids: dose-form, dose-product, dose-number, dose-kind, dose-date, dose-lot, dose-site, dose-reaction, dose-save.
 */
import { DOSE_KINDS, MAX_DOSE_NUMBER, vnDate, type DoseKind } from '@pcd/core';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useCreateDose, useProducts, useUpdateDose } from './api';
import type { Dose } from './types';

interface Values {
  product: string;
  dose: number;
  kind?: DoseKind | 'auto';
  date: Dayjs;
  lot?: string;
  site?: string;
  adverseReaction?: string;
}

export function DoseFormModal({ person, dose, nextNumber, onClose }: { person: { id: number; fullName: string }; dose?: Dose; nextNumber: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const products = useProducts();
  const create = useCreateDose();
  const update = useUpdateDose();
  const showError = useShowError();
  const f = (k: string) => t(`vaccination.doses.form.${k}` as 'vaccination.doses.form.product');

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      product: v.product, dose: v.dose, kind: v.kind === 'auto' ? undefined : v.kind, date: v.date.format('YYYY-MM-DD'),
      lot: v.lot?.trim() || null, site: v.site?.trim() || null, adverseReaction: v.adverseReaction?.trim() || null,
    };
    try {
      const saved = dose ? await update.mutateAsync({ id: dose.id, version: dose.version, ...body }) : await create.mutateAsync({ personId: person.id, ...body });
      void message.success(t('vaccination.doses.form.saved', { n: saved.dose }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void message.warning(t('vaccination.doses.stale'));
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));
  if (dose && !productOptions.some((o) => o.value === dose.product)) productOptions.push({ value: dose.product, label: dose.productName });

  return (
    <Modal
      open
      title={dose ? t('vaccination.doses.form.editTitle', { n: dose.dose, name: person.fullName }) : t('vaccination.doses.form.addTitle', { name: person.fullName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'dose-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        name="dose"
        data-testid="dose-form"
        initialValues={
          dose
            ? { product: dose.product, dose: dose.dose, kind: dose.kind, date: dayjs(dose.date), lot: dose.lot ?? undefined, site: dose.site ?? undefined, adverseReaction: dose.adverseReaction ?? undefined }
            : { dose: nextNumber, kind: 'auto', date: dayjs(vnDate()) }
        }
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="product" label={f('product')} rules={[{ required: true, message: t('common.requiredSelect', { field: f('product').toLowerCase() }) }]}>
              <Select showSearch optionFilterProp="label" loading={products.isLoading} options={productOptions} data-testid="dose-product" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="dose" label={f('dose')} rules={[{ required: true }]}>
              <InputNumber min={1} max={MAX_DOSE_NUMBER} style={{ width: '100%' }} data-testid="dose-number" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="date" label={f('date')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(x) => x.isAfter(dayjs(vnDate()), 'day')} data-testid="dose-date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={f('kind')}>
              <Select
                data-testid="dose-kind"
                options={[
                  ...(dose ? [] : [{ value: 'auto', label: f('kindAuto') }]),
                  ...DOSE_KINDS.map((k) => ({ value: k, label: t(`vaccination.kinds.${k}`) })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="lot" label={f('lot')}>
              <Input maxLength={64} data-testid="dose-lot" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="site" label={f('site')}>
              <Input maxLength={300} data-testid="dose-site" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="adverseReaction" label={f('reaction')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1 }} data-testid="dose-reaction" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
