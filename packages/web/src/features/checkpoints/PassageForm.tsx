import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useAddPassage } from './api';
import type { PassageInput } from './types';

interface FormValues {
  direction: PassageInput['direction'];
  vehiclePlate?: string;
  personCount: number;
  note?: string;
}

/** One line per vehicle or group passing: quick to repeat, so the direction and count stay after saving. */
export function PassageForm({ checkpointId }: { checkpointId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const add = useAddPassage(checkpointId);

  const onFinish = async (v: FormValues) => {
    try {
      const p = await add.mutateAsync({
        direction: v.direction,
        vehiclePlate: v.vehiclePlate?.trim() || null,
        personCount: v.personCount,
        note: v.note?.trim() || null,
      });
      void message.success(t('checkpoints.passages.saved', { direction: t(`checkpoints.passages.${p.direction}`), count: p.personCount }));
      form.setFieldsValue({ vehiclePlate: undefined, note: undefined, personCount: 1 });
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      name="passage"
      layout="inline"
      data-testid="passage-form"
      initialValues={{ direction: 'in', personCount: 1 }}
      onFinish={(v) => void onFinish(v)}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="direction">
        <Radio.Group buttonStyle="solid" optionType="button" data-testid="passage-direction">
          <Radio.Button value="in" data-testid="passage-in">
            <LoginOutlined /> {t('checkpoints.passages.in')}
          </Radio.Button>
          <Radio.Button value="out" data-testid="passage-out">
            <LogoutOutlined /> {t('checkpoints.passages.out')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="vehiclePlate" label={t('checkpoints.passages.plate')}>
        <Input maxLength={20} placeholder="27A-123.45" style={{ width: 140 }} data-testid="passage-plate" />
      </Form.Item>
      <Form.Item name="personCount" label={t('checkpoints.passages.people')} rules={[{ required: true, message: t('checkpoints.passages.peopleRequired') }]}>
        <InputNumber<number> min={1} max={500} precision={0} style={{ width: 90 }} data-testid="passage-count" />
      </Form.Item>
      <Form.Item name="note" label={t('checkpoints.passages.note')}>
        <Input maxLength={500} style={{ width: 200 }} data-testid="passage-note" />
      </Form.Item>
      <Flex>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="passage-save">
          {t('checkpoints.passages.record')}
        </Button>
      </Flex>
    </Form>
  );
}
