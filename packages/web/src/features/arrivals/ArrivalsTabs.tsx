import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePermission } from '../auth/session';

const TABS = [
  { key: 'work', path: '/arrivals', personal: true },
  { key: 'declarations', path: '/arrivals/declarations', personal: true },
  { key: 'zones', path: '/arrivals/zones', personal: false },
  { key: 'rules', path: '/arrivals/rules', personal: false },
] as const;

/** The lists of arrivals as tabs that are also addresses; observers see only zones and the rule. */
export function ArrivalsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const personal = usePermission('personal.read');
  const tabs = TABS.filter((tab) => personal || !tab.personal);
  const active = [...tabs].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))?.key ?? tabs[0].key;
  return (
    <Tabs
      data-testid="arrivals-tabs"
      activeKey={active}
      onChange={(key) => navigate(tabs.find((tab) => tab.key === key)!.path)}
      items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`arrivals-tab-${tab.key}`}>{t(`arrivals.tabs.${tab.key}`)}</span> }))}
      style={{ marginBottom: 4 }}
    />
  );
}
