import { z } from 'zod';

export const pagingQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(64).optional(),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** Parses "name" / "-name" against an allow-list of sortable columns. */
export function parseSort<K extends string>(sort: string | undefined, allowed: Record<string, K>, fallback: K): { column: K; direction: 'asc' | 'desc' } {
  if (!sort) return { column: fallback, direction: 'asc' };
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const column = allowed[key];
  return column ? { column, direction: desc ? 'desc' : 'asc' } : { column: fallback, direction: 'asc' };
}

export const errorSchema = z.object({
  error: z.object({
    code: z.string(), message: z.string(), messageEn: z.string().optional(), field: z.string().optional(),
    details: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })).optional(),
    existingId: z.number().optional(),
  }),
});
