import { can } from '@pcd/core';
import { useCurrentSession } from '../auth/session';

/** The server's rule: those who record people may declare a zone, except community team members. */
export function useCanRecordZones(): boolean {
  const { role } = useCurrentSession().user;
  return can(role, 'personal.write') && role !== 'team';
}
