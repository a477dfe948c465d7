import { ROLES } from '@pcd/core';
import type { TFunction } from 'i18next';

export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** One colour per role so that a wrongly privileged account stands out in the list. */
export const ROLE_COLORS: Record<string, string> = {
  admin: 'red',
  command: 'blue',
  health: 'green',
  team: 'cyan',
  observer: 'default',
};
