import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentSession } from '../features/auth/session';
import { ADMIN_NAV, MAIN_NAV, activeNavKey, type NavEntry } from './navigation';

type Item = Required<MenuProps>['items'][number];

export function SideMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { permissions } = useCurrentSession();

  const visible = (entry: NavEntry) => !entry.permission || permissions.includes(entry.permission);
  const toItem = (entry: NavEntry): Item => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`nav-${entry.key}`}>
        {t(`nav.${entry.key}`)}
      </Link>
    ),
  });

  const items: Item[] = MAIN_NAV.filter(visible).map(toItem);
  const admin = ADMIN_NAV.filter(visible);
  if (admin.length > 0) {
    items.push({ type: 'divider' });
    items.push({ type: 'group', key: 'admin', label: t('nav.adminGroup'), children: admin.map(toItem) });
  }

  const active = activeNavKey(pathname);
  return (
    <Menu
      data-testid="side-menu"
      theme="dark"
      mode="inline"
      selectedKeys={active ? [active] : []}
      items={items}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
