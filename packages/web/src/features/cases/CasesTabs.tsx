import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePermission } from '../auth/session';

const TABS = [
  { key: 'cases', path: '/cases' },
  { key: 'contacts', path: '/contacts' },
  { key: 'clusters', path: '/cases/clusters' },
  { key: 'stats', path: '/cases/stats' },
  { key: 'deaths', path: '/cases/deaths' },
] as const;

/** F0, F1/F2, clusters, daily figures, deaths and orphans as tabs that are also addresses. */
export function CasesTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const personal = usePermission('personal.read');
  const tabs = personal ? TABS : TABS.filter((tab) => tab.key === 'stats' || tab.key === 'deaths');
  const active = [...tabs].reverse().find((tab) => pathname.startsWith(tab.path))?.key ?? 'cases';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(tabs.find((tab) => tab.key === key)!.path)}
      items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`cases-tab-${tab.key}`}>{t(`cases.tabs.${tab.key}`)}</span> }))}
      style={{ marginBottom: 4 }}
    />
  );
}
