/**
 * Declares a lockdown over villages, households or a list of addresses of one commune (or village).
 * Test ids: zone-form, zone-name, zone-unit, zone-villages, zone-households, zone-addresses, zone-start, zone-end, zone-reason, zone-save.
 */
import { vnDate } from '@pcd/core';
import { App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateZone } from './api';
import { HouseholdsSelect } from './HouseholdsSelect';
import { VillagesSelect } from './VillagesSelect';

interface Values {
  name: string;
  unitCode: string;
  villageCodes?: string[];
  householdIds?: number[];
  addresses?: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  reason: string;
}

export function ZoneFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const unitCode = Form.useWatch('unitCode', form);
  const create = useCreateZone();
  const showError = useShowError();
  const f = (k: string) => t(`lockdown.form.${k}` as 'lockdown.form.name');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const zone = await create.mutateAsync({
        name: v.name, unitCode: v.unitCode, villageCodes: v.villageCodes ?? [], householdIds: v.householdIds ?? [],
        addresses: v.addresses?.trim() || null, startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
        reason: v.reason,
      });
      void message.success(t('lockdown.form.created', { name: zone.name }));
      onClose();
      navigate(`/lockdown/${zone.id}`);
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('lockdown.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'zone-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="zone-form"
        initialValues={{ unitCode: user.unitCode ?? undefined, startDate: dayjs(vnDate()) }}
        onValuesChange={(changed) => {
          if ('unitCode' in changed) form.setFieldsValue({ villageCodes: [], householdIds: [] });
        }}
      >
        <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} placeholder={f('namePlaceholder')} data-testid="zone-name" />
        </Form.Item>
        <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true }]} extra={f('unitHint')}>
          <UnitSelect valueLabel={user.unitName} data-testid="zone-unit" />
        </Form.Item>
        <Form.Item name="villageCodes" label={f('villages')}>
          <VillagesSelect unitCode={unitCode} />
        </Form.Item>
        <Form.Item name="householdIds" label={f('households')}>
          <HouseholdsSelect unitCode={unitCode} />
        </Form.Item>
        <Form.Item name="addresses" label={f('addresses')} extra={f('addressesHint')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="zone-addresses" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startDate" label={f('startDate')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="zone-start" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label={f('endDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="zone-end" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={f('reason')} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="zone-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
