import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { multipart } from '../test/multipart.js';
import { DOSE_COLUMNS } from './import-rows.js';

const HEADERS = Object.values(DOSE_COLUMNS);
type Row = (string | number | Date)[];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc'];

/** Person i of the file: a name of their own, a CCCD of Điện Biên (011…) for most, none for the last ten. */
function person(i: number) {
  const year = 1960 + (i % 40);
  const female = i % 2 === 1;
  const id = i < 40 ? `011${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(500000 + i).padStart(6, '0')}` : '';
  const dob = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`;
  return { name: `${female ? 'Lò Thị' : 'Lò Văn'} ${GIVEN[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}`, dob, sex: female ? 'Nữ' : 'Nam', id, village: i % 2 ? '03365.02' : '03365.01' };
}

function dose(i: number, n: string, product: string, date: string): Row {
  const p = person(i);
  return [p.name, p.dob, p.sex, p.id, '', p.village, product, n, date, `LOT${i}`, 'Trạm Y tế xã Na Tông'];
}

/** 50 people with two AstraZeneca doses each, then five bad rows (rows 102–106 of the file). */
function fileRows(bVillage: string): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 50; i++) rows.push(dose(i, '1', 'AstraZeneca', '01/09/2021'), dose(i, '2', 'AZ', '15/10/2021'));
  rows.push(
    dose(60, '1', 'Sinovac', '01/09/2021'),
    dose(61, '1', 'Pfizer', '31/02/2021'),
    dose(62, 'bảy', 'Pfizer', '01/09/2021'),
    [...dose(63, '1', 'Pfizer', '01/09/2021').slice(0, 5), bVillage, ...dose(63, '1', 'Pfizer', '01/09/2021').slice(6)],
    dose(64, '2', 'Pfizer', '01/10/2021'),
  );
  return rows;
}

const csvOf = (rows: Row[], sep = ',') => '\uFEFF' + [HEADERS, ...rows].map((r) => r.map((c) => (String(c).includes(sep) ? `"${c}"` : String(c))).join(sep)).join('\r\n') + '\r\n';

async function xlsxOf(rows: Row[], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mũi tiêm');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(c: Client, data: Buffer | string, name: string, fields: Record<string, string> = {}) {
  const { body, headers } = multipart(fields, { name, data: Buffer.from(data) });
  return c.request('POST', '/api/v1/vaccinations/import', body, headers);
}

async function waitJob(c: Client, jobId: string, seen?: { status: string; processed: number; total: number }[]) {
  for (let i = 0; i < 2000; i++) {
    const j = (await c.get(`/api/v1/jobs/${jobId}`)).json();
    seen?.push({ status: j.status, processed: j.processed, total: j.total });
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

async function importFile(c: Client, data: Buffer | string, name: string, fields: Record<string, string> = {}) {
  const res = await upload(c, data, name, fields);
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitJob(c, res.json().jobId);
  expect(job.status, JSON.stringify(job.result)).toBe('done');
  return job;
}

const rowsAndFields = (errors: { row: number; field: string }[]) => errors.map((e) => [e.row, e.field]);

for (const engine of await testEngines()) {
  describe(`vaccination dose import [${engine}]`, () => {
    let t: TestApp;
    let bVillage: string;
    const doseCount = async (where: { unitPrefix?: string; idNumber?: string } = {}) => {
      let q = t.testDb.handle.db.selectFrom('vaccination_doses').innerJoin('people', 'people.id', 'vaccination_doses.person_id')
        .select((eb) => eb.fn.countAll<number>().as('n'));
      if (where.unitPrefix) q = q.where('people.unit_path', 'like', `${where.unitPrefix}%`);
      if (where.idNumber) q = q.where('people.id_number', '=', where.idNumber);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    beforeAll(async () => {
      t = await startTestApp(engine);
      bVillage = (await (await t.login('xa.muongnha')).get('/api/v1/units?parent=03364')).json().items[0].code;
    });
    afterAll(async () => { await t?.close(); });

    it('imports a CSV: creates the people, adds their doses, reports each bad row with its row number and field', async () => {
      const c = await t.login('xa.natong');
      const job = await importFile(c, csvOf(fileRows(bVillage)), 'tiem-chung.csv');
      expect(job).toMatchObject({ total: 105, processed: 105 });
      expect(job.result).toMatchObject({ rows: 105, created: 50, matched: 0, dosesAdded: 100, skipped: 0, errorCount: 5 });
      expect(rowsAndFields(job.errors)).toEqual([[102, 'product'], [103, 'date'], [104, 'dose'], [105, 'unitCode'], [106, 'dose']]);
      expect(job.errors[4].message).toMatch(/mũi 1/);
      expect(await doseCount({ unitPrefix: '/11/100/03365/' })).toBe(100);
      const people = (await c.get('/api/v1/people?unit=03365&pageSize=500')).json();
      expect(people.total).toBe(50);
      expect(people.items.find((p: { idNumber: string | null }) => p.idNumber === person(3).id)).toMatchObject({ fullName: person(3).name, unitCode: '03365.02', dateOfBirth: '1963-04-04' });
      const audit = (await (await t.login('admin')).get('/api/v1/audit?entity=vaccination_dose&action=import')).json();
      expect(audit.total).toBe(1);
      expect(audit.items[0].changes).toMatchObject({ file: 'tiem-chung.csv', rows: 105, created: 50, dosesAdded: 100, skipped: 0, errors: 5 });
    });

    it('importing the same file again changes nothing: every dose is counted as already there', async () => {
      const c = await t.login('xa.natong');
      const job = await importFile(c, csvOf(fileRows(bVillage), ';'), 'tiem-chung-lan-2.csv');
      expect(job.result).toMatchObject({ created: 0, matched: 100, dosesAdded: 0, skipped: 100, errorCount: 5 });
      expect(await doseCount({ unitPrefix: '/11/100/03365/' })).toBe(100);
      expect((await c.get('/api/v1/people?unit=03365')).json().total).toBe(50);
    });

    it('reads XLSX with date cells and ID numbers typed as numbers; a different dose 1 is refused, not overwritten', async () => {
      const c = await t.login('xa.natong');
      const rows: Row[] = [];
      for (let i = 0; i < 10; i++) {
        const r = dose(i, 'Nhắc lại', 'Pfizer-BioNTech', '');
        r[8] = new Date(Date.UTC(2022, 1, 1));
        r[3] = Number(person(i).id);
        rows.push(r);
      }
      rows.push(dose(11, '1', 'Moderna', '02/09/2021'));
      const job = await importFile(c, await xlsxOf(rows), 'nhac-lai.xlsx');
      expect(job.result).toMatchObject({ rows: 11, created: 0, matched: 11, dosesAdded: 10, skipped: 0, errorCount: 1 });
      expect(rowsAndFields(job.errors)).toEqual([[12, 'dose']]);
      expect(job.errors[0].message).toMatch(/01\/09\/2021/);
      const boosters = await t.testDb.handle.db.selectFrom('vaccination_doses').select(['dose_number', 'kind', 'vaccinated_on', 'product_code', 'source']).where('kind', '=', 'booster').execute();
      expect(boosters).toHaveLength(10);
      expect(boosters[0]).toMatchObject({ dose_number: 3, vaccinated_on: '2022-02-01', product_code: 'pfizer', source: 'import' });
    });

    it('matches people without an ID number by name and birth date in the unit, and refuses an ambiguous match', async () => {
      const c = await t.login('xa.natong');
      const khoa = (await c.post('/api/v1/people', { fullName: 'Cà Văn Khoa', dateOfBirth: '1975-03-04', unitCode: '03365.01' })).json();
      for (const v of ['03365.01', '03365.02']) expect((await c.post('/api/v1/people', { fullName: 'Lường Thị Én', dateOfBirth: '1980-01-01', unitCode: v })).statusCode).toBe(201);
      const row = (name: string, dob: string, unit: string): Row => [name, dob, '', '', '', unit, 'Vero Cell', '1', '03/10/2021', '', ''];
      const job = await importFile(c, csvOf([row('CA VAN KHOA', '04/03/1975', ''), row('Lường Thị Én', '01/01/1980', ''), row('Luong Thi En', '01/01/1980', '03365.02')]), 'ten.csv', { unit: '03365' });
      expect(job.result).toMatchObject({ created: 0, matched: 2, dosesAdded: 2, errorCount: 1 });
      expect(rowsAndFields(job.errors)).toEqual([[3, 'fullName']]);
      const khoaDoses = await t.testDb.handle.db.selectFrom('vaccination_doses').select('product_code').where('person_id', '=', khoa.id).execute();
      expect(khoaDoses).toEqual([{ product_code: 'sinopharm' }]);
    });

    it('keeps to the importing jurisdiction: other communes\' villages and people are row errors, another commune as unit is refused', async () => {
      const b = await t.login('xa.muongnha');
      const bId = '011090123456';
      expect((await b.post('/api/v1/people', { fullName: 'Quàng Văn Pọm', dateOfBirth: '1990-05-05', idNumber: bId, unitCode: bVillage })).statusCode).toBe(201);
      const a = await t.login('xa.natong');
      const job = await importFile(a, csvOf([['Quàng Văn Pọm', '05/05/1990', 'Nam', bId, '', '', 'Pfizer', '1', '01/10/2021', '', ''], dose(71, '1', 'Pfizer', '01/10/2021')]), 'pham-vi.csv', { unit: '03365.01' });
      expect(rowsAndFields(job.errors)).toEqual([[2, 'idNumber'], [3, 'unitCode']]);
      expect(job.result).toMatchObject({ dosesAdded: 0, created: 0 });
      expect(await doseCount({ idNumber: bId })).toBe(0);
      const other = await upload(a, csvOf([dose(71, '1', 'Pfizer', '01/10/2021')]), 'x.csv', { unit: '03364' });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.field).toBe('unit');
      const team = await t.login('to.hattao');
      const tj = await importFile(team, csvOf([dose(72, '1', 'Pfizer', '01/10/2021'), dose(73, '1', 'Pfizer', '01/10/2021')]), 'to.csv');
      expect(rowsAndFields(tj.errors)).toEqual([[3, 'unitCode']]);
      expect(tj.result.dosesAdded).toBe(1);
    });

    it('shows progress while it runs: total counted first, processed rising batch by batch to the total', async () => {
      const c = await t.login('yte.natong');
      const rows: Row[] = [];
      for (let i = 0; i < 6000; i++) {
        const p = { name: `Vì Thị Tiến ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(65 + Math.floor(i / 676))}`, dob: `01/01/${1950 + (i % 50)}` };
        rows.push([p.name, p.dob, 'Nữ', '', '', '03365.02', 'Moderna', '1', '01/09/2021', '', ''], [p.name, p.dob, 'Nữ', '', '', '03365.02', 'Moderna', '2', '01/10/2021', '', '']);
      }
      const res = await upload(c, csvOf(rows), 'lon.csv');
      const seen: { status: string; processed: number; total: number }[] = [];
      const job = await waitJob(c, res.json().jobId, seen);
      expect(job).toMatchObject({ status: 'done', total: 12000, processed: 12000, errors: [] });
      expect(job.result).toMatchObject({ created: 6000, dosesAdded: 12000 });
      const running = seen.filter((s) => s.status === 'running' && s.total === 12000);
      expect(running.some((s) => s.processed > 0 && s.processed < 12000)).toBe(true);
      expect(seen.map((s) => s.processed)).toEqual([...seen.map((s) => s.processed)].sort((x, y) => x - y));
    });

    it('refuses observers, wrong file types and files without the needed columns', async () => {
      expect((await upload(await t.login('theodoi.dienbien'), csvOf([dose(80, '1', 'Pfizer', '01/10/2021')]), 'a.csv')).statusCode).toBe(403);
      const c = await t.login('xa.natong');
      const pdf = await upload(c, '%PDF-1.4', 'a.pdf');
      expect(pdf.statusCode).toBe(400);
      expect(pdf.json().error).toMatchObject({ code: 'BAD_FILE', field: 'file' });
      const fake = await upload(c, csvOf([]), 'a.xlsx');
      expect(fake.statusCode).toBe(400);
      const noCols = await importFile(c, await xlsxOf([['A', 3]], ['Tên', 'Tuổi']), 'x.xlsx');
      expect(noCols.errors).toEqual([{ row: 1, field: 'header', message: expect.stringContaining('Loại vắc xin') }]);
      const noRows = await importFile(c, csvOf([]), 'rong.csv');
      expect(noRows.result).toMatchObject({ rows: 0, errorCount: 1 });
    });

    it('takes files above the app-wide 20 MB upload limit', async () => {
      const c = await t.login('xa.natong');
      const note = 'Ghi chú rất dài. '.repeat(Math.ceil((21 * 1024 * 1024) / 17));
      const big = [[...HEADERS, 'Ghi chú'].join(','), [...dose(90, '1', 'Pfizer', '01/10/2021'), note].join(',')].join('\n');
      expect(Buffer.byteLength(big)).toBeGreaterThan(21 * 1024 * 1024);
      const res = await upload(c, big, 'lon.csv');
      expect(res.statusCode, res.body).toBe(202);
      const job = await waitJob(c, res.json().jobId);
      expect(job.result).toMatchObject({ rows: 1, dosesAdded: 1, errorCount: 0 });
    });

    it('serves a template whose headers and example rows the import accepts', async () => {
      const c = await t.login('xa.natong');
      const res = await c.get('/api/v1/vaccinations/import/template.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
      const job = await importFile(c, res.rawPayload, 'mau.xlsx');
      expect(job.errors).toEqual([]);
      expect(job.result).toMatchObject({ rows: 3, dosesAdded: 3 });
    });
  });
}
