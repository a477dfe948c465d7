import type { Role } from '@pcd/core';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { passwordPolicyRule, PASSWORD_MIN_LENGTH } from '../../app/passwordRules';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateUser, useUpdateUser } from './api';
import { roleOptions } from './roleOptions';
import type { User, UserChanges } from './types';

interface Values {
  username: string;
  password?: string;
  fullName: string;
  unitCode?: string | null;
  role: Role;
  assignedUnitCodes?: string[];
}

interface Props {
  /** null: create a user; otherwise the user being edited. */
  user: User | null;
  open: boolean;
  onClose: () => void;
}

const sameList = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

export function UserFormModal({ user, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== null;
  const role = Form.useWatch('role', form);

  const onFinish = async (values: Values) => {
    const unitCode = values.unitCode || null;
    const assigned = role === 'team' ? [...(values.assignedUnitCodes ?? [])].sort() : [];
    try {
      if (!editing) {
        const created = await create.mutateAsync({
          username: values.username.trim(),
          password: values.password ?? '',
          fullName: values.fullName.trim(),
          unitCode,
          role: values.role,
          ...(assigned.length ? { assignedUnitCodes: assigned } : {}),
        });
        void message.success(t('users.created', { username: created.username }));
      } else {
        // Only what changed, so that someone else's edit of another field is not overwritten.
        const changes: UserChanges = { version: user.version };
        if (values.fullName.trim() !== user.fullName) changes.fullName = values.fullName.trim();
        if (values.role !== user.role) changes.role = values.role;
        if (unitCode !== user.unitCode) changes.unitCode = unitCode;
        if (values.password) changes.password = values.password;
        if (!sameList(assigned, [...(user.assignedUnitCodes ?? [])].sort())) changes.assignedUnitCodes = assigned;
        await update.mutateAsync({ id: user.id, changes });
        void message.success(t('users.updated', { username: user.username }));
      }
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        void message.warning(t('errors.conflict'));
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  const passwordRules = editing ? [passwordPolicyRule(t)] : [required(t('users.password')), passwordPolicyRule(t)];

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'user-save' }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        data-testid="user-form"
        onFinish={onFinish}
        initialValues={
          user
            ? {
                username: user.username,
                fullName: user.fullName,
                unitCode: user.unitCode,
                role: user.role,
                assignedUnitCodes: user.assignedUnitCodes ?? [],
              }
            : { role: 'team', assignedUnitCodes: [] }
        }
        autoComplete="off"
      >
        <Form.Item name="username" label={t('users.username')} extra={editing ? undefined : t('users.usernameRule')} rules={[required(t('users.username'))]}>
          <Input disabled={editing} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="fullName" label={t('users.fullName')} rules={[required(t('users.fullName'))]}>
          <Input data-testid="user-fullname" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.role').toLowerCase() }) }]}
        >
          <Select options={roleOptions(t)} data-testid="user-role" />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('users.unit')}
          extra={role === 'admin' ? t('users.nationalHint') : undefined}
          rules={role === 'admin' ? [] : [{ required: true, message: t('common.requiredSelect', { field: t('users.unit').toLowerCase() }) }]}
        >
          <UnitSelect allowClear={role === 'admin'} data-testid="user-unit" />
        </Form.Item>
        {role === 'team' && (
          <Form.Item name="assignedUnitCodes" label={t('users.assignedUnits')} extra={t('users.assignedUnitsHint')}>
            <UnitSelect multiple allowClear data-testid="user-assigned-units" placeholder={t('users.assignedUnitsPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={editing ? t('users.resetPassword') : t('users.password')}
          extra={editing ? t('users.resetPasswordHint', { n: PASSWORD_MIN_LENGTH }) : t('account.passwordPolicy', { n: PASSWORD_MIN_LENGTH })}
          rules={passwordRules}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
