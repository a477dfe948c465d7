import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const TABS = [
  { key: 'people', path: '/people' },
  { key: 'households', path: '/people/households' },
  { key: 'duplicates', path: '/people/duplicates' },
] as const;

/** The three lists of the registry, as tabs that are also addresses (so Back and shared links work). */
export function PeopleTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/people/households') ? 'households' : pathname.startsWith('/people/duplicates') ? 'duplicates' : 'people';
  return (
    <Tabs
      data-testid="people-tabs"
      activeKey={active}
      onChange={(key) => navigate(TABS.find((tab) => tab.key === key)!.path)}
      items={TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`people-tab-${tab.key}`}>{t(`people.tabs.${tab.key}`)}</span> }))}
      style={{ marginBottom: 4 }}
    />
  );
}
