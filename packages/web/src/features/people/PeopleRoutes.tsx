/**
 * The people registry under /people: residents, households and boarding houses, probable duplicates.
 * One chunk for the whole registry, loaded only by those allowed to see personal data.
 */
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../layout/NotFoundPage';
import { DuplicatesPage } from './DuplicatesPage';
import { HouseholdDetailPage } from './HouseholdDetailPage';
import { HouseholdsPage } from './HouseholdsPage';
import { PeopleAccess } from './PeopleAccess';
import { PeopleListPage } from './PeopleListPage';
import { PersonDetailPage } from './PersonDetailPage';

export default function PeopleRoutes() {
  return (
    <PeopleAccess>
      <Routes>
        <Route index element={<PeopleListPage />} />
        <Route path="households" element={<HouseholdsPage />} />
        <Route path="households/:id" element={<HouseholdDetailPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path=":id" element={<PersonDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PeopleAccess>
  );
}
