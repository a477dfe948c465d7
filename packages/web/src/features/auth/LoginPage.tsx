/**
 * Sign-in. The server's message is shown as is (wrong password, locked account, too many tries).
 * Test ids: login-form, login-username, login-password, login-submit, login-error.
 * Antd ids: #login_username, #login_password (Form name "login").
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { SESSION_KEY, useSession } from './session';
import type { Session } from './types';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted link cannot bounce a fresh login to another site. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const data = await api.post<Partial<Session> | undefined>('/auth/login', values, { allowUnauthorized: true });
      if (data?.user && data.permissions) {
        queryClient.setQueryData(SESSION_KEY, data as Session);
      } else {
        await queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: () => api.get<Session>('/auth/me') });
      }
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #0b3d7a 0%, #0b5cad 55%, #e8eef7 55%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 12px 32px rgba(0,0,0,0.18)' }}>
        <Flex justify="space-between" align="start" style={{ marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {t('app.name')} — {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.title')}</Typography.Paragraph>

        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        )}

        <Form<LoginValues> name="login" layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form" disabled={submitting}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.footer')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
