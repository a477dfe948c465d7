import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { toast } from './ui';

const today = vnDate();
const HEADER = 'Họ và tên,Ngày sinh,Giới tính,Số CCCD/CMND,Điện thoại,Mã thôn/bản,Loại vắc xin,Mũi tiêm,Ngày tiêm,Lô,Nơi tiêm';
const FAMILY = ['Lò', 'Quàng', 'Cà', 'Lường', 'Vì', 'Tòng', 'Điêu', 'Hoàng'];
const GIVEN = ['Hoa', 'Ún', 'Sơn', 'Pâng', 'Xuân', 'Mai', 'Đạt', 'Thắm', 'Khánh', 'Phượng'];
const TWO_DOSES = 4000;
const ONE_DOSE = 1995;
const BAD_ROWS = [1001, 3002, 5003, 7004, 9005];

/** Person k of the registry file: an adult of Na Tông with a name of their own; one in ten without an ID number. */
function person(k: number) {
  const year = 1950 + (k % 50);
  const name = `${FAMILY[k % 8]} ${k % 2 ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(k / 8) % 10]} ${GIVEN[Math.floor(k / 80) % 10]} ${String.fromCharCode(65 + Math.floor(k / 800))}`;
  const id = k % 10 === 9 ? '' : `011${k % 2}${String(year % 100).padStart(2, '0')}${String(700000 + k).padStart(6, '0')}`;
  return { name, dob: `0${1 + (k % 9)}/0${1 + (k % 9)}/${year}`, sex: k % 2 ? 'Nữ' : 'Nam', id, village: k % 2 ? '03365.02' : '03365.01' };
}

/**
 * 10 000 rows: 4 000 people with two AstraZeneca doses, 1 995 with one Pfizer dose, and five bad
 * rows (unknown product, impossible date, unreadable dose, unknown village, dose 2 of nobody).
 */
function doseFile(): { csv: string; singleDose: ReturnType<typeof person>[] } {
  const good: string[] = [];
  const line = (p: ReturnType<typeof person>, product: string, dose: string, date: string) =>
    [p.name, p.dob, p.sex, p.id, '', p.village, product, dose, formatDate(date), 'NJ0342', 'Trạm Y tế xã Na Tông'].join(',');
  for (let k = 0; k < TWO_DOSES; k++) {
    const first = addDays('2021-09-01', k % 60);
    good.push(line(person(k), 'AstraZeneca', '1', first), line(person(k), 'AstraZeneca', '2', addDays(first, 35)));
  }
  const singleDose: ReturnType<typeof person>[] = [];
  for (let k = TWO_DOSES; k < TWO_DOSES + ONE_DOSE; k++) {
    singleDose.push(person(k));
    good.push(line(person(k), 'Pfizer', '1', '2021-11-10'));
  }
  const bad = [
    line(person(9001), 'Sinovac', '1', '2021-10-01'),
    line(person(9002), 'Pfizer', '1', '2021-10-01').replace('01/10/2021', '31/02/2021'),
    line(person(9003), 'Pfizer', 'bảy', '2021-10-01'),
    line(person(9004), 'Pfizer', '1', '2021-10-01').replace(',03365.01,', ',99999.99,'),
    line(person(9005), 'Pfizer', '2', '2021-10-01'),
  ];
  const rows: string[] = [];
  for (let row = 2, g = 0, b = 0; row <= 10_001; row++) rows.push(BAD_ROWS.includes(row) ? bad[b++] : good[g++]);
  return { csv: [HEADER, ...rows].join('\r\n') + '\r\n', singleDose };
}

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 200 });
const digits = async (l: Locator) => Number(((await l.textContent()) ?? '').replace(/\D/g, ''));

async function pickOption(page: Page, scope: Locator, text: string, search?: string) {
  await scope.click();
  if (search) await scope.locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => page.keyboard.press('Escape'));
}

