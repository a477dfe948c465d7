import type { Role } from '@pcd/core';

export interface User {
  id: number | string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  disabled: boolean;
  /** Villages or other units a team member looks after, inside their own unit. */
  assignedUnitCodes?: string[];
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface NewUser {
  username: string;
  password: string;
  fullName: string;
  /** null only for a national administrator. */
  unitCode: string | null;
  role: Role;
  assignedUnitCodes?: string[];
}

export interface UserChanges {
  version: number;
  role?: Role;
  disabled?: boolean;
  fullName?: string;
  unitCode?: string | null;
  password?: string;
  assignedUnitCodes?: string[];
}
