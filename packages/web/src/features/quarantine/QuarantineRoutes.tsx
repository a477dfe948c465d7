/** Centralised quarantine under /quarantine: the facilities and one facility at /quarantine/:id. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { FacilitiesPage } from './FacilitiesPage';
import { FacilityDetailPage } from './FacilityDetailPage';

export default function QuarantineRoutes() {
  return (
    <Routes>
      <Route index element={<FacilitiesPage />} />
      <Route path=":id" element={<FacilityDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
