import type { Permission, Role } from '@pcd/core';

export interface SessionUser {
  id: number | string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  /** Sees the whole country; only such administrators may load a province from the national list. */
  national: boolean;
}

export interface Session {
  user: SessionUser;
  permissions: Permission[];
}
