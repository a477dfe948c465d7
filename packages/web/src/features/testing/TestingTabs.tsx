import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePermission } from '../auth/session';

const TABS = [
  { key: 'campaigns', path: '/testing', personal: true },
  { key: 'firms', path: '/testing/firm-reports', personal: true },
  { key: 'stats', path: '/testing/stats', personal: false },
] as const;

/** Campaigns, firm reports and figures as tabs that are also addresses; observers get the figures only. */
export function TestingTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const personal = usePermission('personal.read');
  const active = pathname.startsWith('/testing/firm-reports') ? 'firms' : pathname.startsWith('/testing/stats') ? 'stats' : 'campaigns';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(TABS.find((tab) => tab.key === key)!.path)}
      items={TABS.filter((tab) => personal || !tab.personal).map((tab) => ({
        key: tab.key,
        label: <span data-testid={`testing-tab-${tab.key}`}>{t(`testing.tabs.${tab.key}`)}</span>,
      }))}
      style={{ marginBottom: 4 }}
    />
  );
}
