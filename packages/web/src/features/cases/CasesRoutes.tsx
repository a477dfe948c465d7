/** F0 cases under /cases: the list, clusters, daily figures, a transmission chain, one case. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { CaseDetailPage } from './CaseDetailPage';
import { CasesListPage } from './CasesListPage';
import { ChainPage } from './ChainPage';

export default function CasesRoutes() {
  return (
    <Routes>
      <Route index element={<CasesListPage />} />
      <Route path="chain/:ref" element={<ChainPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
