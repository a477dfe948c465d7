import { expect } from 'vitest';

type Res = { statusCode: number; body: string; json: () => any };

/** The answer a caller gets for anything outside their jurisdiction. */
export async function expect404(p: Promise<{ statusCode: number; body: string }>): Promise<void> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(404);
}

/** A write naming a unit outside the caller's jurisdiction is refused on that field. */
export async function refusedField(p: Promise<Res>, field: string): Promise<void> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.field).toBe(field);
}
