import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { nowIso } from './time.js';

export interface JobHandle {
  id: string;
  /** Records progress, read by GET /jobs/:id while the job runs. */
  progress(processed: number, total?: number): Promise<void>;
  /** Row problems found so far, shown while the job still runs (the caller keeps the list bounded). */
  reportErrors(errors: readonly JobRowError[]): void;
}

export interface JobRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Long work (imports of many thousand rows) runs after the request returns; the browser polls
 * GET /jobs/:id for progress. Jobs live in the database so any process can answer the poll.
 */
/**
 * Progress of running jobs is kept in memory: an import writes inside one long transaction, and on
 * SQLite's single connection a progress write from outside it would wait for the transaction to end.
 */
const live = new Map<string, { total: number; processed: number; errors: readonly JobRowError[] }>();

export async function startJob(db: Db, kind: string, userId: number, work: (job: JobHandle) => Promise<unknown>): Promise<string> {
  const id = randomBytes(12).toString('hex');
  await db.insertInto('jobs').values({ id, kind, user_id: userId, status: 'running', total: 0, processed: 0, created_at: nowIso() }).execute();
  const state: { total: number; processed: number; errors: readonly JobRowError[] } = { total: 0, processed: 0, errors: [] };
  live.set(id, state);
  const handle: JobHandle = {
    id,
    async progress(processed, total) {
      state.processed = processed;
      if (total !== undefined) state.total = total;
    },
    reportErrors(errors) {
      state.errors = errors;
    },
  };
  const finish = async (status: 'done' | 'failed', result: unknown) => {
    await db.updateTable('jobs')
      .set({ status, total: state.total, processed: state.processed, result: JSON.stringify(result ?? null), finished_at: nowIso() })
      .where('id', '=', id)
      .execute()
      .catch(() => undefined);
    live.delete(id);
  };
  // Started on the next tick so the caller can answer 202 first.
  setImmediate(() => {
    work(handle)
      .then((result) => finish('done', result))
      .catch((err: unknown) => {
        const e = err as { message?: string; code?: string; field?: string };
        return finish('failed', { error: { code: e.code ?? 'INTERNAL', message: e.message ?? String(err), field: e.field } });
      });
  });
  return id;
}

export async function getJob(db: Db, userId: number, id: string) {
  const j = await db.selectFrom('jobs').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!j) return null;
  const state = live.get(id);
  const result = j.result ? JSON.parse(j.result) : null;
  return {
    id: j.id, kind: j.kind, status: j.status as 'running' | 'done' | 'failed',
    total: state?.total ?? j.total, processed: state?.processed ?? j.processed,
    result, errors: state ? [...state.errors] : rowErrorsOf(result), createdAt: j.created_at, finishedAt: j.finished_at,
  };
}

/** Imports return their row problems as `errors`; any other result has none. */
function rowErrorsOf(result: unknown): JobRowError[] {
  const list = (result as { errors?: unknown } | null)?.errors;
  return Array.isArray(list) ? list.filter((e): e is JobRowError => typeof e?.row === 'number' && typeof e?.field === 'string' && typeof e?.message === 'string') : [];
}
