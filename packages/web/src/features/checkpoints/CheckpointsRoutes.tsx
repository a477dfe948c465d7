/** Checkpoints under /checkpoints: the list and one point's page. The printable QR sheet has its own top-level route. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { CheckpointDetailPage } from './CheckpointDetailPage';
import { CheckpointsPage } from './CheckpointsPage';

export default function CheckpointsRoutes() {
  return (
    <Routes>
      <Route index element={<CheckpointsPage />} />
      <Route path=":id" element={<CheckpointDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
