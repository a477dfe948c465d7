/**
 * Vaccination under /vaccination: one tab per screen, each tab an address (/vaccination/<path>).
 * A screen joins with one line in VACCINATION_TABS; observers get only the tabs that need no personal data.
 * Test ids: vaccination-tab-<key>.
 */
import type { Permission } from '@pcd/core';
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/session';
import { CoveragePage } from './CoveragePage';
import { TargetsPage } from './TargetsPage';
import { UnvaccinatedPage } from './UnvaccinatedPage';
import { MobileTeamsPage } from './MobileTeamsPage';
import { VaccineStockPage } from './VaccineStockPage';
import { ImportDosesPage } from './ImportDosesPage';

interface VaccinationTab {
  key: string;
  /** Under /vaccination; '' is the first screen. */
  path: string;
  /** An i18n key. */
  label: string;
  element: ReactNode;
  /** Hidden without it; the server refuses the data anyway. */
  permission?: Permission;
}

const VACCINATION_TABS: VaccinationTab[] = [
  { key: 'coverage', path: '', label: 'vaccination.tabs.coverage', element: <CoveragePage /> },
  { key: 'targets', path: 'targets', label: 'vaccination.tabs.targets', element: <TargetsPage /> },
  { key: 'unvaccinated', path: 'unvaccinated', label: 'vaccinationField.tabs.unvaccinated', element: <UnvaccinatedPage />, permission: 'personal.read' },
  { key: 'mobile-teams', path: 'mobile-teams', label: 'vaccinationField.tabs.teams', element: <MobileTeamsPage />, permission: 'vaccination.plan' },
  { key: 'stock', path: 'stock', label: 'vaccinationField.tabs.stock', element: <VaccineStockPage /> },
  { key: 'import', path: 'import', label: 'vaccinationImport.tab', element: <ImportDosesPage />, permission: 'personal.write' },
];

export default function VaccinationRoutes() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: session } = useSession();
  const tabs = VACCINATION_TABS.filter((tab) => !tab.permission || session?.permissions.includes(tab.permission));
  const sub = pathname.replace(/^\/vaccination\/?/, '').split('/')[0];
  const active = tabs.find((tab) => tab.path === sub)?.key ?? tabs[0]?.key;
  const label = (key: string) => t(key as 'vaccination.title');

  return (
    <div data-testid="vaccination-page">
      <PageHeader title={t('vaccination.title')} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/vaccination/${tabs.find((tab) => tab.key === key)!.path}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`vaccination-tab-${tab.key}`}>{label(tab.label)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <Routes>
        {tabs.map((tab) => (tab.path === '' ? <Route key={tab.key} index element={tab.element} /> : <Route key={tab.key} path={`${tab.path}/*`} element={tab.element} />))}
        {VACCINATION_TABS.filter((tab) => !tabs.includes(tab)).map((tab) => (
          <Route key={tab.key} path={`${tab.path}/*`} element={<Navigate to="/vaccination" replace />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
