/**
 * Change one's own password.
 * Test ids: change-password-form, password-current, password-new, password-confirm, password-submit.
 */
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { passwordPolicyRule, PASSWORD_MIN_LENGTH } from '../../app/passwordRules';
import { PageHeader } from '../../layout/PageHeader';
import { changePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader title={t('account.passwordTitle')} />
      <Card style={{ maxWidth: 520 }}>
        <Typography.Paragraph type="secondary">{t('account.passwordIntro')}</Typography.Paragraph>
        <Form<Values> form={form} name="changePassword" layout="vertical" onFinish={onFinish} data-testid="change-password-form" disabled={busy}>
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('common.required', { field: t('account.currentPassword').toLowerCase() }) }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={t('account.passwordPolicy', { n: PASSWORD_MIN_LENGTH })}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('account.newPassword').toLowerCase() }) },
              passwordPolicyRule(t),
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  v && v === getFieldValue('currentPassword') ? Promise.reject(new Error(t('account.sameAsCurrent'))) : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('account.confirmPassword').toLowerCase() }) },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
            {t('account.submitPassword')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
