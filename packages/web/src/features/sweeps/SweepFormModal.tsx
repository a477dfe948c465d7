import { vnDate } from '@pcd/core';
import { App, type ButtonProps, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentSession } from '../auth/session';
import { useUnit } from '../units/api';
import { unitFullName } from '../units/names';
import { UnitSelect } from '../units/UnitSelect';
import { useCommuneVillages, useCreateSweep } from './api';
import { useSweepError } from './useSweepError';

interface Values {
  name: string;
  unitCode?: string;
  villageCodes?: string[];
  fromDate?: Dayjs | null;
  toDate?: Dayjs | null;
  note?: string;
}

const DATE_FORMAT = 'DD/MM/YYYY';
const ISO = 'YYYY-MM-DD';

/**
 * Plans a sweep over villages of one commune. Ticking no village means every village of the commune,
 * as the server takes it; the households of those villages join the sweep as it is created.
 */
export function SweepFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useSweepError();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateSweep();
  const unitCode = Form.useWatch('unitCode', form);
  const villages = useCommuneVillages(unitCode);
  // Commune staff plan sweeps of their own commune: it is filled in for them.
  const own = useUnit(user.unitCode ?? undefined);
  useEffect(() => {
    if (open && own.data?.tier === 'commune' && !form.getFieldValue('unitCode')) form.setFieldValue('unitCode', own.data.code);
  }, [open, own.data, form]);

  const onFinish = async (v: Values) => {
    try {
      const created = await create.mutateAsync({
        name: v.name.trim(),
        unitCode: v.unitCode ?? '',
        villageCodes: v.villageCodes?.length ? v.villageCodes : undefined,
        fromDate: v.fromDate ? v.fromDate.format(ISO) : '',
        toDate: v.toDate ? v.toDate.format(ISO) : '',
        note: v.note?.trim() ? v.note.trim() : null,
      });
      void message.success(t('sweeps.form.created', { name: created.name, count: created.progress.total }));
      onClose();
      navigate(`/sweeps/${created.id}`);
    } catch (err) {
      onError(err, form);
    }
  };

  const required = (label: string) => ({ required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) });
  return (
    <Modal
      open={open}
      title={t('sweeps.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sweeps.form.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'sweep-form-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        name="sweep"
        layout="vertical"
        data-testid="sweep-form"
        onFinish={onFinish}
        initialValues={{ fromDate: dayjs(vnDate()), toDate: dayjs(vnDate()).add(6, 'day') }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('unitCode' in changed) form.setFieldValue('villageCodes', []);
        }}
        autoComplete="off"
      >
        <Form.Item
          name="name"
          label={t('sweeps.fields.name')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('sweeps.form.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('sweeps.form.namePlaceholder')} data-testid="sweep-form-name" />
        </Form.Item>
        <Form.Item name="unitCode" label={t('sweeps.fields.unitCode')} rules={[required(t('sweeps.fields.unitCode'))]} extra={t('sweeps.form.communeHint')}>
          <UnitSelect placeholder={t('sweeps.form.communePlaceholder')} data-testid="sweep-form-unit" />
        </Form.Item>
        <Form.Item name="villageCodes" label={t('sweeps.fields.villageCodes')} extra={t('sweeps.form.villagesHint')}>
          {!unitCode ? (
            <Typography.Text type="secondary">{t('sweeps.form.pickCommuneFirst')}</Typography.Text>
          ) : villages.isLoading ? (
            <Spin size="small" />
          ) : (
            <Checkbox.Group
              data-testid="sweep-form-villages"
              options={(villages.data ?? []).map((v) => ({ value: v.code, label: unitFullName(v) }))}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            />
          )}
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="fromDate" label={t('sweeps.fields.fromDate')} rules={[required(t('sweeps.fields.fromDate'))]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="sweep-form-from" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="toDate" label={t('sweeps.fields.toDate')} rules={[required(t('sweeps.fields.toDate'))]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="sweep-form-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('sweeps.fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="sweep-form-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
