/** Lockdown zones under /lockdown: the list and one zone at /lockdown/:id. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { ZoneDetailPage } from './ZoneDetailPage';
import { ZonesListPage } from './ZonesListPage';

export default function LockdownRoutes() {
  return (
    <Routes>
      <Route index element={<ZonesListPage />} />
      <Route path=":id" element={<ZoneDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
