import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDate } from '@pcd/core';
import { startTestApp, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { FULL_SCOPE } from '../auth/scope.js';
import type { AuthContext } from '../auth/context.js';
import { nowIso } from '../lib/time.js';
import { iterateUnvaccinated } from './followups.js';

const VILLAGE = '03365.01';
const auth: AuthContext = {
  user: { id: 1, username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unitCode: null, unitName: null, unitPath: null },
  scope: FULL_SCOPE, via: 'session', sessionId: null,
};

for (const engine of await testEngines()) {
  describe(`unvaccinated export reading in blocks [${engine}]`, () => {
    let t: TestApp;
    const ids: number[] = [];
    let villagePath = '';

    beforeAll(async () => {
      t = await startTestApp(engine);
      villagePath = (await t.testDb.handle.db.selectFrom('units').select('path').where('code', '=', VILLAGE).executeTakeFirstOrThrow()).path;
      const natong = await t.login('xa.natong');
      for (const name of ['Lò Văn An', 'Lò Văn Bình', 'Lò Văn Cường', 'Lò Văn Dũng', 'Lò Văn Đông']) {
        const res = await natong.post('/api/v1/people', { unitCode: VILLAGE, fullName: name, birthYear: 1970 });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id);
      }
    });
    afterAll(async () => t?.close());

    it('yields every person once even when someone already read gets the dose mid-export', async () => {
      const db = t.testDb.handle.db;
      const seen: number[] = [];
      for await (const p of iterateUnvaccinated(db, auth, { group: '18+', measure: 'dose1', within: villagePath }, 2)) {
        seen.push(p.personId);
        if (seen.length === 2) {
          const now = nowIso();
          await db.insertInto('vaccination_doses').values({
            person_id: seen[0], product_code: 'astrazeneca', lot: null, dose_number: 1, kind: 'primary', vaccinated_on: vnDate(), site: 'Trạm y tế xã',
            mobile_team_id: null, adverse_reaction: null, source: 'manual', import_job_id: null, created_by: null, created_at: now, updated_at: now,
          }).execute();
        }
      }
      expect(seen.filter((id) => ids.includes(id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(seen).size).toBe(seen.length);
    });
  });
}
