import { foldVietnamese, kindLabel, type Tier } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { UnitRow } from '../db/schema.js';
import { withinScope } from '../auth/scope.js';
import { registryAll } from '../units/registry.js';
import type { UnitInput } from '../units/upsert.js';

/**
 * A unit of the whole country, as an origin or an epidemic zone: from `units` when loaded there
 * (which also covers the 2025 model and villages), else from the national pre-2025 registry,
 * which is always at hand even when only one province is managed.
 */
export interface OfficialUnit {
  code: string;
  /** "Quận 1", "Xã Na Tông". */
  label: string;
  tier: Tier;
  /** "Phường Tân Định, Quận 1, Thành phố Hồ Chí Minh". */
  fullLabel: string;
  /** Codes from the province down to this unit. */
  lineage: string[];
}

let registryIndex: { byCode: Map<string, UnitInput>; children: Map<string | null, UnitInput[]> } | null = null;

function registry() {
  if (registryIndex) return registryIndex;
  const byCode = new Map<string, UnitInput>();
  const children = new Map<string | null, UnitInput[]>();
  for (const u of registryAll()) {
    byCode.set(u.code, u);
    const list = children.get(u.parentCode ?? null) ?? [];
    list.push(u);
    children.set(u.parentCode ?? null, list);
  }
  return (registryIndex = { byCode, children });
}

// "Thành phố trực thuộc Trung ương Hà Nội" is how no one writes it.
const labelOf = (u: { kind: string; name: string }) => `${u.kind === 'thanh_pho_tw' ? 'Thành phố' : kindLabel(u.kind)} ${u.name}`;

export async function officialUnit(db: DbOrTrx, code: string): Promise<OfficialUnit | null> {
  const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  if (row) {
    const lineage = row.path.split('/').filter(Boolean);
    const rows = await db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', lineage).execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const labels = lineage.map((c) => byCode.get(c)).filter((r) => r !== undefined).map(labelOf).reverse();
    return { code: row.code, label: labelOf(row), tier: row.tier as Tier, fullLabel: labels.join(', '), lineage };
  }
  const { byCode } = registry();
  const entry = byCode.get(code);
  if (!entry) return null;
  const chain: UnitInput[] = [];
  for (let u: UnitInput | undefined = entry; u; u = u.parentCode ? byCode.get(u.parentCode) : undefined) chain.push(u);
  return { code, label: labelOf(entry), tier: entry.tier, fullLabel: chain.map(labelOf).join(', '), lineage: chain.map((u) => u.code).reverse() };
}

/** The national list one level at a time (provinces when no parent), for the origin pickers of the forms. */
export function registryChildren(parent: string | null): { code: string; label: string; tier: Tier }[] {
  return (registry().children.get(parent) ?? [])
    .map((u) => ({ code: u.code, label: labelOf(u), tier: u.tier }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The units someone answers for: the units of active accounts. A declaration may only go to a
 * commune or village under one of them, so that every declaration lands on someone's work list.
 */
export async function managedRoots(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom('users').innerJoin('units', 'units.code', 'users.unit_code')
    .select('units.path').distinct().where('users.disabled', '=', 0).execute();
  return rows.map((r) => r.path);
}

export async function managedDestination(db: DbOrTrx, code: string): Promise<UnitRow | undefined> {
  const unit = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  if (!unit || (unit.tier !== 'commune' && unit.tier !== 'village')) return undefined;
  const roots = await managedRoots(db);
  return roots.some((p) => unit.path.startsWith(p)) ? unit : undefined;
}

/** Communes and villages of the managed area matching a search, labelled with their commune and district. */
export async function searchDestinations(db: DbOrTrx, opts: { q?: string; within?: string; limit: number }) {
  const roots = await managedRoots(db);
  let qb = db.selectFrom('units').selectAll().where('tier', 'in', ['commune', 'village']).where(withinScope({ all: false, paths: roots }, 'units.path'));
  if (opts.within) qb = qb.where('path', 'like', `${opts.within}%`);
  const words = opts.q ? foldVietnamese(opts.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean) : [];
  if (words.length) qb = qb.where((eb) => eb.and(words.map((w) => eb('name_folded', 'like', `%${w}%`))));
  const rows = await qb.orderBy('path').limit(opts.limit).execute();
  const parents = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean).slice(1, -1)))];
  const names = parents.length ? await db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', parents).execute() : [];
  const byCode = new Map(names.map((n) => [n.code, labelOf(n)]));
  return rows.map((r) => {
    const above = r.path.split('/').filter(Boolean).slice(1, -1).reverse().map((c) => byCode.get(c)).filter(Boolean);
    return { code: r.code, tier: r.tier as 'commune' | 'village', label: labelOf(r), fullLabel: [labelOf(r), ...above].join(', ') };
  });
}
