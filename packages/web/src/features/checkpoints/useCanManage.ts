import { can } from '@pcd/core';
import { useCurrentSession } from '../auth/session';

/**
 * Creating, editing and retiring points. Decided from the role with core's own table, as the server
 * does: the session's permission list names only the foundation's permissions.
 */
export function useCanManageCheckpoints(): boolean {
  return can(useCurrentSession().user.role, 'checkpoints.manage');
}
