import { expect } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import type { Client } from './app.js';

export const NA_TONG_VILLAGE = '03365.01';
export const MUONG_NHA_VILLAGE = '03364.01';
export const today = vnDate();
export const daysAgo = (n: number) => addDays(today, -n);

let seq = 0;

/** A resident of Bản Hát Tao (or another village), registered through the people API. */
export async function resident(c: Client, fullName: string, extra: Record<string, unknown> = {}): Promise<{ id: number; version: number }> {
  const res = await c.post('/api/v1/people', { fullName, birthYear: 1980 + (seq++ % 30), unitCode: NA_TONG_VILLAGE, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A mild F0 confirmed by RT-PCR two days ago, found in the community. */
export function positiveTest(extra: Record<string, unknown> = {}) {
  return { testType: 'rt_pcr', testDate: daysAgo(2), lab: 'CDC Điện Biên', detectedIn: 'community', onsetDate: daysAgo(3), severity: 'mild', spo2: 98, vaccinationDoses: 2, ...extra };
}

export async function registerCase(c: Client, personId: number, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/cases', { personId, ...positiveTest(extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; carePlace: string; status: string };
}
