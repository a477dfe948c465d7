import { expect } from 'vitest';
import type { Client } from './app.js';
import { multipart } from './multipart.js';
import { refusedField } from './probes.js';

/** Commune B's vaccinated person, known by ID number, for the dose-import probe. */
export interface VaccinationImportOfB { bVaccinatedIdNumber: string }

const B_ID = '011085654321';
const HEADER = 'Họ và tên,Ngày sinh,Số CCCD/CMND,Mã thôn/bản,Loại vắc xin,Mũi tiêm,Ngày tiêm';

const doseFile = (lines: string[]) => multipart({}, { name: 'mui-tiem.csv', data: Buffer.from([HEADER, ...lines].join('\n')), type: 'text/csv' });

async function waitJob(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/v1/jobs/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

export async function seedVaccinationImportOfB(b: Client, bVillage: string): Promise<VaccinationImportOfB> {
  const m = doseFile([`Lò Văn Tiêm,03/03/1985,${B_ID},${bVillage},AstraZeneca,1,01/10/2021`]);
  const res = await b.request('POST', '/api/v1/vaccinations/import', m.body, m.headers);
  expect(res.statusCode, res.body).toBe(202);
  expect((await waitJob(b, res.json().jobId)).result).toMatchObject({ created: 1, dosesAdded: 1 });
  return { bVaccinatedIdNumber: B_ID };
}

type Ctx = VaccinationImportOfB & { a: Client; bUnit: string; bVillage: string };

export const VACCINATION_IMPORT_PROBES = {
  'GET /api/v1/vaccinations/import/template.xlsx': { none: 'an empty template with example rows' },
  'POST /api/v1/vaccinations/import': async ({ a, bUnit, bVillage, bVaccinatedIdNumber }: Ctx) => {
    const chosen = multipart({ unit: bUnit }, { name: 'mui-tiem.csv', data: Buffer.from(`${HEADER}\nA,01/01/1990,,,Pfizer,1,01/10/2021`), type: 'text/csv' });
    await refusedField(a.request('POST', '/api/v1/vaccinations/import', chosen.body, chosen.headers), 'unit');
    const m = doseFile([
      `Người Lạc Xã,01/01/1990,,${bVillage},Pfizer,1,01/10/2021`,
      `Lò Văn Tiêm,03/03/1985,${bVaccinatedIdNumber},,AstraZeneca,2,05/11/2021`,
    ]);
    const res = await a.request('POST', '/api/v1/vaccinations/import', m.body, m.headers);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitJob(a, res.json().jobId);
    expect(job.result).toMatchObject({ created: 0, matched: 0, dosesAdded: 0 });
    expect(job.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[2, 'unitCode'], [3, 'idNumber']]);
    expect(JSON.stringify(job.errors)).not.toContain('Lò Văn Tiêm');
    expect((await a.get('/api/v1/people?q=nguoi%20lac%20xa')).json().total).toBe(0);
  },
};
