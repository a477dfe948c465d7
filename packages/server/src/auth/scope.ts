import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Role } from '@pcd/core';

/**
 * What a caller may see: every unit whose path starts with one of `paths`.
 * Built once per request from the user and handed to repositories, so no route can forget it.
 */
export interface Scope {
  all: boolean;
  paths: string[];
}

export const NO_SCOPE: Scope = { all: false, paths: [] };
export const FULL_SCOPE: Scope = { all: true, paths: [] };

export function scopeCovers(scope: Scope, path: string | null | undefined): boolean {
  if (scope.all) return true;
  if (!path) return false;
  return scope.paths.some((p) => path.startsWith(p));
}

/** A where-clause keeping rows whose `ref` path lies inside the scope. */
export function withinScope(scope: Scope, ref: string) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (scope.all) return sql<SqlBool>`1 = 1`;
    if (scope.paths.length === 0) return sql<SqlBool>`1 = 0`;
    return eb.or(scope.paths.map((p) => eb(eb.ref(ref), 'like', `${p}%`)));
  };
}

export interface ScopeInput {
  role: Role;
  unitPath: string | null;
  assignedPaths: string[];
}

/**
 * Admins without a unit see the whole country; team members see only the villages assigned to them
 * (or their own village); everyone else sees their unit's subtree.
 */
export function buildScope({ role, unitPath, assignedPaths }: ScopeInput): Scope {
  if (role === 'admin' && !unitPath) return FULL_SCOPE;
  if (role === 'team') {
    if (assignedPaths.length > 0) return { all: false, paths: assignedPaths };
    return unitPath && unitPath.split('/').filter(Boolean).length >= 4 ? { all: false, paths: [unitPath] } : NO_SCOPE;
  }
  return unitPath ? { all: false, paths: [unitPath] } : NO_SCOPE;
}
