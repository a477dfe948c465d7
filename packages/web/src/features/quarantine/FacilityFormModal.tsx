/**
 * A new facility with separate F1, F2 and arrivals areas, so that groups are not mixed.
 * Test ids: facility-form, facility-name, facility-address, facility-overload-pct, facility-area-<i>-{kind,name,beds}, facility-save.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AREA_KINDS, AREA_KIND_LABELS, FACILITY_STATUSES, FACILITY_STATUS_LABELS, type AreaKind, type FacilityStatus } from '@pcd/core';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateFacility } from './api';

interface Values {
  name: string;
  unitCode: string;
  address?: string;
  operator?: string;
  rooms?: number;
  status: FacilityStatus;
  overloadPct?: number;
  areas: { kind: AreaKind; name: string; beds: number }[];
}

const DEFAULT_AREAS = AREA_KINDS.map((kind) => ({ kind, name: AREA_KIND_LABELS[kind], beds: 10 }));

export function FacilityFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateFacility();
  const showError = useShowError();
  const f = (key: string) => t(`quarantine.facilities.${key}` as 'quarantine.facilities.name');
  const a = (key: string) => t(`quarantine.areas.${key}` as 'quarantine.areas.name');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await create.mutateAsync({
        ...v,
        address: v.address?.trim() || null,
        operator: v.operator?.trim() || null,
        rooms: v.rooms ?? 0,
      });
      void message.success(t('quarantine.facilities.created', { name: created.name }));
      onClose();
      navigate(`/quarantine/${created.id}`);
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={f('create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'facility-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="facility-form"
        initialValues={{ unitCode: user.unitCode ?? undefined, status: 'ready', overloadPct: 80, areas: DEFAULT_AREAS }}
      >
        <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="facility-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true }]}>
              <UnitSelect valueLabel={user.unitName} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={f('status')}>
              <Select options={FACILITY_STATUSES.map((s) => ({ value: s, label: FACILITY_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={f('address')}>
          <Input maxLength={300} data-testid="facility-address" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="operator" label={f('operator')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="rooms" label={f('rooms')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="overloadPct" label={f('overloadPct')}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} data-testid="facility-overload-pct" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="areas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row gutter={8} key={field.key} align="middle">
                  <Col span={7}>
                    <Form.Item name={[field.name, 'kind']} label={i === 0 ? a('kind') : undefined} rules={[{ required: true }]}>
                      <Select options={AREA_KINDS.map((k) => ({ value: k, label: AREA_KIND_LABELS[k] }))} data-testid={`facility-area-${i}-kind`} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name={[field.name, 'name']} label={i === 0 ? a('name') : undefined} rules={[{ required: true }]}>
                      <Input maxLength={200} data-testid={`facility-area-${i}-name`} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'beds']} label={i === 0 ? a('beds') : undefined} rules={[{ required: true }]}>
                      <InputNumber min={0} style={{ width: '100%' }} data-testid={`facility-area-${i}-beds`} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('common.close')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'f1', name: '', beds: 10 })}>
                {a('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
