import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '@pcd/core';
import { createTestDb, testEngines, type TestDb } from '../test/db.js';
import { nowIso } from '../lib/time.js';
import { uniqueViolation } from './errors.js';

/**
 * When two requests race past the application's own duplicate check, the database's unique index is
 * the last word; both engines' errors must turn into the same 409 field, not a 500.
 */
for (const engine of await testEngines()) {
  describe(`unique violations [${engine}]`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb(engine);
      const now = nowIso();
      await t.handle.db.insertInto('units').values({
        code: '99', name: 'Tỉnh Thử', name_folded: foldVietnamese('Tỉnh Thử'), kind: 'tinh', tier: 'province', parent_code: null, path: '/99/',
        depth: 1, version: 1, created_at: now, updated_at: now,
      } as never).execute();
    });
    afterAll(async () => { await t?.drop(); });

    it('names the column of a duplicate ID number as the API field', async () => {
      const now = nowIso();
      const person = {
        full_name: 'Người Thử', name_folded: 'nguoi thu', id_number: '011189001234', unit_code: '99', unit_path: '/99/',
        residence_status: 'permanent', version: 1, created_at: now, updated_at: now,
      };
      await t.handle.db.insertInto('people').values(person as never).execute();
      const err = await t.handle.db.insertInto('people').values(person as never).execute().then(() => null, (e: unknown) => e);
      expect(err).not.toBeNull();
      expect(uniqueViolation(err)).toEqual({ field: 'idNumber' });
    });

    it('leaves other errors alone', () => {
      expect(uniqueViolation(new Error('boom'))).toBeNull();
    });
  });
}