describe.skipIf(!browserAvailable())('vaccination: target, dose import of 10 000 rows, coverage and the unvaccinated list', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-e2e-doses-'));
  const file = doseFile();
  const csvPath = path.join(dir, 'tiem-chung-na-tong.csv');
  fs.writeFileSync(csvPath, file.csv);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginAs(page, server.url, 'xa.natong');
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page.screenshot({ path: `/tmp/vaccination-import-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const adultsDose1 = () => page.locator('[data-testid=coverage-bar][data-group="18+"][data-measure=dose1]');
  let before = 0;

  it('sets a target for the commune', async () => {
    await page.getByTestId('nav-vaccination').click();
    await page.getByTestId('coverage-page').waitFor();
    await eventually(() => adultsDose1().count()).toBe(1);
    before = Number(await adultsDose1().getAttribute('data-numerator'));

    await page.getByTestId('vaccination-tab-targets').click();
    await page.getByTestId('targets-create').click();
    await pickOption(page, page.getByTestId('target-unit'), 'Na Tông', 'na tong');
    await page.locator('#target_deadline').fill(formatDate(addDays(today, 30)));
    await page.keyboard.press('Enter');
    await page.getByTestId('target-save').click();
    await toast(page, 'Đã lưu mục tiêu.');
    await eventually(() => page.getByTestId('target-row').count()).toBe(1);
  });

  it('imports 10 000 dose rows with a progress bar and shows the five bad rows by row number', async () => {
    await page.getByTestId('vaccination-tab-import').click();
    await page.getByTestId('dose-import-page').waitFor();
    expect(await page.getByTestId('dose-import-template').getAttribute('href')).toContain('/api/v1/vaccinations/import/template.xlsx');
    await pickOption(page, page.getByTestId('dose-import-unit'), 'Na Tông', 'na tong');
    await page.getByTestId('dose-import-page').locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('dose-import-page').getByText('tiem-chung-na-tong.csv').waitFor();
    await page.getByTestId('dose-import-submit').click();
    const progress = page.getByTestId('dose-import-progress');
    await progress.waitFor();
    await eventually(() => progress.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('dose-import-progress-text').textContent()).toBe('Đã xử lý 10.000 / 10.000 dòng');

    expect(await digits(page.getByTestId('dose-import-rows'))).toBe(10_000);
    expect(await digits(page.getByTestId('dose-import-created'))).toBe(TWO_DOSES + ONE_DOSE);
    expect(await digits(page.getByTestId('dose-import-dosesAdded'))).toBe(2 * TWO_DOSES + ONE_DOSE);
    expect(await digits(page.getByTestId('dose-import-errorCount'))).toBe(5);
    const errors = page.getByTestId('dose-import-error');
    expect(await errors.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), r.getAttribute('data-field')]))).toEqual([
      [1001, 'product'], [3002, 'date'], [5003, 'dose'], [7004, 'unitCode'], [9005, 'dose'],
    ]);
    expect(await errors.nth(0).textContent()).toContain('Sinovac');
    expect(await errors.nth(3).textContent()).toContain('Mã thôn/bản');
  });

  it('moves the coverage bar and the target gap by the people just imported', async () => {
    await page.getByTestId('vaccination-tab-coverage').click();
    await eventually(async () => Number(await adultsDose1().getAttribute('data-numerator'))).toBe(before + TWO_DOSES + ONE_DOSE);
    const line = page.getByTestId('coverage-group').filter({ has: adultsDose1() }).getByTestId('target-line');
    const denominator = Number(await adultsDose1().getAttribute('data-denominator'));
    await eventually(async () => Number(await line.getAttribute('data-gap'))).toBe(Math.max(0, denominator - (before + TWO_DOSES + ONE_DOSE)));
  });

  it('lists a village\'s people without a full course and exports them to Excel', async () => {
    await page.getByTestId('vaccination-tab-unvaccinated').click();
    await page.getByTestId('unvaccinated-page').waitFor();
    await pickOption(page, page.getByTestId('unvaccinated-unit'), 'Hát Tao', 'hat tao');
    await pickOption(page, page.getByTestId('unvaccinated-measure'), 'Đủ liều cơ bản');
    const inVillage = file.singleDose.filter((p) => p.village === '03365.01');
    await eventually(() => digits(page.getByTestId('unvaccinated-total'))).toBeGreaterThanOrEqual(inVillage.length);
    expect(await page.getByTestId('unvaccinated-row').first().textContent()).toBeTruthy();

    const href = await page.getByTestId('unvaccinated-export').getAttribute('href');
    expect(href).toContain('unit=03365.01');
    expect(href).toContain('measure=full');
    const res = await context.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const names = new Set<string>();
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => names.add(String(c.value))));
    for (const p of inVillage) expect(names.has(p.name), p.name).toBe(true);
    // People of the other village, and those with both doses, are not on the list.
    expect(names.has(file.singleDose.find((p) => p.village === '03365.02')!.name)).toBe(false);
    expect(names.has(person(0).name)).toBe(false);
  });
});
