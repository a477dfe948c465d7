import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useCurrentSession, useEndSession } from '../features/auth/session';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const endSession = useEndSession();

  const logout = async () => {
    try {
      await api.post('/auth/logout', undefined, { allowUnauthorized: true });
    } catch {
      // The cookie may already be gone; leaving the screen is what matters.
    }
    endSession();
    void message.success(t('auth.loggedOut'));
    navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('nav.password')}</span> },
    { key: 'tokens', icon: <ApiOutlined />, label: <span data-testid="menu-tokens">{t('nav.tokens')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('nav.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/account/password');
    else if (key === 'tokens') navigate('/account/tokens');
    else if (key === 'logout') void logout();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', padding: '4px 8px', minWidth: 0 }}>
        <Flex align="center" gap={10} style={{ minWidth: 0, textAlign: 'left' }}>
          <Avatar icon={<UserOutlined />} style={{ background: '#b91c1c', flex: 'none' }} />
          <Flex vertical style={{ lineHeight: 1.25, minWidth: 0 }}>
            <Typography.Text strong ellipsis data-testid="header-user-name">
              {user.fullName}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} data-testid="header-user-role">
              {t(`roles.${user.role}`)}
              {' · '}
              <span data-testid="header-user-unit">{user.unitName ?? t('users.national')}</span>
            </Typography.Text>
          </Flex>
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
