export interface AuditEntry {
  id: number | string;
  at: string;
  userId: number | string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitCode: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

export const AUDIT_FILTERS = ['username', 'action', 'entity', 'unit', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Record<AuditFilterName, string>;
