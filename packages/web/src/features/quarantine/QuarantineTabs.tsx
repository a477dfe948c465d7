import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const TABS = [
  { key: 'facilities', path: '/quarantine' },
  { key: 'episodes', path: '/quarantine/episodes' },
] as const;

/** Facilities and the people in quarantine (home or facility) as tabs that are also addresses. */
export function QuarantineTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/quarantine/episodes') ? 'episodes' : 'facilities';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(TABS.find((tab) => tab.key === key)!.path)}
      items={TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`quarantine-tab-${tab.key}`}>{t(`quarantine.tabs.${tab.key}`)}</span> }))}
      style={{ marginBottom: 4 }}
    />
  );
}
