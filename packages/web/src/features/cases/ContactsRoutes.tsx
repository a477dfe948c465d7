/** F1/F2 under /contacts: the list (with hand-overs) and one contact. */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactsListPage } from './ContactsListPage';

export default function ContactsRoutes() {
  return (
    <Routes>
      <Route index element={<ContactsListPage />} />
      <Route path=":id" element={<ContactDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
