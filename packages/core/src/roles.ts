export const ROLES = ['admin', 'command', 'health', 'team', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  command: 'Cán bộ Trung tâm chỉ huy',
  health: 'Cán bộ y tế',
  team: 'Thành viên Tổ COVID cộng đồng',
  observer: 'Người theo dõi (chỉ xem số liệu tổng hợp)',
};

export const PERMISSIONS = [
  'units.read', 'units.write', 'units.import', 'users.manage', 'audit.read', 'personal.read', 'personal.write', 'zones.manage', 'checkpoints.manage',
  'vaccination.plan', 'testing.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, Permission[]> = {
  admin: ['units.read', 'units.write', 'units.import', 'users.manage', 'audit.read', 'personal.read', 'personal.write', 'zones.manage', 'checkpoints.manage', 'vaccination.plan', 'testing.manage'],
  command: ['units.read', 'units.write', 'personal.read', 'personal.write', 'zones.manage', 'checkpoints.manage', 'vaccination.plan', 'testing.manage'],
  health: ['units.read', 'personal.read', 'personal.write', 'vaccination.plan', 'testing.manage'],
  team: ['units.read', 'personal.read', 'personal.write'],
  observer: ['units.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Everything a role may do, as the session reports it to the web app. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const PASSWORD_MIN_LENGTH = 8;

/** The password policy shared by the server and the forms: at least 8 characters, letters and digits. */
export function isStrongPassword(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && /[A-Za-z]/.test(password) && /\d/.test(password);
}
