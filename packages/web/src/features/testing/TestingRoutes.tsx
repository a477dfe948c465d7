/** Testing under /testing: campaigns, one campaign at /testing/:id, firm self-reports and figures as tabs. */
import { Navigate, Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { usePermission } from '../auth/session';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { FirmReportsPage } from './FirmReportsPage';
import { TestingStatsPage } from './TestingStatsPage';

export default function TestingRoutes() {
  // Observers read figures only: their entry is the figures tab.
  const personal = usePermission('personal.read');
  return (
    <Routes>
      <Route index element={personal ? <CampaignsPage /> : <Navigate to="/testing/stats" replace />} />
      <Route path="firm-reports" element={<FirmReportsPage />} />
      <Route path="stats" element={<TestingStatsPage />} />
      <Route path=":id" element={<CampaignPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
