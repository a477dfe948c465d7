import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { RequireAuth } from '../features/auth/RequireAuth';
import { RequirePermission } from '../features/auth/RequirePermission';
import { MAIN_NAV } from '../layout/navigation';

// Every page is its own chunk: an official on a commune connection loads only what they open.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
// The menu shell too, so that the public declaration page (no menu) does not download it.
const AppLayout = lazy(() => import('../layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const PeopleRoutes = lazy(() => import('../features/people/PeopleRoutes'));
const ArrivalsRoutes = lazy(() => import('../features/arrivals/ArrivalsRoutes'));
const CheckpointsRoutes = lazy(() => import('../features/checkpoints/CheckpointsRoutes'));
const CheckpointQrPage = lazy(() => import('../features/checkpoints/CheckpointQrPage'));
// Opened from a QR code on a phone, without an account: its own small chunk, outside the signed-in shell.
const PublicDeclarationPage = lazy(() => import('../features/declare/PublicDeclarationPage'));
const SweepsRoutes = lazy(() => import('../features/sweeps/SweepsRoutes'));
const CasesRoutes = lazy(() => import('../features/cases/CasesRoutes'));
const CareRoutes = lazy(() => import('../features/care/CareRoutes'));
const QuarantineRoutes = lazy(() => import('../features/quarantine/QuarantineRoutes'));
const TestingRoutes = lazy(() => import('../features/testing/TestingRoutes'));
const LockdownRoutes = lazy(() => import('../features/lockdown/LockdownRoutes'));
const RulesPage = lazy(() => import('../features/rules/RulesPage'));
const VaccinationRoutes = lazy(() => import('../features/vaccination/VaccinationRoutes'));
const ContactsRoutes = lazy(() => import('../features/cases/ContactsRoutes'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ChangePasswordPage = lazy(() => import('../features/account/ChangePasswordPage'));
const ApiTokensPage = lazy(() => import('../features/account/ApiTokensPage'));
const UnderConstructionPage = lazy(() => import('../features/placeholder/UnderConstructionPage'));
const NotFoundPage = lazy(() => import('../layout/NotFoundPage'));

const upcoming: RouteObject[] = MAIN_NAV.filter((entry) => !entry.ready).map((entry) => ({
  path: `${entry.path.slice(1)}/*`,
  element: <UnderConstructionPage capability={entry.key} />,
}));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/khai-bao/:token?', element: <PublicDeclarationPage /> },
  {
    // The printable sheet stands alone, without the menu around it.
    path: '/checkpoints/:id/qr',
    element: (
      <RequireAuth>
        <CheckpointQrPage />
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: 'units/:code?',
        element: (
          <RequirePermission permission="units.read">
            <UnitsPage />
          </RequirePermission>
        ),
      },
      // Sub-pages (households, duplicates, one record) are routed inside the registry.
      { path: 'people/*', element: <PeopleRoutes /> },
      { path: 'arrivals/*', element: <ArrivalsRoutes /> },
      { path: 'checkpoints/*', element: <CheckpointsRoutes /> },
      { path: 'sweeps/*', element: <SweepsRoutes /> },
      { path: 'cases/*', element: <CasesRoutes /> },
      {
        path: 'care/*',
        element: (
          <RequirePermission permission="personal.read">
            <CareRoutes />
          </RequirePermission>
        ),
      },
      { path: 'quarantine/*', element: <QuarantineRoutes /> },
      { path: 'testing/*', element: <TestingRoutes /> },
      { path: 'lockdown/*', element: <LockdownRoutes /> },
      { path: 'rules', element: <RulesPage /> },
      { path: 'vaccination/*', element: <VaccinationRoutes /> },
      { path: 'contacts/*', element: <ContactsRoutes /> },
      ...upcoming,
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      {
        path: 'admin/users',
        element: (
          <RequirePermission permission="users.manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: 'account/tokens', element: <ApiTokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
