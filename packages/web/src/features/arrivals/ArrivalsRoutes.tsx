/**
 * Arrivals under /arrivals: the work list of follow-ups, declarations, epidemic zones and the follow-up rule.
 * Observers (no personal data) land on the zones, which are public facts.
 */
import { Navigate, Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { usePermission } from '../auth/session';
import { DeclarationsPage } from './DeclarationsPage';
import { RulesPage } from './RulesPage';
import { WorkListPage } from './WorkListPage';
import { ZonesPage } from './ZonesPage';

export default function ArrivalsRoutes() {
  const personal = usePermission('personal.read');
  return (
    <Routes>
      <Route index element={personal ? <WorkListPage /> : <Navigate to="zones" replace />} />
      <Route path="declarations" element={personal ? <DeclarationsPage /> : <Navigate to="../zones" replace />} />
      <Route path="zones" element={<ZonesPage />} />
      <Route path="rules" element={<RulesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
