import { describe, expect, it } from 'vitest';
import { can, isRole, ROLES, ROLE_LABELS, type Permission, type Role } from './roles.js';

const PERMISSIONS: Permission[] = ['units.read', 'units.write', 'units.import', 'users.manage', 'audit.read', 'personal.read', 'personal.write', 'zones.manage', 'checkpoints.manage', 'vaccination.plan', 'testing.manage'];

/** The expected grants, written out as a table: Y granted, - refused, in the order of PERMISSIONS. */
const MATRIX: Record<Role, string> = {
  //        u.r u.w u.i usr aud p.r p.w zon chk vac tst
  admin:    'Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y',
  command:  'Y   Y   -   -   -   Y   Y   Y   Y   Y   Y',
  health:   'Y   -   -   -   -   Y   Y   -   -   Y   Y',
  team:     'Y   -   -   -   -   Y   Y   -   -   -   -',
  observer: 'Y   -   -   -   -   -   -   -   -   -   -',
};

const cases = ROLES.flatMap((role) => {
  const marks = MATRIX[role].split(/\s+/);
  return PERMISSIONS.map((permission, i) => [role, permission, marks[i] === 'Y'] as const);
});

describe('can', () => {
  it('has a row for every role and a column for every permission', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(MATRIX[role].split(/\s+/)).toHaveLength(PERMISSIONS.length);
    expect(cases).toHaveLength(ROLES.length * PERMISSIONS.length);
  });

  it.each(cases)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});

describe('isRole', () => {
  it.each([...ROLES])('knows %s and labels it in Vietnamese', (role) => {
    expect(isRole(role)).toBe(true);
    expect(ROLE_LABELS[role]).toMatch(/[ạảãàáâăđêôơư]/i);
  });

  it.each(['Admin', 'superuser', '', 'toString'])('refuses %j', (value) => {
    expect(isRole(value)).toBe(false);
  });
});
