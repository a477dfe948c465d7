/**
 * The signed-in shell: side menu, header with language switch and user menu, routed page.
 * Test ids: side-menu, nav-<key> (dashboard, units, people, sweeps, cases, contacts, quarantine, care, testing,
 * vaccination, levels, capacity, teams, support, directives, reports, users, audit), language-switch,
 * user-menu, header-user-name, header-user-role, header-user-unit, menu-password, menu-tokens, menu-logout.
 */
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 240;
const COLLAPSED_KEY = 'pcd.siderCollapsed';

export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  };
  const narrow = screens.md === false;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={SIDER_WIDTH}
        collapsible
        collapsed={collapsed || narrow}
        trigger={null}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" style={{ display: 'block' }}>
          <Flex align="center" gap={10} style={{ padding: '16px 20px', color: '#fff' }}>
            <img src="/favicon.svg" alt="" width={28} height={28} style={{ flex: 'none' }} />
            {!(collapsed || narrow) && (
              <Flex vertical style={{ lineHeight: 1.2 }}>
                <span style={{ fontWeight: 700, fontSize: 16 }}>{t('app.name')}</span>
                <span style={{ fontSize: 11, opacity: 0.75 }}>{t('app.title')}</span>
              </Flex>
            )}
          </Flex>
        </Link>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={toggle}
            disabled={narrow}
          />
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {t('app.title')}
          </Typography.Text>
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
