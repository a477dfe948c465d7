import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { fieldError } from './ui';

const HAT_TAO = '03365.01';
const VILLAGE_2 = '03365.02';
const PIENG = { name: 'Lò Văn Piềng', dob: '12/04/1985', cccd: '011085004321', phone: '0912345678' };

// 10 × 5 × 20 distinct names, so the file itself holds no probable duplicates.
const FAMILY = ['Lò', 'Quàng', 'Cà', 'Lường', 'Tòng', 'Vì', 'Điêu', 'Hoàng', 'Nguyễn', 'Trần'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Chiến', 'Dung', 'Hạnh', 'Hoa', 'Khánh', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quang', 'Sơn', 'Thắng', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Tâm'];

/** Rows (0-based) made bad on purpose, with the Excel row number and field the import must report. */
const BAD = [
  { index: 99, row: 101, field: 'idNumber', message: 'Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).' },
  { index: 499, row: 501, field: 'dateOfBirth', message: 'Ngày sinh "31/02/1990" không đúng dạng dd/mm/yyyy hoặc không có thật.' },
  { index: 899, row: 901, field: 'unitCode', message: 'Mã thôn/bản "03364.01" không có trong phạm vi quản lý của bạn.' },
];

/** One resident per template column, keyed by the template's own header text. */
function resident(i: number): Record<string, string> {
  const year = 1940 + (i % 70);
  const male = i % 2 === 0;
  // A CCCD encodes province (011 = Điện Biên), century and sex, and the birth year; every tenth person has one.
  const century = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const cccd = i % 10 === 0 ? `011${century}${String(year).slice(2)}${String(100_000 + i)}` : '';
  return {
    'Họ và tên': `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 5]} ${GIVEN[Math.floor(i / 50) % 20]}`,
    'Ngày sinh (dd/mm/yyyy)': `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`,
    'Giới tính (Nam/Nữ)': male ? 'Nam' : 'Nữ',
    'Số CCCD/CMND': cccd,
    'Điện thoại': `09${20_000_000 + i}`,
    'Dân tộc': 'Thái',
    // Four people per household, each household in one village.
    'Mã thôn/bản': Math.floor(i / 4) % 2 === 0 ? HAT_TAO : VILLAGE_2,
    'Địa chỉ': `Nhà số ${i + 1}`,
    'Mã hộ': `H-${Math.floor(i / 4)}`,
    'Chủ hộ (x)': i % 4 === 0 ? 'x' : '',
    'Tình trạng cư trú': i % 9 === 0 ? 'Tạm trú' : 'Thường trú',
    'Từ ngày': i % 9 === 0 ? '01/07/2021' : '',
    'Bệnh nền (x)': i % 7 === 0 ? 'x' : '',
  };
}

/** The downloaded template, its sample rows replaced by 1 000 residents, three of them wrong. */
async function residentsFile(templatePath: string): Promise<{ file: string; headers: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  for (let i = 0; i < 1000; i++) {
    const r = resident(i);
    if (i === BAD[0].index) r['Số CCCD/CMND'] = '12345';
    if (i === BAD[1].index) r['Ngày sinh (dd/mm/yyyy)'] = '31/02/1990';
    if (i === BAD[2].index) r['Mã thôn/bản'] = '03364.01';
    // Written over the template's two sample rows, then below them.
    ws.getRow(i + 2).values = headers.map((h) => r[h] ?? '');
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-people-')), 'dan-cu-1000.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, headers };
}

const drawer = (page: Page) => page.getByTestId('person-form');

async function pickUnit(page: Page, inputId: string, search: string, code: string) {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${code})` }).first().click();
}

async function fillPerson(page: Page, p: { name: string; dob: string; cccd?: string; phone?: string }) {
  const form = drawer(page);
  await form.getByTestId('person-fullname').fill(p.name);
  await page.locator('#person_dateOfBirth').fill(p.dob);
  await page.locator('#person_dateOfBirth').press('Enter');
  await form.getByText('Nam', { exact: true }).click();
  if (p.cccd) await form.getByTestId('person-id-number').fill(p.cccd);
  if (p.phone) await form.getByTestId('person-phone').fill(p.phone);
  await pickUnit(page, 'person_unitCode', 'hat tao', HAT_TAO);
}

async function search(page: Page, q: string) {
  await page.getByTestId('people-search').fill(q);
  await page.waitForURL((u) => u.searchParams.get('q') === q);
}

const rowsOf = (page: Page) => page.getByTestId('person-row');
// A reload boots the whole app before the list answers: wait longer than expect.poll's default second.
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe.skipIf(!browserAvailable())('people registry in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let piengId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'xa.natong');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a person through the form after showing the server’s Vietnamese error under the ID field for a bad CCCD', async () => {
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-page').waitFor();
    await page.getByTestId('person-create-button').click();
    await fillPerson(page, { ...PIENG, cccd: '099185004321' });
    await page.getByTestId('person-save').click();

    await eventually(() => fieldError(page, 'person_idNumber').textContent()).toBe('Ba chữ số đầu của CCCD (099) không phải mã tỉnh/thành phố.');
    expect(await page.getByText('Chưa có người dân nào khớp với bộ lọc.').count()).toBe(1);

    await drawer(page).getByTestId('person-id-number').fill(PIENG.cccd);
    await page.getByTestId('person-save').click();
    await page.locator('.ant-message', { hasText: `Đã thêm hồ sơ ${PIENG.name}.` }).waitFor();
    await drawer(page).waitFor({ state: 'hidden' });

    await eventually(() => page.getByTestId('people-total').textContent()).toBe('Tổng số 1 bản ghi');
    const row = rowsOf(page).first();
    expect(await row.getByTestId('person-name').textContent()).toBe(PIENG.name);
    expect(await row.getByTestId('person-birth').textContent()).toBe(PIENG.dob);
    expect(await row.getByTestId('person-id-number').textContent()).toBe(PIENG.cccd);
    expect(await row.getByTestId('person-status').textContent()).toBe('Thường trú');
  });

  it('finds the person by a search without diacritics, and exports exactly that filtered list', async () => {
    await search(page, 'lo van pieng');
    await eventually(() => rowsOf(page).count()).toBe(1);
    expect(await rowsOf(page).getByTestId('person-name').textContent()).toBe(PIENG.name);
    await search(page, 'khong co ai ten nay');
    await eventually(() => rowsOf(page).count()).toBe(0);
    await search(page, 'lo van pieng');
    await eventually(() => rowsOf(page).count()).toBe(1);

    const href = await page.getByTestId('people-export').getAttribute('href');
    expect(href).toBe('/api/v1/people/export.xlsx?q=lo+van+pieng');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect([2, 3, 6].map((c) => ws.getRow(2).getCell(c).value)).toEqual([PIENG.name, PIENG.dob, PIENG.cccd]);
  });

  it('imports 1 000 residents from a file built on the downloaded template: 997 imported, the 3 bad rows reported by row number', async () => {
    await page.getByTestId('people-filter-reset').click();
    await page.getByTestId('people-import-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('people-import-template').click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-dan-cu.xlsx');
    const { file, headers } = await residentsFile((await download.path())!);
    expect(headers.slice(0, 2)).toEqual(['Họ và tên', 'Ngày sinh (dd/mm/yyyy)']);
    expect(headers).toContain('Mã thôn/bản');

    const dialog = page.getByTestId('people-import-dialog');
    await dialog.getByText('Chỉ dòng hợp lệ', { exact: false }).click();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('dan-cu-1000.xlsx').waitFor();
    const started = Date.now();
    await page.getByTestId('people-import-submit').click();

    await page.getByTestId('people-import-progress').waitFor();
    await page.getByTestId('people-import-result').waitFor({ timeout: 60_000 });
    console.log(`import of 1 000 rows shown as done after ${Date.now() - started} ms`);
    expect(await page.getByTestId('people-import-progress').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('people-import-progress-text').textContent()).toBe('Đã xử lý 1.000/1.000 dòng');
    expect(await page.locator('[data-testid=people-import-progress] [role=progressbar]').getAttribute('aria-valuenow')).toBe('100');

    const stat = (id: string) => page.locator(`[data-testid=${id}] .ant-statistic-content-value`).textContent();
    expect(await stat('people-import-created')).toBe('997');
    expect(await stat('people-import-error-count')).toBe('3');
    expect(await stat('people-import-duplicates')).toBe('0');
    expect(await stat('people-import-households')).toBe('250');
    expect(await page.getByTestId('people-import-applied').textContent()).toBe('Đã nhập 997 người dân.');

    const errors = page.getByTestId('people-import-error');
    expect(await errors.count()).toBe(3);
    const reported = await errors.evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(reported).toEqual([
      ['101', 'Số CCCD/CMND', BAD[0].message],
      ['501', 'Ngày sinh', BAD[1].message],
      ['901', 'Thôn/bản', BAD[2].message],
    ]);
    expect(await errors.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(BAD.map((b) => b.field));

    await page.locator('.ant-modal-footer').getByText('Đóng').click();
    await eventually(() => page.getByTestId('people-total').textContent()).toBe('Tổng số 998 bản ghi');
    // One imported row, found again through the list: the date and status came through as written.
    await search(page, 'quang duc chien');
    await eventually(() => rowsOf(page).count()).toBe(1);
    expect(await rowsOf(page).getByTestId('person-name').textContent()).toBe('Quàng Đức Chiến');
    expect(await rowsOf(page).getByTestId('person-birth').textContent()).toBe(resident(121)['Ngày sinh (dd/mm/yyyy)']);
    expect(await rowsOf(page).getByTestId('person-phone').textContent()).toBe('0920000121');
  });

  it('flags a second record of the same person and merges the pair, keeping the record chosen and the other’s phone', async () => {
    await page.getByTestId('person-create-button').click();
    await fillPerson(page, { name: 'lò văn piềng', dob: PIENG.dob, phone: '0912 345 678' });
    await page.getByTestId('person-save').click();
    const warning = page.locator('.ant-notification-notice', { hasText: 'Có thể trùng hồ sơ' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Hồ sơ Lò Văn Piềng vừa thêm có thể trùng với 1 hồ sơ khác');
    await warning.locator('.ant-notification-notice-close').click();

    await page.getByTestId('people-tab-duplicates').click();
    await page.getByTestId('duplicates-page').waitFor();
    const pair = page.getByTestId('duplicate-row');
    await eventually(() => pair.count()).toBe(1);
    const [newId, oldId] = [await pair.getAttribute('data-first'), await pair.getAttribute('data-second')];
    expect(Number(newId)).toBeGreaterThan(Number(oldId));
    expect(await pair.locator('a', { hasText: PIENG.name }).count()).toBe(2);

    await pair.getByTestId('duplicate-merge').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.locator('.ant-card').first().waitFor();
    expect(await dialog.locator('.ant-card').count()).toBe(2);
    await dialog.locator(`label:has([data-id="${oldId}"])`).click();
    await page.getByTestId('merge-submit').click();
    await page.locator('.ant-message', { hasText: `Đã gộp vào hồ sơ ${PIENG.name} (mã ${oldId}).` }).waitFor();
    await page.getByText('Không có cặp hồ sơ nghi trùng nào cần xử lý.').waitFor();

    await page.goto(`${server.url}/people/${oldId}`);
    await page.getByTestId('person-detail').waitFor();
    expect(await page.getByTestId('person-field-idNumber').textContent()).toBe(PIENG.cccd);
    expect(await page.getByTestId('person-field-phone').textContent()).toBe(PIENG.phone);
    expect(await page.getByText('Không có hồ sơ nào nghi trùng với người này.').count()).toBe(1);
    await page.goto(`${server.url}/people/${newId}`);
    await page.getByTestId('person-not-found').waitFor();

    await page.goto(`${server.url}/people?q=lo+van+pieng`);
    await eventually(() => rowsOf(page).count()).toBe(1);
    expect(await rowsOf(page).first().getAttribute('data-id')).toBe(oldId);
    piengId = oldId!;
  });

  it('keeps the form open on a stale edit, says so in Vietnamese and saves once the latest record is reloaded', async () => {
    await page.goto(`${server.url}/people/${piengId}`);
    await page.getByTestId('person-edit-button').click();
    await drawer(page).waitFor();
    // Someone else saves the same record meanwhile.
    const status = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('pcd_csrf='))!.split('=')[1]);
      const current = await (await fetch(`/api/v1/people/${id}`)).json();
      const res = await fetch(`/api/v1/people/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ version: current.version, occupation: 'Làm nương' }) });
      return res.status;
    }, piengId);
    expect(status).toBe(200);

    await drawer(page).getByTestId('person-phone').fill('0977 000 111');
    await page.getByTestId('person-save').click();
    const conflict = page.getByTestId('person-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Hồ sơ vừa được người khác sửa');
    await page.getByTestId('person-conflict-reload').click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.locator('#person_occupation').inputValue()).toBe('Làm nương');
    expect(await page.locator('#person_phone').inputValue()).toBe(PIENG.phone);

    await drawer(page).getByTestId('person-phone').fill('0977 000 111');
    await page.getByTestId('person-save').click();
    await drawer(page).waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('person-field-phone').textContent()).toBe('0977000111');
    expect(await page.getByTestId('person-field-occupation').textContent()).toBe('Làm nương');
  });

  it('shows a community team member only the people of their village, and an observer no personal data at all', async () => {
    const team = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    const teamPage = await team.newPage();
    await loginAs(teamPage, server.url, 'to.hattao');
    await teamPage.getByTestId('nav-people').click();
    await teamPage.getByTestId('people-team-scope').waitFor();
    // The 497 residents of Hát Tao imported (its 3 bad rows were not) and Lò Văn Piềng; the other village's 500 stay hidden.
    await eventually(() => teamPage.getByTestId('people-total').textContent()).toBe('Tổng số 498 bản ghi');
    await team.close();

    const observer = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    const obsPage = await observer.newPage();
    await loginAs(obsPage, server.url, 'theodoi.dienbien');
    await obsPage.getByTestId('side-menu').waitFor();
    expect(await obsPage.getByTestId('nav-people').count()).toBe(0);
    await obsPage.goto(`${server.url}/people`);
    await obsPage.getByTestId('people-no-access').waitFor();
    expect(await obsPage.getByTestId('people-no-access').textContent()).toContain('Không xem được dữ liệu cá nhân');
    await observer.close();
  });
});
