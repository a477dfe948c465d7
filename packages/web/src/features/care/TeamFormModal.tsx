/**
 * A new care team, led by a resident declared as a health worker (the server refuses anyone else).
 * Test ids: team-form, team-name, team-unit, team-leader, team-phone, team-save.
 */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { PersonSelect } from '../people/PersonSelect';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateTeam } from './api';

interface Values {
  name: string;
  unitCode: string;
  leaderPersonId: number;
  phone?: string;
}

export function TeamFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const showError = useShowError();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const team = await create.mutateAsync({ name: v.name, unitCode: v.unitCode, leaderPersonId: v.leaderPersonId, leaderHealthWorker: true, phone: v.phone?.trim() || null });
      void message.success(t('care.teams.created', { name: team.name }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={t('care.teams.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'team-save' }}
    >
      <Form form={form} layout="vertical" data-testid="team-form" initialValues={{ unitCode: user.unitCode ?? undefined }}>
        <Form.Item name="name" label={t('care.teams.name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="unitCode" label={t('care.teams.unit')} rules={[{ required: true }]}>
          <UnitSelect valueLabel={user.unitName} data-testid="team-unit" />
        </Form.Item>
        <Form.Item name="leaderPersonId" label={t('care.teams.leader')} rules={[{ required: true }]}>
          <PersonSelect placeholder={t('care.teams.leaderPlaceholder')} data-testid="team-leader" />
        </Form.Item>
        <Form.Item name="phone" label={t('care.teams.phone')}>
          <Input maxLength={20} data-testid="team-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
