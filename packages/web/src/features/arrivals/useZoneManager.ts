import { canManageZones, type Tier } from '@pcd/core';
import { useCurrentSession } from '../auth/session';
import { useUnit } from '../units/api';

/**
 * Whether the user may declare zones and set the follow-up rule: the same rule as the server's
 * (command or admin of a province or district, or a national admin), which needs the unit's tier.
 */
export function useZoneManager(): boolean {
  const { user } = useCurrentSession();
  const unit = useUnit(user.unitCode ?? undefined);
  if (!user.unitCode) return canManageZones(user.role, null);
  return !!unit.data && canManageZones(user.role, unit.data.tier as Tier);
}
