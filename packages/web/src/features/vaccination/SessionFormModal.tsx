/**
 * Records a mobile session: where and when, and the doses given and wasted per vaccine, which leave the
 * team's stock. Test ids: session-form, session-team, session-unit, session-date, session-place, session-product, session-given, session-save.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { vnDate } from '@pcd/core';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateSession, useProducts } from './field-api';
import type { MobileTeam } from './field-types';

interface Values {
  teamId: number;
  unitCode: string;
  date: Dayjs;
  place: string;
  doses: { productCode: string; given: number; wasted?: number }[];
  note?: string;
}

export function SessionFormModal({ teams, onClose }: { teams: MobileTeam[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();
  const products = useProducts();
  const showError = useShowError();
  const f = (k: string) => t(`vaccinationField.sessions.form.${k}` as 'vaccinationField.sessions.form.team');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        teamId: v.teamId, unitCode: v.unitCode, date: v.date.format('YYYY-MM-DD'), place: v.place, note: v.note?.trim() || null,
        doses: (v.doses ?? []).map((d) => ({ productCode: d.productCode, given: d.given ?? 0, wasted: d.wasted ?? 0 })),
      });
      void message.success(t('vaccinationField.sessions.saved'));
      onClose();
    } catch (err) {
      // The server names "doses.1.given"; the form list names its fields by number.
      if (isApiError(err) && err.field) {
        form.setFields([{ name: err.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [err.message] }]);
        void message.error(err.message);
      } else showError(err, form);
    }
  };

  return (
    <Modal open width={640} title={t('vaccinationField.sessions.create')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'session-save' }}>
      <Alert type="info" showIcon message={t('vaccinationField.sessions.hint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" data-testid="session-form" initialValues={{ date: dayjs(vnDate()), doses: [{ given: 0, wasted: 0 }], teamId: teams.length === 1 ? teams[0].id : undefined }}>
        <Form.Item name="teamId" label={f('team')} rules={[{ required: true }]}>
          <Select options={teams.filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name} (${x.unitName})` }))} data-testid="session-team" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <UnitSelect data-testid="session-unit" />
          </Form.Item>
          <Form.Item name="date" label={f('date')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="session-date" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="place" label={f('place')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={300} placeholder={f('placePlaceholder')} data-testid="session-place" />
        </Form.Item>
        <Form.List name="doses">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{f('doses')}</div>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'productCode']} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} placeholder={f('product')} loading={products.isLoading} data-testid="session-product"
                      options={(products.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.code, label: p.name }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'given']} label={f('given')} rules={[{ required: true }]}>
                    <InputNumber min={0} precision={0} data-testid="session-given" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'wasted']} label={f('wasted')}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ given: 0, wasted: 0 })}>{f('addProduct')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={f('note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
