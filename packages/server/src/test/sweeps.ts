import { expect } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import type { Client, TestApp } from './app.js';

export const MEMBER2_PASSWORD = 'MatKhau2021';
export const V1 = '03365.01';
export const V2 = '03365.02';

export interface SweepFixture {
  cmd: Client;
  /** to.hattao (assigned Bản Hát Tao) and to.natong2 (assigned the second village). */
  m1: { id: number; client: Client };
  m2: { id: number; client: Client };
  /** Three households per village, each with a head of household. */
  households: Record<string, { id: number; headId: number; headName: string }[]>;
  today: string;
  fromDate: string;
  toDate: string;
}

/** Na Tông with three households in each of two villages and two community-team members. */
export async function sweepFixture(t: TestApp): Promise<SweepFixture> {
  const admin = await t.login('admin');
  const cmd = await t.login('xa.natong');
  const created = await admin.post('/api/v1/users', { username: 'to.natong2', password: MEMBER2_PASSWORD, fullName: 'Lò Văn Minh', unitCode: '03365', role: 'team', assignedUnitCodes: [V2] });
  expect(created.statusCode, created.body).toBe(201);
  const m1Id = (await t.testDb.handle.db.selectFrom('users').select('id').where('username', '=', 'to.hattao').executeTakeFirstOrThrow()).id;
  const households: SweepFixture['households'] = {};
  const heads = { [V1]: ['Lò Văn Pọm', 'Cà Thị Ún', 'Quàng Văn Khiêm'], [V2]: ['Lường Văn Hặc', 'Tòng Thị Xôm', 'Điêu Văn Ọi'] };
  for (const [village, names] of Object.entries(heads)) {
    households[village] = [];
    for (const [i, fullName] of names.entries()) {
      const head = (await cmd.post('/api/v1/people', { fullName, birthYear: 1960 + i, unitCode: village })).json();
      const h = await cmd.post('/api/v1/households', { unitCode: village, code: `H${i + 1}`, address: `Nhà số ${i + 1}`, headPersonId: head.id });
      expect(h.statusCode, h.body).toBe(201);
      households[village].push({ id: h.json().id, headId: head.id, headName: fullName });
    }
  }
  const today = vnDate();
  return {
    cmd, households, today, fromDate: addDays(today, -3), toDate: addDays(today, 7),
    m1: { id: m1Id, client: await t.login('to.hattao') },
    m2: { id: created.json().id, client: await t.login('to.natong2', MEMBER2_PASSWORD) },
  };
}

/** A sweep over both villages, split between the two members and started. */
export async function activeSweep(f: SweepFixture, name = 'Rà soát người về từ vùng dịch') {
  const s = (await f.cmd.post('/api/v1/sweeps', { name, unitCode: '03365', villageCodes: [V1, V2], fromDate: f.fromDate, toDate: f.toDate })).json();
  const split = await f.cmd.post(`/api/v1/sweeps/${s.id}/assign`, { version: s.version, memberIds: [f.m1.id, f.m2.id] });
  expect(split.statusCode, split.body).toBe(200);
  const started = await f.cmd.patch(`/api/v1/sweeps/${s.id}`, { version: split.json().version, status: 'active' });
  expect(started.statusCode, started.body).toBe(200);
  return started.json() as { id: number; version: number };
}
