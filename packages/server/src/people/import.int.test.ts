import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { multipart } from '../test/multipart.js';
import { RESIDENT_COLUMNS } from './import.js';

const HEADERS = Object.values(RESIDENT_COLUMNS);
type Row = (string | number)[];

function resident(i: number, village: string): Row {
  const year = 1940 + (i % 70);
  return [`Người Dân Số ${String.fromCharCode(65 + (i % 26))}${'abcdefghij'[i % 10]} ${['An', 'Bình', 'Chi', 'Dũng', 'Hà'][i % 5]}`.replace(/\d/g, ''), `0${1 + (i % 9)}/0${1 + (i % 9)}/${year}`, '', i % 2 ? 'Nữ' : 'Nam',
    '', `09${String(10_000_000 + i).slice(-8)}`, 'Thái', '', village, `Nhà ${i}`, `H${Math.floor(i / 4)}`, i % 4 === 0 ? 'x' : '', 'Thường trú', '', '', i % 7 === 0 ? 'x' : '', '', ''];
}

async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dân cư');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(c: Client, data: Buffer, name: string, mode: 'all' | 'valid') {
  const { body, headers } = multipart({ mode }, { name, data });
  return c.request('POST', '/api/v1/people/import', body, headers);
}

async function waitJob(c: Client, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const j = (await c.get(`/api/v1/jobs/${jobId}`)).json();
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

for (const engine of await testEngines()) {
  describe(`people import [${engine}]`, () => {
    let t: TestApp;
    beforeAll(async () => { t = await startTestApp(engine); });
    afterAll(async () => { await t?.close(); });

    const withBadRows = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => resident(i, i % 2 ? '03365.01' : '03365.02'));
      rows[10][4] = '12345'; // malformed ID
      rows[20][1] = '31/02/1990'; // no such date
      rows[30][8] = '03364.01'; // another commune's village
      return rows;
    };

    it('all-or-nothing: reports the three bad rows by row number and field, writes nothing', async () => {
      const c = await t.login('xa.natong');
      const res = await upload(c, await xlsx(withBadRows(300)), 'dan-cu.xlsx', 'all');
      expect(res.statusCode, res.body).toBe(202);
      const job = await waitJob(c, res.json().jobId);
      expect(job).toMatchObject({ status: 'done', total: 300, processed: 300 });
      expect(job.result.applied).toBe(false);
      expect(job.result.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[12, 'idNumber'], [22, 'dateOfBirth'], [32, 'unitCode']]);
      expect((await c.get('/api/v1/people?unit=03365')).json().total).toBe(0);
    });

    it('valid rows only: imports the rest with their households and heads, audited once', async () => {
      const c = await t.login('xa.natong');
      const res = await upload(c, await xlsx(withBadRows(300)), 'dan-cu.xlsx', 'valid');
      const job = await waitJob(c, res.json().jobId);
      expect(job.result).toMatchObject({ applied: true, created: 297 });
      expect(job.result.errors).toHaveLength(3);
      expect((await c.get('/api/v1/people?unit=03365')).json().total).toBe(297);
      expect((await c.get('/api/v1/people?unit=03365&flag=comorbidity')).json().total).toBeGreaterThan(30);
      const households = (await c.get('/api/v1/households?unit=03365.01&pageSize=500')).json();
      expect(households.total).toBeGreaterThan(30);
      const h = (await c.get(`/api/v1/households/${households.items[0].id}`)).json();
      expect(h.members.length).toBeGreaterThan(0);
      const audit = (await (await t.login('admin')).get('/api/v1/audit?entity=person&action=import')).json();
      expect(audit.items[0].changes).toMatchObject({ file: 'dan-cu.xlsx', mode: 'valid', created: 297, errors: 3 });
    });

    it('re-importing flags probable duplicates instead of silently doubling, and refuses known ID numbers', async () => {
      const c = await t.login('xa.natong');
      const rows = [resident(1, '03365.01'), resident(3, '03365.01')];
      rows[1][4] = '011143001234';
      const first = await waitJob(c, (await upload(c, await xlsx([rows[1]]), 'a.xlsx', 'valid')).json().jobId);
      expect(first.result.created).toBe(1);
      const again = await waitJob(c, (await upload(c, await xlsx(rows), 'b.xlsx', 'valid')).json().jobId);
      expect(again.result.created).toBe(1);
      expect(again.result.probableDuplicates).toBe(1);
      expect(again.result.errors).toEqual([{ row: 3, field: 'idNumber', message: expect.stringContaining('011143001234') }]);
    });

    it('reads CSV (UTF-8 with BOM, semicolons) the same way', async () => {
      const c = await t.login('xa.natong');
      const csv = '\uFEFF' + [HEADERS.join(';'), 'Cà Văn Thắng;05/06/1977;;Nam;;0912000111;Thái;;03365.02;Bản 2;;;Tạm trú;01/01/2021;;;;'].join('\r\n');
      const job = await waitJob(c, (await upload(c, Buffer.from(csv), 'dan-cu.csv', 'all')).json().jobId);
      expect(job.result).toMatchObject({ applied: true, created: 1 });
      const p = (await c.get('/api/v1/people?q=ca%20van%20thang')).json().items[0];
      expect(p).toMatchObject({ dateOfBirth: '1977-06-05', residenceStatus: 'tam_tru', residenceFrom: '2021-01-01', sex: 'male' });
    });

    it('refuses wrong file types, files without the required columns, and empty files with a Vietnamese message', async () => {
      const c = await t.login('xa.natong');
      const pdf = await upload(c, Buffer.from('%PDF-1.4'), 'danh-sach.pdf', 'all');
      expect(pdf.statusCode).toBe(400);
      expect(pdf.json().error).toMatchObject({ code: 'BAD_FILE', field: 'file' });
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('x').addRow(['Tên', 'Tuổi']);
      wb.worksheets[0].addRow(['A', 3]);
      const noCols = await waitJob(c, (await upload(c, Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx', 'all')).json().jobId);
      expect(noCols.result.errors[0]).toMatchObject({ row: 1, field: 'header' });
      const empty = await upload(c, await xlsx([]), 'rong.xlsx', 'all');
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toMatch(/không có dòng/);
      const broken = await upload(c, Buffer.from('PK\u0003\u0004garbage'), 'hong.xlsx', 'all');
      expect(broken.statusCode).toBe(400);
    });

    it('refuses an oversized upload with 413', async () => {
      const c = await t.login('xa.natong');
      const res = await upload(c, Buffer.alloc(21 * 1024 * 1024, 65), 'lon.csv', 'all');
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toMatch(/quá lớn/);
    });

    it('keeps each job to its owner and refuses observers', async () => {
      const c = await t.login('xa.natong');
      const jobId = (await upload(c, await xlsx([resident(5, '03365.01')]), 'c.xlsx', 'all')).json().jobId;
      await waitJob(c, jobId);
      expect((await (await t.login('huyen.dienbien')).get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(404);
      expect((await upload(await t.login('theodoi.dienbien'), await xlsx([resident(6, '03365.01')]), 'd.xlsx', 'all')).statusCode).toBe(403);
    });

    it('serves a template whose headers the import accepts', async () => {
      const c = await t.login('xa.natong');
      const res = await c.get('/api/v1/people/import/template.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
      expect(headers).toEqual(HEADERS);
      const job = await waitJob(c, (await upload(c, res.rawPayload, 'mau.xlsx', 'valid')).json().jobId);
      expect(job.result.errors.map((e: { field: string }) => e.field)).not.toContain('header');
    });
  });
}
