/** Quarantine under /quarantine: the facilities, people in quarantine at /quarantine/episodes, one facility at /quarantine/:id. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { FacilitiesPage } from './FacilitiesPage';
import { EpisodesPage } from './EpisodesPage';
import { FacilityDetailPage } from './FacilityDetailPage';

export default function QuarantineRoutes() {
  return (
    <Routes>
      <Route index element={<FacilitiesPage />} />
      <Route path="episodes" element={<EpisodesPage />} />
      <Route path=":id" element={<FacilityDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
