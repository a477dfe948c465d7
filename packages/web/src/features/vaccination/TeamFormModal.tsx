/** Sets up a mobile vaccination team. Test ids: team-form, team-unit, team-name, team-leader, team-save. */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateTeam } from './field-api';
import type { TeamInput } from './field-types';

export function TeamFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<TeamInput>();
  const create = useCreateTeam();
  const showError = useShowError();
  const f = (k: string) => t(`vaccinationField.teams.form.${k}` as 'vaccinationField.teams.form.name');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const team = await create.mutateAsync({ ...v, leaderPhone: v.leaderPhone?.trim() || null, members: v.members?.trim() || null });
      void message.success(t('vaccinationField.teams.created', { name: team.name }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal open title={t('vaccinationField.teams.create')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'team-save' }}>
      <Form form={form} layout="vertical" data-testid="team-form" initialValues={{ unitCode: user.unitCode ?? undefined }}>
        <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true }]}>
          <UnitSelect valueLabel={user.unitName} data-testid="team-unit" />
        </Form.Item>
        <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} placeholder={f('namePlaceholder')} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="leaderName" label={f('leader')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="team-leader" />
        </Form.Item>
        <Form.Item name="leaderPhone" label={f('leaderPhone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="members" label={f('members')} extra={f('membersHint')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
