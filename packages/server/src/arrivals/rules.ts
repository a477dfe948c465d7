import { z } from 'zod';
import { checkRule, type ObligationRule } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { ObligationRuleRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { requireZoneManager } from './zones.js';

export const ruleInput = z.object({
  /** Province or district the rule is for; left out: the caller's own unit; null: the national default. */
  unitCode: z.string().max(32).nullable().optional(),
  name: z.string().trim().min(3).max(200),
  quarantineDays: z.number().int(),
  testDays: z.array(z.number().int()).max(20),
  /** Version of the rule being replaced (required when the unit already has one). */
  version: z.number().int().min(1).optional(),
});

export const ruleSchema = z.object({
  id: z.number(), name: z.string(), unitCode: z.string().nullable(), quarantineDays: z.number(), testDays: z.array(z.number()),
  active: z.boolean(), replacedAt: z.string().nullable(), version: z.number(), createdAt: z.string(),
});
export type RuleDto = z.infer<typeof ruleSchema>;

export function toRuleDto(r: ObligationRuleRow): RuleDto {
  return {
    id: r.id, name: r.name, unitCode: r.unit_code, quarantineDays: r.quarantine_days, testDays: JSON.parse(r.test_days) as number[],
    active: r.active === 1, replacedAt: r.replaced_at, version: r.version, createdAt: r.created_at,
  };
}

export function ruleOf(r: ObligationRuleRow): ObligationRule {
  return { quarantineDays: r.quarantine_days, testDays: JSON.parse(r.test_days) as number[] };
}

/** The active rule nearest above a destination: its district's, else its province's, else the national default. */
export async function effectiveRule(db: DbOrTrx, destinationPath: string): Promise<ObligationRuleRow | undefined> {
  const lineage = destinationPath.split('/').filter(Boolean);
  const rows = await db.selectFrom('obligation_rules').selectAll().where('active', '=', 1)
    .where((eb) => eb.or([eb('unit_code', 'is', null), ...(lineage.length ? [eb('unit_code', 'in', lineage)] : [])])).execute();
  return rows.sort((a, b) => (b.unit_path?.length ?? 0) - (a.unit_path?.length ?? 0))[0];
}

/** Rules that bear on the caller's area: the national default, those of the units above it and those inside it. */
export async function listRules(db: Db, auth: AuthContext, f: { unit?: string; includeReplaced?: boolean }, page: number, pageSize: number) {
  let focus: string | null = null;
  if (f.unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, f.unit);
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    focus = u.path;
  }
  const above = new Set((focus ? [focus] : auth.scope.paths).flatMap((p) => p.split('/').filter(Boolean)));
  let qb = db.selectFrom('obligation_rules');
  if (!f.includeReplaced) qb = qb.where('active', '=', 1);
  if (!auth.scope.all || focus) {
    const inside = focus ? [focus] : auth.scope.paths;
    qb = qb.where((eb) => eb.or([
      eb('unit_code', 'is', null),
      ...(above.size ? [eb('unit_code', 'in', [...above])] : []),
      ...inside.map((p) => eb('unit_path', 'like', `${p}%`)),
    ]));
  }
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('unit_path').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const home = focus ?? auth.user.unitPath;
  const effective = home ? await effectiveRule(db, home) : await effectiveRule(db, '/');
  return { items: rows.map(toRuleDto), total: Number(total), page, pageSize, effective: effective ? toRuleDto(effective) : null };
}

/** Replaces a unit's active rule; the old one stays, inactive, and follow-ups keep the rule they started with. */
export async function replaceRule(db: Db, auth: AuthContext, actor: Actor, input: z.infer<typeof ruleInput>): Promise<RuleDto> {
  return db.transaction().execute(async (trx) => {
    const caller = await requireZoneManager(trx, auth);
    let target: { code: string; path: string } | null;
    if (input.unitCode === null) {
      if (!auth.scope.all) throw errors.forbidden();
      target = null;
    } else if (input.unitCode === undefined) {
      target = caller;
    } else {
      const u = await unitsRepo.findVisible(trx, auth.scope, input.unitCode);
      if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
      if (u.tier !== 'province' && u.tier !== 'district') {
        throw errors.invalid('unitCode', 'Quy định theo dõi người đến đặt cho cấp tỉnh hoặc cấp huyện.', 'Rules are set for a province or a district.');
      }
      target = { code: u.code, path: u.path };
    }
    const problems = checkRule({ quarantineDays: input.quarantineDays, testDays: input.testDays });
    if (problems.length) throw errors.problems(problems);
    const current = await trx.selectFrom('obligation_rules').selectAll().where('active', '=', 1)
      .where('unit_code', target ? '=' : 'is', target?.code ?? null).executeTakeFirst();
    const now = nowIso();
    if (current) {
      if (input.version !== current.version) throw errors.staleVersion();
      const r = await trx.updateTable('obligation_rules').set({ active: 0, replaced_at: now, updated_at: now })
        .where('id', '=', current.id).where('active', '=', 1).where('version', '=', input.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    }
    const testDays = [...input.testDays].sort((a, b) => a - b);
    const row = await trx.insertInto('obligation_rules').values({
      name: input.name, unit_code: target?.code ?? null, unit_path: target?.path ?? null, quarantine_days: input.quarantineDays, test_days: JSON.stringify(testDays),
      active: 1, created_by: auth.user.id, replaced_at: null, version: (current?.version ?? 0) + 1, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: current ? 'update' : 'create', entity: 'obligation_rule', entityId: row.id, unitCode: target?.code ?? null, unitPath: target?.path ?? null,
      changes: {
        ...(current ? { replaces: [null, current.id] } : {}),
        quarantineDays: [current?.quarantine_days ?? null, row.quarantine_days],
        testDays: [current ? JSON.parse(current.test_days) : null, testDays],
      },
    });
    return toRuleDto(row);
  });
}
