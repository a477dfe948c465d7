import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '@pcd/core';
import { createTestDb, testEngines, type TestDb } from '../test/db.js';
import { nowIso } from '../lib/time.js';
import { uniqueViolation } from './errors.js';
import { startTestApp, type TestApp } from '../test/app.js';

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

for (const engine of await testEngines()) {
  describe(`validation messages [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    it('says which field is missing, in Vietnamese and English, without type names', async () => {
      const admin = await t.login('admin');
      const res = await admin.post('/api/v1/users', { username: 'moi.xa', password: 'MatKhau2021', unitCode: '03365', role: 'command' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION', field: 'fullName',
        message: 'Trường "fullName": thiếu giá trị bắt buộc.', messageEn: 'Field "fullName": required value missing.',
      });
    });

    it('states limits and choices plainly', async () => {
      const admin = await t.login('admin');
      const user = (await admin.get('/api/v1/users?q=xa.natong')).json().items[0];
      const low = await admin.patch(`/api/v1/users/${user.id}`, { version: 0, disabled: true });
      expect(low.json().error).toMatchObject({ field: 'version', message: 'Trường "version": phải ≥ 1.', messageEn: 'Field "version": must be ≥ 1.' });
      const long = await admin.get(`/api/v1/units?q=${'a'.repeat(101)}`);
      expect(long.json().error).toMatchObject({ field: 'q', message: 'Trường "q": tối đa 100 ký tự.', messageEn: 'Field "q": at most 100 characters.' });
    });

    it('answers a body that is not JSON with a plain message', async () => {
      const admin = await t.login('admin');
      const res = await admin.request('POST', '/api/v1/users', Buffer.from('{"username": '), { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'BAD_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ.' });
    });
  });
}
