import type { Db } from '../db/database.js';
import type { Role } from '@pcd/core';
import { foldVietnamese, childPath, type PopulationByAge } from '@pcd/core';
import { hashPassword, randomPassword } from '../auth/passwords.js';
import { recordAudit } from '../audit/audit.js';
import { nowIso } from '../lib/time.js';
import { popColumns } from '../units/model.js';
import { unitsRepo } from '../units/repository.js';
import { registryAll, registryProvince } from '../units/registry.js';
import { upsertUnits } from '../units/upsert.js';
import { DEMO_LOCALITIES } from './localities.js';

/** A small deterministic generator, so every demo database holds the same villages and figures. */
function rng(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

/** Shares of the 2019 census age structure, with a little jitter per village. */
function demoPopulation(code: string, rural: boolean): PopulationByAge {
  const r = rng('pop' + code);
  const total = Math.round((rural ? 350 : 900) + r() * (rural ? 900 : 2600));
  const shares = rural ? [0.25, 0.11, 0.46, 0.12, 0.06] : [0.2, 0.08, 0.55, 0.11, 0.06];
  const parts = shares.map((s) => Math.round(total * s * (0.9 + r() * 0.2)));
  return { '0-11': parts[0], '12-17': parts[1], '18-49': parts[2], '50-64': parts[3], '65+': parts[4] };
}

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  assigned?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'tinh.dienbien', fullName: 'Lò Văn Thắng', role: 'admin', unitCode: '11' },
  { username: 'huyen.dienbien', fullName: 'Nguyễn Văn Hùng', role: 'command', unitCode: '100' },
  { username: 'xa.natong', fullName: 'Lò Thị Hoa', role: 'command', unitCode: '03365' },
  { username: 'xa.muongnha', fullName: 'Quàng Văn Phong', role: 'command', unitCode: '03364' },
  { username: 'yte.natong', fullName: 'Cà Thị Mai', role: 'health', unitCode: '03365' },
  { username: 'to.hattao', fullName: 'Lường Văn Sơn', role: 'team', unitCode: '03365', assigned: ['03365.01'] },
  { username: 'theodoi.dienbien', fullName: 'Trần Minh Đức', role: 'observer', unitCode: '100' },
  { username: 'huyen.tanuyen', fullName: 'Vàng A Dính', role: 'command', unitCode: '111' },
  { username: 'tt.lienhuong', fullName: 'Nguyễn Thị Thu', role: 'command', unitCode: '22969' },
  { username: 'yte.lienhuong', fullName: 'Phạm Văn Tài', role: 'health', unitCode: '22969' },
  { username: 'huyen.bacyen', fullName: 'Hà Văn Quý', role: 'command', unitCode: '121' },
  { username: 'tx.tanuyen', fullName: 'Lê Hoàng Nam', role: 'command', unitCode: '723' },
];

/** Loads the national list, the demo localities' villages with populations, and demo users. */
export async function seedDemo(db: Db, opts: { password?: string | null; provinces?: string[] } = {}): Promise<{ password: string; users: DemoUser[] }> {
  const password = opts.password ?? randomPassword(12);
  const hash = await hashPassword(password);
  const created: DemoUser[] = [];
  await db.transaction().execute(async (trx) => {
    // Tests load a few provinces only; a real first start loads the whole country.
    if (opts.provinces) for (const p of opts.provinces) await upsertUnits(trx, registryProvince(p) ?? []);
    else await upsertUnits(trx, registryAll());
    const now = nowIso();
    const communeParents = new Set<string>();
    for (const loc of DEMO_LOCALITIES) {
      const top = await unitsRepo.findByCode(trx, loc.code);
      if (!top && opts.provinces) continue;
      if (!top) throw new Error(`demo locality ${loc.code} is missing from the national list`);
      const communes = top.tier === 'commune' ? [top] : await trx.selectFrom('units').selectAll().where('parent_code', '=', loc.code).orderBy('code').execute();
      for (const c of communes) {
        const r = rng(c.code);
        const count = loc.numbered ? 6 + Math.floor(r() * 9) : 3 + Math.floor(r() * 4);
        const names = [...(loc.fixed?.[c.code] ?? [])];
        const pool = [...loc.pool];
        while (names.length < count) {
          if (loc.numbered) names.push(String(names.length + 1));
          else names.push(pool.splice(Math.floor(r() * pool.length), 1)[0] ?? `Bản ${names.length + 1}`);
        }
        const rows = names.map((name, i) => {
          const code = `${c.code}.${String(i + 1).padStart(2, '0')}`;
          const path = childPath(c.path, code);
          const fullName = loc.numbered ? `${loc.villageKind === 'khu_pho' ? 'Khu phố' : 'Tổ dân phố'} ${name}` : name;
          return {
            code, name: fullName, name_folded: foldVietnamese(fullName), kind: loc.villageKind, tier: 'village', parent_code: c.code, path,
            depth: path.split('/').filter(Boolean).length, ...popColumns(demoPopulation(code, !loc.numbered)), pop_source: 'own', pop_is_demo: 1,
            version: 1, created_at: now, updated_at: now,
          };
        });
        await trx.insertInto('units').values(rows).execute();
        communeParents.add(c.code);
      }
    }
    for (const code of communeParents) await unitsRepo.rollUp(trx, code);
    const present = new Set((await trx.selectFrom('units').select('code').where('code', 'in', DEMO_USERS.map((u) => u.unitCode)).execute()).map((u) => u.code));
    for (const u of DEMO_USERS.filter((d) => present.has(d.unitCode))) {
      created.push(u);
      const row = await trx
        .insertInto('users')
        .values({
          username: u.username, password_hash: hash, full_name: u.fullName, full_name_folded: foldVietnamese(u.fullName), role: u.role,
          unit_code: u.unitCode, disabled: 0, version: 1, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const a of u.assigned ?? []) await trx.insertInto('user_units').values({ user_id: row.id, unit_code: a }).execute();
    }
    await recordAudit(trx, { userId: null, username: 'system', ip: null }, { action: 'seed', entity: 'demo', changes: { localities: DEMO_LOCALITIES.map((l) => l.label) } });
  });
  return { password, users: created };
}
