/** F0 cases under /cases: the list, clusters, daily figures, deaths and orphans, a transmission chain, one case. */
import { Navigate, Route, Routes } from 'react-router-dom';
import { usePermission } from '../auth/session';
import NotFoundPage from '../../layout/NotFoundPage';
import { CaseDetailPage } from './CaseDetailPage';
import { CasesListPage } from './CasesListPage';
import { CaseStatsPage } from './CaseStatsPage';
import { ChainPage } from './ChainPage';
import { ClustersPage } from './ClustersPage';
import { DeathsOrphansPage } from '../orphans/DeathsOrphansPage';

export default function CasesRoutes() {
  // Observers follow the daily figures and anonymous chains; case records are personal data.
  const personal = usePermission('personal.read');
  if (!personal) {
    return (
      <Routes>
        <Route path="stats" element={<CaseStatsPage />} />
        <Route path="deaths" element={<DeathsOrphansPage />} />
        <Route path="chain/:ref" element={<ChainPage />} />
        <Route path="*" element={<Navigate to="/cases/stats" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<CasesListPage />} />
      <Route path="clusters" element={<ClustersPage />} />
      <Route path="stats" element={<CaseStatsPage />} />
      <Route path="deaths" element={<DeathsOrphansPage />} />
      <Route path="chain/:ref" element={<ChainPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
