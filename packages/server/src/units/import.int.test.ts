import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { childPath } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';

type Cell = string | number;
type RowError = { row: number; field: string; message: string };

const LONG = ['Mã', 'Tên', 'Cấp', 'Mã cấp trên'];
const WIDE = ['Tỉnh / Thành phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'];
const POPULATION = ['Mã', '0-11', '12-17', '18-49', '50-64', '65+'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV as Excel saves it in Vietnamese locales: UTF-8 with a BOM, semicolons, CRLF. */
function csv(headers: string[], rows: Cell[][]): Buffer {
  const quote = (v: Cell) => (/[;"\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return Buffer.from('\uFEFF' + [headers, ...rows].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n', 'utf8');
}

/** A multipart/form-data body built by hand: the text fields, then the file. */
function multipartBody(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = `----pcdtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(c: Client, name: string, data: Buffer, fields: { type?: string; mode?: string } = {}) {
  const type = name.endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
  const { body, contentType } = multipartBody({ type: 'units', mode: 'all', ...fields }, { name, data, type });
  return c.request('POST', '/api/v1/units/import', body, { 'content-type': contentType });
}

const rowsAndFields = (errors: RowError[]) => errors.map((e) => [e.row, e.field]);

async function readXlsx(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const unitIn = (app: TestApp, code: string) => app.testDb.handle.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();

async function countUnitsIn(app: TestApp, pathPrefix: string): Promise<number> {
  const r = await app.testDb.handle.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', `${pathPrefix}%`).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Units whose path is not their parent's path plus their code, or whose depth does not count the path. */
async function brokenPaths(app: TestApp) {
  const rows = await app.testDb.handle.db.selectFrom('units').select(['code', 'parent_code', 'path', 'depth']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return rows.filter((r) => {
    const parentPath = r.parent_code ? byCode.get(r.parent_code)?.path ?? 'missing' : null;
    return r.path !== childPath(parentPath, r.code) || r.depth !== r.path.split('/').filter(Boolean).length;
  });
}

for (const engine of await testEngines()) {
  describe(`units import [${engine}]`, () => {
    // The registry tests get a database of their own, so that the GSO file below can create Lai Châu afresh.
    let registryApp: TestApp;
    let t: TestApp;
    beforeAll(async () => { [registryApp, t] = await Promise.all([startTestApp(engine), startTestApp(engine)]); });
    afterAll(async () => { await Promise.all([registryApp?.close(), t?.close()]); });

    const unit = (code: string) => unitIn(t, code);
    const countUnits = (pathPrefix: string) => countUnitsIn(t, pathPrefix);

    describe('from the national registry', () => {
      const unit = (code: string) => unitIn(registryApp, code);
      const countUnits = (pathPrefix: string) => countUnitsIn(registryApp, pathPrefix);
      const login = (username: string) => registryApp.login(username);

      it('creates Lai Châu with its districts and communes', async () => {
        const admin = await login('admin');
        const res = await admin.post('/api/v1/units/import', { source: 'registry', provinceCode: '12' });
        expect(res.statusCode, res.body).toBe(200);
        // 1 province, 8 districts and 106 communes in the pre-2025 list.
        expect(res.json()).toEqual({ created: 115, updated: 0, skipped: 0, errors: [], applied: true });
        expect(await countUnits('/12/')).toBe(115);
        expect(await unit('12')).toMatchObject({ name: 'Lai Châu', kind: 'tinh', tier: 'province', parent_code: null, path: '/12/' });
        expect(await unit('111')).toMatchObject({ name: 'Tân Uyên', kind: 'huyen', tier: 'district', parent_code: '12', path: '/12/111/' });
        expect(await unit('105')).toMatchObject({ name: 'Lai Châu', kind: 'thanh_pho', tier: 'district' });
        expect(await unit('03598')).toMatchObject({ name: 'Tân Uyên', kind: 'thi_tran', tier: 'commune', path: '/12/111/03598/' });
        const communes = (await admin.get('/api/v1/units?parent=111&pageSize=100')).json();
        expect(communes.total).toBe(10);
        expect(communes.items.map((u: { name: string }) => u.name)).toContain('Mường Khoa');
        expect(await brokenPaths(registryApp)).toEqual([]);
      });

      it('imports the same province again without duplicating anything', async () => {
        const admin = await login('admin');
        const res = await admin.post('/api/v1/units/import', { source: 'registry', provinceCode: '12' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ created: 0, updated: 0, skipped: 115, errors: [], applied: true });
        expect(await countUnits('/12/')).toBe(115);
        const audit = (await admin.get('/api/v1/audit?entity=unit&action=import&entityId=12')).json();
        expect(audit.items.map((a: { changes: { created: number } }) => a.changes.created)).toEqual([0, 115]);
      });

      it('refuses a province-scoped administrator and command staff', async () => {
        for (const username of ['tinh.dienbien', 'xa.natong']) {
          const c = await login(username);
          const res = await c.post('/api/v1/units/import', { source: 'registry', provinceCode: '14' });
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
        expect(await countUnits('/14/')).toBe(0);
      });

      it.each(['99', 'ab', '1'])('rejects the province code %j with field provinceCode', async (provinceCode) => {
        const admin = await login('admin');
        const res = await admin.post('/api/v1/units/import', { source: 'registry', provinceCode });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'provinceCode' });
      });

      it('lists the 63 provinces of the registry', async () => {
        const c = await login('xa.natong');
        const res = await c.get('/api/v1/units/registry/provinces');
        expect(res.statusCode).toBe(200);
        const items: { code: string; name: string; kind: string }[] = res.json().items;
        expect(items).toHaveLength(63);
        expect(items).toContainEqual({ code: '11', name: 'Điện Biên', kind: 'tinh' });
        expect(items).toContainEqual({ code: '01', name: 'Hà Nội', kind: 'thanh_pho_tw' });
        expect(items.map((p) => p.code)).toEqual(items.map((p) => p.code).sort());
      });
    });

    describe('a units file in the long layout', () => {
      // Villages under Mường Nhà (03364), with four bad rows in between (file rows 4–7).
      const villages: Cell[][] = [
        ['03364.51', 'Bản Nà Sáng', 'Bản', '03364'],
        ['03364.52', 'Huổi Một', 'Bản', '03364'],
        ['03364.53', 'Co Kham', 'Bản', '99999'], // unknown parent
        ['03364.54', 'Pá Pậu', 'Làng xyz', '03364'], // unknown kind
        ['a b', 'Nà Nọi', 'Bản', '03364'], // bad code
        ['11.90', 'Bản Ven', 'Bản', '11'], // a village directly under a province
        ['03364.55', 'Thôn Tân Lập', 'Thôn', '03364'],
      ];
      const expectedErrors = [[4, 'parentCode'], [5, 'level'], [6, 'code'], [7, 'parentCode']];

      it('with mode=all reports every bad row by row and field, and writes nothing', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'ban.xlsx', await xlsx(LONG, villages), { mode: 'all' });
        expect(res.statusCode, res.body).toBe(200);
        const report = res.json();
        expect(report).toMatchObject({ applied: false, created: 0, updated: 0 });
        expect(rowsAndFields(report.errors)).toEqual(expectedErrors);
        for (const e of report.errors) expect(e.message).toMatch(/[ạảãàáâăđêôơưệếốờ]/);
        expect(report.errors[0].message).toContain('99999');
        expect(report.errors[1].message).toContain('Làng xyz');
        expect(await countUnits('/11/100/03364/03364.5')).toBe(0);
      });

      it('with mode=valid writes the good rows only, with kind, tier and path', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'ban.xlsx', await xlsx(LONG, villages), { mode: 'valid' });
        expect(res.statusCode, res.body).toBe(200);
        const report = res.json();
        expect(report).toMatchObject({ applied: true, created: 3, updated: 0, skipped: 0 });
        expect(rowsAndFields(report.errors)).toEqual(expectedErrors);
        expect(await countUnits('/11/100/03364/03364.5')).toBe(3);
        expect(await unit('03364.51')).toMatchObject({ name: 'Nà Sáng', kind: 'ban', tier: 'village', parent_code: '03364', path: '/11/100/03364/03364.51/', depth: 4 });
        expect(await unit('03364.55')).toMatchObject({ name: 'Tân Lập', kind: 'thon', tier: 'village' });
        for (const code of ['03364.53', '03364.54', 'a b', '11.90']) expect(await unit(code)).toBeUndefined();
        const audit = (await admin.get('/api/v1/audit?entity=unit&action=import&username=admin')).json();
        expect(audit.items[0].changes).toMatchObject({ source: 'ban.xlsx', created: 3, errors: 4 });
      });

      it('updates a renamed village on re-import instead of duplicating it', async () => {
        const admin = await t.login('admin');
        const before = await unit('03364.51');
        const res = await upload(admin, 'ban-sua.xlsx', await xlsx(LONG, [
          ['03364.51', 'Nà Sáng Mới', 'Bản', '03364'],
          ['03364.52', 'Huổi Một', 'Bản', '03364'],
        ]));
        expect(res.json()).toMatchObject({ applied: true, created: 0, updated: 1, skipped: 1, errors: [] });
        expect(await countUnits('/11/100/03364/03364.5')).toBe(3);
        expect(await unit('03364.51')).toMatchObject({ name: 'Nà Sáng Mới', name_folded: 'na sang moi', version: before!.version + 1 });
        const found = (await admin.get('/api/v1/units?q=na%20sang%20moi')).json();
        expect(found.items.map((u: { code: string }) => u.code)).toEqual(['03364.51']);
      });

      it('reads a UTF-8 CSV with a BOM and semicolons', async () => {
        const admin = await t.login('admin');
        const data = csv(LONG, [
          ['03364.61', 'Bản Huổi Lực', 'Bản', '03364'],
          ['03364.62', 'Pá Khoang; khu 2', 'bản', '03364'], // a quoted semicolon, a lowercase kind
          ['03364.63', 'Đồi Cọ', 'Xã lạ', '03364'],
        ]);
        expect(data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const res = await upload(admin, 'ban.csv', data, { mode: 'valid' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ applied: true, created: 2 });
        expect(rowsAndFields(res.json().errors)).toEqual([[4, 'level']]);
        expect(await unit('03364.61')).toMatchObject({ name: 'Huổi Lực', kind: 'ban', tier: 'village', path: '/11/100/03364/03364.61/' });
        expect(await unit('03364.62')).toMatchObject({ name: 'Pá Khoang; khu 2', kind: 'ban' });
      });

      it('refuses a kind it does not know even when the name starts with one', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'lech.csv', csv(LONG, [['03364.71', 'Bản Lạ', 'Làng', '03364']]), { mode: 'valid' });
        expect(res.statusCode, res.body).toBe(200);
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'level']]);
        expect(await unit('03364.71')).toBeUndefined();
      });

      it('adds a new district, its communes and villages in one file, parents listed after children', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'moi.xlsx', await xlsx(LONG, [
          ['X01.01', 'Bản Một', 'Bản', 'X01'],
          ['X01', 'Xã Thử Nghiệm', 'Xã', 'X0'],
          ['X0', 'Huyện Thử Nghiệm', 'Huyện', '11'],
        ]));
        expect(res.json()).toMatchObject({ applied: true, created: 3, errors: [] });
        expect(await unit('X01.01')).toMatchObject({ tier: 'village', path: '/11/X0/X01/X01.01/' });
        expect(await unit('X0')).toMatchObject({ name: 'Thử Nghiệm', kind: 'huyen', tier: 'district' });
        expect(await brokenPaths(t)).toEqual([]);
      });

      it('takes back its own export unchanged (kind from "Loại", not the tier in "Cấp")', async () => {
        const admin = await t.login('admin');
        const exported = await admin.get('/api/v1/units/export.xlsx?unit=11');
        expect((await readXlsx(exported.rawPayload)).getRow(1).values).toEqual(expect.arrayContaining(['Loại', 'Cấp']));
        const stored = await countUnits('/11/');
        const res = await upload(admin, 'don-vi.xlsx', exported.rawPayload);
        expect(res.json()).toEqual({ applied: true, created: 0, updated: 0, skipped: stored, errors: [], moved: [] });
        // Not flattened to the tier's usual kind (Huyện, Xã).
        expect(await unit('094')).toMatchObject({ name: 'Điện Biên Phủ', kind: 'thanh_pho', tier: 'district' });
        expect(await unit('095')).toMatchObject({ kind: 'thi_xa' });
        expect(await unit('03124')).toMatchObject({ kind: 'phuong' });
        expect(await unit('03365.01')).toMatchObject({ name: 'Hát Tao', kind: 'ban' });
      });

      it('reports a file without the required columns on row 1', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'sai.xlsx', await xlsx(['Tên', 'Ghi chú'], [['Bản A', '']]));
        expect(res.json()).toMatchObject({ applied: false, created: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[1, 'header']]);
      });

      it('refuses an unreadable file, a missing file and a bad mode with the field', async () => {
        const admin = await t.login('admin');
        const garbage = await upload(admin, 'hong.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
        expect(garbage.statusCode).toBe(400);
        expect(garbage.json().error).toMatchObject({ code: 'BAD_FILE', field: 'file' });
        const badMode = await upload(admin, 'ban.xlsx', await xlsx(LONG, []), { mode: 'some' });
        expect(badMode.statusCode).toBe(400);
        expect(badMode.json().error.field).toBe('mode');
        const boundary = '----pcdnofile';
        const noFile = await admin.request('POST', '/api/v1/units/import', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nunits\r\n--${boundary}--\r\n`), { 'content-type': `multipart/form-data; boundary=${boundary}` });
        expect(noFile.statusCode).toBe(400);
        expect(noFile.json().error.field).toBe('file');
      });

      it('refuses a units file from staff without the import permission', async () => {
        const c = await t.login('xa.natong');
        const res = await upload(c, 'ban.xlsx', await xlsx(LONG, [['03365.91', 'Bản Lạ', 'Bản', '03365']]));
        expect(res.statusCode).toBe(403);
        expect(await unit('03365.91')).toBeUndefined();
      });
    });

    describe('a units file from a province-scoped administrator', () => {
      it('adds villages inside the province', async () => {
        const c = await t.login('tinh.dienbien');
        const res = await upload(c, 'ban.xlsx', await xlsx(LONG, [['03364.71', 'Nậm Ty', 'Bản', '03364']]));
        expect(res.json()).toMatchObject({ applied: true, created: 1, errors: [] });
        expect(await unit('03364.71')).toMatchObject({ path: '/11/100/03364/03364.71/' });
      });

      it('cannot add under a unit of another province, nor add a province', async () => {
        const c = await t.login('tinh.dienbien');
        const res = await upload(c, 'ban.xlsx', await xlsx(LONG, [
          ['22969.91', 'Khu phố 9', 'Khu phố', '22969'], // Liên Hương, Bình Thuận
          ['98', 'Tỉnh Thử', 'Tỉnh', ''],
        ]));
        expect(res.json()).toMatchObject({ applied: false, created: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'parentCode'], [3, 'parentCode']]);
        expect(await unit('22969.91')).toBeUndefined();
        expect(await unit('98')).toBeUndefined();
      });

      it('cannot take over a unit of another province by reusing its code', async () => {
        const c = await t.login('tinh.dienbien');
        const before = await unit('22969');
        const res = await upload(c, 'ban.xlsx', await xlsx(LONG, [['22969', 'Bản Chiếm', 'Bản', '03364']]));
        expect(res.json()).toMatchObject({ applied: false, created: 0, updated: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'code']]);
        expect(await unit('22969')).toEqual(before);
        expect(await brokenPaths(t)).toEqual([]);
      });

      it('with mode=valid also refuses the rows under a refused unit, instead of failing or writing outside the scope', async () => {
        const c = await t.login('tinh.dienbien');
        const tuyPhong = await unit('595');
        const res = await upload(c, 'ban.xlsx', await xlsx(LONG, [
          ['98', 'Tỉnh Thử', 'Tỉnh', ''],
          ['981', 'Huyện Thử', 'Huyện', '98'], // under the refused new province
          ['595', 'Tuy Phong', 'Huyện', '11'], // a Bình Thuận district
          ['59599', 'Xã Mới', 'Xã', '595'], // under it
          ['03364.72', 'Nậm Khẩu Hu', 'Bản', '03364'],
        ]), { mode: 'valid' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ applied: true, created: 1, updated: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'parentCode'], [3, 'parentCode'], [4, 'code'], [5, 'parentCode']]);
        for (const code of ['98', '981', '59599']) expect(await unit(code)).toBeUndefined();
        expect(await unit('595')).toEqual(tuyPhong);
        expect(await unit('03364.72')).toMatchObject({ path: '/11/100/03364/03364.72/' });
      });
    });

    describe('re-parenting through a units file', () => {
      it('refuses to turn a unit that has units under it into another tier', async () => {
        const admin = await t.login('admin');
        const before = await unit('03365');
        // Na Tông (a commune with villages) as a village of Mường Nhà.
        const res = await upload(admin, 'sai.xlsx', await xlsx(LONG, [['03365', 'Na Tông', 'Bản', '03364']]));
        expect(res.json()).toMatchObject({ applied: false, created: 0, updated: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'level']]);
        expect(await unit('03365')).toEqual(before);
      });

      it('refuses to place a unit under its own descendant', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'sai.xlsx', await xlsx(LONG, [['11', 'Điện Biên', 'Bản', '03364']]), { mode: 'valid' });
        expect(res.json()).toMatchObject({ created: 0, updated: 0 });
        expect(rowsAndFields(res.json().errors)).toEqual([[2, 'level']]);
        expect(await unit('11')).toMatchObject({ tier: 'province', path: '/11/' });
        expect(await brokenPaths(t)).toEqual([]);
      });

      it('moves a district with its subtree and places new villages at the new path', async () => {
        const admin = await t.login('admin');
        // Huyện Tuy Phong moves to Điện Biên; a new quarter of Liên Hương (not itself in the file) comes along.
        const res = await upload(admin, 'chuyen.xlsx', await xlsx(LONG, [
          ['595', 'Tuy Phong', 'Huyện', '11'],
          ['22969.90', 'Khu phố Mới', 'Khu phố', '22969'],
        ]));
        expect(res.json()).toMatchObject({ applied: true, created: 1, updated: 1, errors: [] });
        // A unit leaving its province is reported, so a mistyped code does not move a commune unnoticed.
        expect(res.json().moved).toEqual([{ row: 2, code: '595', name: 'Tuy Phong', fromPath: '/60/595/', toParentCode: '11' }]);
        expect(await unit('22969')).toMatchObject({ path: '/11/595/22969/' });
        expect(await unit('22969.90')).toMatchObject({ path: '/11/595/22969/22969.90/', depth: 4 });
        expect(await brokenPaths(t)).toEqual([]);
        const children = (await admin.get('/api/v1/units?parent=22969&pageSize=100')).json();
        expect(children.items.map((u: { code: string }) => u.code)).toContain('22969.90');
      });
    });

    describe('a units file in the wide GSO layout', () => {
      it('creates the province, districts and communes with their kinds', async () => {
        const admin = await t.login('admin');
        const before = await countUnits('/');
        const res = await upload(admin, 'gso.xlsx', await xlsx(WIDE, [
          ['Tỉnh Lai Châu', '12', 'Thành phố Lai Châu', '105', 'Phường Quyết Thắng', '03386', 'Phường'],
          ['Tỉnh Lai Châu', '12', 'Thành phố Lai Châu', '105', 'Xã San Thàng', '03409', 'Xã'],
          ['Tỉnh Lai Châu', '12', 'Huyện Tân Uyên', '111', 'Thị trấn Tân Uyên', '03598', 'Thị trấn'],
          ['Tỉnh Lai Châu', '12', 'Huyện Tân Uyên', '111', 'Xã Mường Khoa', '03601', 'Xã'],
        ]));
        expect(res.statusCode, res.body).toBe(200);
        // Province and districts repeat on every row: each is created once.
        const report = res.json();
        expect(report).toEqual({ applied: true, created: 7, updated: 0, skipped: 0, errors: [], moved: [] });
        expect(await countUnits('/')).toBe(before + 7);
        expect(await unit('12')).toMatchObject({ name: 'Lai Châu', kind: 'tinh', tier: 'province', parent_code: null });
        expect(await unit('105')).toMatchObject({ name: 'Lai Châu', kind: 'thanh_pho', tier: 'district', parent_code: '12' });
        expect(await unit('111')).toMatchObject({ name: 'Tân Uyên', kind: 'huyen', tier: 'district', parent_code: '12' });
        expect(await unit('03386')).toMatchObject({ name: 'Quyết Thắng', kind: 'phuong', tier: 'commune', path: '/12/105/03386/' });
        expect(await unit('03409')).toMatchObject({ name: 'San Thàng', kind: 'xa', tier: 'commune', parent_code: '105' });
        expect(await unit('03598')).toMatchObject({ name: 'Tân Uyên', kind: 'thi_tran', tier: 'commune', parent_code: '111' });
        expect(await unit('03601')).toMatchObject({ name: 'Mường Khoa', kind: 'xa', tier: 'commune', path: '/12/111/03601/' });
      });

      it('places communes directly under the province when the district is empty (2025 tree)', async () => {
        const admin = await t.login('admin');
        const res = await upload(admin, 'gso-2025.xlsx', await xlsx(WIDE, [
          ['Tỉnh Thử Nghiệm', '97', '', '', 'Phường Trung Tâm', '97001', 'Phường'],
          ['Tỉnh Thử Nghiệm', '97', '', '', 'Đặc khu Đảo Xa', '97002', 'Đặc khu'],
        ]));
        expect(res.json()).toMatchObject({ applied: true, created: 3, errors: [] });
        expect(await unit('97001')).toMatchObject({ kind: 'phuong', tier: 'commune', parent_code: '97', path: '/97/97001/', depth: 2 });
        expect(await unit('97002')).toMatchObject({ name: 'Đảo Xa', kind: 'dac_khu', tier: 'commune' });
      });
    });

    describe('a population file', () => {
      const villagesOf = async (c: Client, commune: string) =>
        (await c.get(`/api/v1/units?parent=${commune}&pageSize=100`)).json().items as { code: string; population: { total: number } }[];
      const rows: Cell[][] = [
        ['03365.01', 100, 50, 300, 80, 40],
        ['03365.02', 10, 20, 30, 40, 50],
        ['03364.01', 1, 1, 1, 1, 1], // Pu Lau, in Mường Nhà: outside Na Tông's scope
        ['03365.03', 5, -3, 1, 1, 1], // negative
      ];

      it('with mode=all reports the unit out of scope and the negative number, and writes nothing', async () => {
        const c = await t.login('xa.natong');
        const before = (await c.get('/api/v1/units/03365.01')).json();
        const res = await upload(c, 'dan-so.xlsx', await xlsx(POPULATION, rows), { type: 'population', mode: 'all' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ applied: false, updated: 0 });
        const errors: RowError[] = res.json().errors;
        expect(rowsAndFields(errors)).toEqual([[4, 'code'], [5, '12-17']]);
        expect(errors[0].message).toContain('03364.01');
        expect(errors[0].message).toMatch(/phạm vi/);
        expect(errors[1].message).toContain('-3');
        expect((await c.get('/api/v1/units/03365.01')).json()).toEqual(before);
      });

      it('with mode=valid updates the villages and the commune sum, leaving the other commune alone', async () => {
        const c = await t.login('xa.natong');
        const puLau = await unit('03364.01');
        const res = await upload(c, 'dan-so.xlsx', await xlsx(POPULATION, rows), { type: 'population', mode: 'valid' });
        expect(res.json()).toMatchObject({ applied: true, updated: 2 });
        expect(rowsAndFields(res.json().errors)).toEqual([[4, 'code'], [5, '12-17']]);

        const v1 = (await c.get('/api/v1/units/03365.01')).json();
        expect(v1.population).toEqual({ total: 570, byAge: { '0-11': 100, '12-17': 50, '18-49': 300, '50-64': 80, '65+': 40 }, source: 'own', isDemo: false });
        expect((await c.get('/api/v1/units/03365.02')).json().population.total).toBe(150);

        const commune = (await c.get('/api/v1/units/03365')).json();
        const villages = await villagesOf(c, '03365');
        expect(commune.population.source).toBe('sum');
        expect(commune.population.total).toBe(villages.reduce((s, v) => s + v.population.total, 0));
        expect(await unit('03364.01')).toEqual(puLau);
      });

      it('writes an audit entry per updated unit with the file name', async () => {
        const admin = await t.login('admin');
        for (const [code, total] of [['03365.01', 570], ['03365.02', 150]] as const) {
          const audit = (await admin.get(`/api/v1/audit?entity=unit&entityId=${code}`)).json();
          expect(audit.items[0]).toMatchObject({ action: 'update', username: 'xa.natong', unitCode: code });
          expect(audit.items[0].changes.source).toBe('dan-so.xlsx');
          const after = audit.items[0].changes.population[1];
          expect(Object.values(after as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(total);
        }
        const none = (await admin.get('/api/v1/audit?entity=unit&entityId=03364.01')).json();
        expect(none.total).toBe(0);
      });

      it('refuses health staff, who may not edit populations', async () => {
        const c = await t.login('yte.natong');
        const res = await upload(c, 'dan-so.xlsx', await xlsx(POPULATION, rows.slice(0, 1)), { type: 'population' });
        expect(res.statusCode).toBe(403);
      });
    });

    describe('templates', () => {
      it.each([
        ['units', LONG, ['03365.01', 'Hát Tao', 'Bản', '03365']],
        ['population', POPULATION, ['03365.01', 120, 60, 310, 90, 45]],
      ] as const)('?type=%s is an XLSX with the expected headers and an example row', async (type, headers, example) => {
        const c = await t.login('xa.natong');
        const res = await c.get(`/api/v1/units/import/template.xlsx?type=${type}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(XLSX_TYPE);
        expect(res.headers['content-disposition']).toContain(`mau-nhap-${type}.xlsx`);
        const ws = await readXlsx(res.rawPayload);
        expect((ws.getRow(1).values as Cell[]).slice(1)).toEqual(headers);
        expect((ws.getRow(2).values as Cell[]).slice(1)).toEqual(example);
      });

      it('is a file the import itself accepts', async () => {
        const c = await t.login('xa.natong');
        const template = (await c.get('/api/v1/units/import/template.xlsx?type=population')).rawPayload;
        const res = await upload(c, 'mau.xlsx', template, { type: 'population' });
        expect(res.json()).toMatchObject({ applied: true, updated: 1, errors: [] });
        expect((await c.get('/api/v1/units/03365.01')).json().population.total).toBe(625);
      });
    });
  });
}
