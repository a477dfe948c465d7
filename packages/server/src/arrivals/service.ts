import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { requirePersonal } from '../people/service.js';
import { checkpointsRepo } from '../checkpoints/repository.js';
import { recordDeclaration } from './declare.js';
import { declarationsRepo, type DeclarationFilter } from './repository.js';
import { toDeclarationDto, type DeclarationDto, type DeclarationInput } from './model.js';

export const PUBLIC_ACTOR_NAME = 'public';

/** The public form answers with the receipt code only: nothing about the person or any follow-up. */
export async function declarePublicly(db: Db, ip: string | null, input: DeclarationInput & { checkpointToken?: string | null }): Promise<{ receiptCode: string }> {
  const actor: Actor = { userId: null, username: PUBLIC_ACTOR_NAME, ip };
  return db.transaction().execute(async (trx) => {
    let checkpoint = null;
    if (input.checkpointToken) {
      checkpoint = (await checkpointsRepo.byToken(trx, input.checkpointToken)) ?? null;
      if (!checkpoint) throw errors.invalid('checkpointToken', 'Mã điểm khai báo không đúng hoặc điểm đã ngừng hoạt động. Hãy quét lại mã QR.', 'Unknown or closed declaration point.');
    }
    const { declaration } = await recordDeclaration(trx, { kind: 'public', checkpoint }, actor, input);
    return { receiptCode: declaration.receipt_code };
  });
}

export async function declareByStaff(db: Db, auth: AuthContext, actor: Actor, input: DeclarationInput) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    let checkpoint = null;
    if (input.checkpointId) {
      checkpoint = (await checkpointsRepo.findVisible(trx, auth.scope, input.checkpointId)) ?? null;
      if (!checkpoint) throw errors.invalid('checkpointId', 'Chốt/điểm khai báo không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.', 'Unknown checkpoint.');
    }
    const r = await recordDeclaration(trx, { kind: 'staff', auth, checkpoint }, actor, input);
    const row = await declarationsRepo.withDetails(declarationsRepo.filtered(trx, auth.scope, {})).where('declarations.id', '=', r.declaration.id).executeTakeFirstOrThrow();
    return { ...toDeclarationDto(row), personCreated: r.personCreated };
  });
}

export async function resolveWithin(db: Db, auth: AuthContext, unit: string | undefined): Promise<string | undefined> {
  if (!unit) return undefined;
  const u = await unitsRepo.findVisible(db, auth.scope, unit);
  if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return u.path;
}

export async function listDeclarations(db: Db, auth: AuthContext, actor: Actor, f: DeclarationFilter & { unit?: string }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const filter = { ...f, within: await resolveWithin(db, auth, f.unit) };
  const qb = declarationsRepo.filtered(db, auth.scope, filter);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const { column, direction } = declarationsRepo.order(f.sort);
  const rows = await declarationsRepo.withDetails(qb).orderBy(column, f.sort ? direction : 'desc').orderBy('declarations.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'declaration', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map(toDeclarationDto), total: Number(total), page, pageSize };
}

export async function* iterateDeclarations(db: Db, auth: AuthContext, filter: DeclarationFilter): AsyncGenerator<DeclarationDto> {
  let after = 0;
  for (;;) {
    const batch = await declarationsRepo.withDetails(declarationsRepo.filtered(db, auth.scope, filter))
      .where('declarations.id', '>', after).orderBy('declarations.id').limit(2000).execute();
    for (const b of batch) yield toDeclarationDto(b);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}

export async function getDeclaration(db: Db, auth: AuthContext, actor: Actor, id: number): Promise<DeclarationDto> {
  requirePersonal(auth, false);
  const row = await declarationsRepo.withDetails(declarationsRepo.filtered(db, auth.scope, {})).where('declarations.id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('Tờ khai y tế', 'Declaration');
  await recordAudit(db, actor, { action: 'read', entity: 'declaration', entityId: id, unitCode: row.to_unit_code, unitPath: row.to_unit_path });
  return toDeclarationDto(row);
}
