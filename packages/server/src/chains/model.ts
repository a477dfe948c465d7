import { z } from 'zod';
import { CLUSTER_SETTINGS, type ClusterSetting } from '@pcd/core';
import type { ClusterRow } from '../db/schema.js';
import { isoDate } from '../lib/iso-date.js';


export const clusterInput = z.object({
  name: z.string().trim().min(3).max(200),
  setting: z.enum(CLUSTER_SETTINGS),
  /** The unit the cluster belongs to (a commune, or a district for one spanning communes); left out: the caller's. */
  unitCode: z.string().max(32).optional(),
  firstDate: isoDate,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type ClusterInput = z.infer<typeof clusterInput>;

export const clusterPatch = clusterInput.omit({ unitCode: true }).partial().extend({ version: z.number().int().min(1) });
export type ClusterPatch = z.infer<typeof clusterPatch>;

export const clusterCountsSchema = z.object({ cases: z.number(), activeCases: z.number(), deaths: z.number(), f1: z.number(), f2: z.number() });

export const clusterSchema = z.object({
  id: z.number(), name: z.string(), setting: z.enum(CLUSTER_SETTINGS), unitCode: z.string(), unitName: z.string(), firstDate: z.string(),
  note: z.string().nullable(), counts: clusterCountsSchema, version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type ClusterDto = z.infer<typeof clusterSchema>;

export type ClusterListRow = ClusterRow & { unit_name: string; n_cases: number; n_active: number; n_deaths: number; n_f1: number; n_f2: number };

export function toClusterDto(r: ClusterListRow): ClusterDto {
  return {
    id: r.id, name: r.name, setting: r.setting as ClusterSetting, unitCode: r.unit_code, unitName: r.unit_name, firstDate: r.first_date, note: r.note,
    counts: { cases: Number(r.n_cases), activeCases: Number(r.n_active), deaths: Number(r.n_deaths), f1: Number(r.n_f1), f2: Number(r.n_f2) },
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export const chainQuery = z.object({
  /** Generations of cases below a root case (ignored for a cluster). */
  depth: z.coerce.number().int().min(0).max(50).default(10),
  /** Nodes per response: large clusters are drawn batch by batch with offset. */
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
  /** none: cases only; f1: cases and their F1; all: with F2 too. */
  contacts: z.enum(['none', 'f1', 'all']).default('all'),
  unit: z.string().max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ChainQuery = z.infer<typeof chainQuery>;

export const nodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['case', 'contact']),
  level: z.enum(['F0', 'F1', 'F2']),
  /** Outside the caller's jurisdiction (or the caller sees figures only): no name, status, date or place. */
  anonymous: z.boolean(),
  label: z.string().nullable(),
  status: z.string().nullable(),
  severity: z.string().nullable(),
  date: z.string().nullable(),
  unitCode: z.string().nullable(),
  handedOver: z.boolean().nullable(),
});
export type ChainNode = z.infer<typeof nodeSchema>;

export const edgeSchema = z.object({ from: z.string(), to: z.string(), kind: z.enum(['infection', 'contact']) });
export type ChainEdge = z.infer<typeof edgeSchema>;

export const chainSchema = z.object({
  root: z.object({ kind: z.enum(['cluster', 'case']), id: z.number(), name: z.string().nullable() }),
  /** Whole chain (within the date and unit filters), whatever the page. */
  counts: z.object({ cases: z.number(), activeCases: z.number(), recovered: z.number(), deaths: z.number(), f1: z.number(), f2: z.number(), total: z.number() }),
  nodes: z.array(nodeSchema),
  /** One edge per node with a known parent; the parent may sit in another batch, or outside the chain. */
  edges: z.array(edgeSchema),
  offset: z.number(),
  limit: z.number(),
  truncated: z.boolean(),
  nextOffset: z.number().nullable(),
});
export type ChainDto = z.infer<typeof chainSchema>;
