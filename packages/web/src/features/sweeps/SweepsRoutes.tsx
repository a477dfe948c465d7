/**
 * Door-to-door sweeps under /sweeps: the list, one sweep, and the visit form. Every role reaches the
 * list; the server decides what each sees (team members: their households; observers: counts only).
 */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { SweepDetailPage } from './SweepDetailPage';
import { SweepsListPage } from './SweepsListPage';
import { VisitPage } from './VisitPage';

export default function SweepsRoutes() {
  return (
    <Routes>
      <Route index element={<SweepsListPage />} />
      <Route path=":id" element={<SweepDetailPage />} />
      <Route path=":id/visit" element={<VisitPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
