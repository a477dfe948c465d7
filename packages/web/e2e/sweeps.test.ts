import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';

const HAT_TAO = '03365.01';
const SWEEP_NAME = 'Rà soát người về từ vùng dịch — Bản Hát Tao';
/** Four households of Bản Hát Tao; the first has a second member to mark absent. */
const HOUSEHOLDS = [
  { code: 'H1', head: 'Lò Văn Pọm', birthYear: 1962, others: ['Lò Thị Ún'] },
  { code: 'H2', head: 'Quàng Văn Khiêm', birthYear: 1970, others: [] },
  { code: 'H3', head: 'Cà Văn Đông', birthYear: 1981, others: [] },
  { code: 'H4', head: 'Tòng Thị Xôm', birthYear: 1975, others: [] },
];
const ARRIVAL = { name: 'Lò Thị Về', birthYear: '1998', badId: '12345', id: '079198001234' };

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */
function apiOf(context: BrowserContext, baseUrl: string) {
  const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pcd_csrf')?.value ?? '';
    const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  return { get: (p: string) => call('GET', p), post: (p: string, d: unknown) => call('POST', p, d), patch: (p: string, d: unknown) => call('PATCH', p, d) };
}

const message = (page: Page, text: string) => page.locator('.ant-message', { hasText: text }).waitFor();
const cards = (page: Page) => page.getByTestId('sweep-household-row');
const popconfirmOk = (page: Page, testId: string) => page.getByTestId(testId).click();

describe.skipIf(!browserAvailable())('door-to-door sweep in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let sweepId: number;
  const householdIds: number[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await staff.newPage();
    await loginAs(page, server.url, 'xa.natong');
    // The demo has population counts but no households: the commune registers four in Bản Hát Tao.
    const api = apiOf(staff, server.url);
    for (const h of HOUSEHOLDS) {
      const head = await api.post('/people', { fullName: h.head, birthYear: h.birthYear, unitCode: HAT_TAO });
      const household = await api.post('/households', { unitCode: HAT_TAO, code: h.code, address: `Nhà số ${h.code.slice(1)}, Bản Hát Tao`, headPersonId: head.id });
      for (const name of h.others) await api.post('/people', { fullName: name, birthYear: 1990, unitCode: HAT_TAO, householdId: household.id });
      householdIds.push(household.id);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('command staff plans a sweep over Bản Hát Tao, gives its households to the village’s team member and starts it', async () => {
    await page.getByTestId('nav-sweeps').click();
    await page.getByTestId('sweeps-page').waitFor();
    await page.getByText('Chưa có đợt rà soát nào.').waitFor();
    await page.getByTestId('sweep-create-button').click();
    const form = page.getByTestId('sweep-form');
    await form.getByTestId('sweep-form-name').fill(SWEEP_NAME);
    // A commune official's own commune is filled in; its villages are offered to tick.
    await form.getByText('Na Tông').first().waitFor();
    await form.getByTestId('sweep-form-villages').getByText('Bản Hát Tao').click();
    await page.getByTestId('sweep-form-submit').click();
    await message(page, `Đã lập đợt rà soát «${SWEEP_NAME}» với 4 hộ.`);
    await page.getByTestId('sweep-detail').waitFor();
    sweepId = Number(new URL(page.url()).pathname.split('/')[2]);
    expect(sweepId).toBeGreaterThan(0);
    expect(await page.getByTestId('sweep-title').textContent()).toBe(SWEEP_NAME);
    expect(await page.getByTestId('sweep-status').textContent()).toBe('Đã lên kế hoạch');
    const villages = page.getByTestId('sweep-village-row');
    expect(await villages.count()).toBe(1);
    expect(await villages.first().getAttribute('data-id')).toBe(HAT_TAO);

    await page.getByTestId('sweep-tab-assign').click();
    const member = page.getByTestId('sweep-assign-member');
    await expect.poll(() => member.count()).toBeGreaterThan(1);
    // The team member covering Bản Hát Tao is ticked for the split; staff of the commune are offered unticked.
    const ticked = await page.locator('[data-testid=sweep-assign-members] .ant-checkbox-wrapper-checked [data-testid=sweep-assign-member-name]').allTextContents();
    expect(ticked).toEqual(['Lường Văn Sơn']);
    expect(await page.getByTestId('sweep-assign-member-name').allTextContents()).toEqual(['Lường Văn Sơn', 'Cà Thị Mai', 'Lò Thị Hoa']);
    await page.getByTestId('sweep-assign-split').click();
    await message(page, 'Đã chia 4 hộ chưa rà soát cho 1 người.');
    const split = page.locator('[data-testid=sweep-assign] [data-testid=sweep-member-row]');
    await expect.poll(() => split.count()).toBe(1);
    expect(await split.textContent()).toContain('Lường Văn Sơn');

    await page.getByTestId('sweep-tab-households').click();
    await expect.poll(() => page.getByTestId('sweep-households-total').textContent()).toBe('Tổng số 4 bản ghi');
    expect(await page.getByTestId('sweep-household-member').allTextContents()).toEqual(Array(4).fill('Lường Văn Sơn'));

    await page.getByTestId('sweep-start').click();
    await popconfirmOk(page, 'sweep-start-confirm');
    await message(page, 'Đã bắt đầu đợt rà soát.');
    await expect.poll(() => page.getByTestId('sweep-status').textContent()).toBe('Đang rà soát');
  });

  it('the team member, on a phone, sees only their households and records two visits, one finding a new arrival', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const m = await phone.newPage();
    await loginAs(m, server.url, 'to.hattao');
    await m.getByTestId('side-menu').waitFor();
    expect(await m.getByTestId('nav-sweeps').count()).toBe(1);
    await m.goto(`${server.url}/sweeps`);
    await m.getByTestId('sweeps-scope').waitFor();
    await m.getByTestId('sweep-name').click();
    await m.getByTestId('sweep-detail').waitFor();
    expect(await m.getByTestId('sweep-detail').getAttribute('data-access')).toBe('member');
    // Their households first, as cards; no assignment or cross-check for a team member.
    await expect.poll(() => cards(m).count()).toBe(4);
    expect(await m.getByTestId('sweep-tab-assign').count()).toBe(0);
    expect(await m.getByTestId('sweep-tab-cross-check').count()).toBe(0);
    expect(await m.getByTestId('sweep-start').count()).toBe(0);
    expect(await cards(m).getByTestId('sweep-household-name').allTextContents()).toEqual(HOUSEHOLDS.map((h) => `${h.code} · ${h.head}`));

    // First house: the head is home, his daughter is away.
    await cards(m).first().getByTestId('sweep-household-visit').click();
    await m.getByTestId('visit-page').waitFor();
    const people = m.getByTestId('visit-person');
    await expect.poll(() => people.count()).toBe(2);
    await m.getByTestId('visit-outcome').getByText('Gặp được người trong hộ').click();
    await people.filter({ hasText: 'Lò Văn Pọm' }).getByText('Có mặt').click();
    await people.filter({ hasText: 'Lò Thị Ún' }).getByText('Vắng mặt').click();
    await m.getByTestId('visit-note').fill('Con gái đi làm ở Khu công nghiệp, chưa về.');
    await m.getByTestId('visit-submit').click();
    await message(m, 'Đã ghi lượt đến hộ H1 · Lò Văn Pọm.');
    await expect.poll(() => cards(m).count()).toBe(3);

    // Second house: a daughter just back from Hồ Chí Minh City, with a cough.
    await cards(m).first().getByTestId('sweep-household-visit').click();
    await m.getByTestId('visit-page').waitFor();
    expect(await m.getByTestId('visit-household').textContent()).toContain('H2 · Quàng Văn Khiêm');
    await m.getByTestId('visit-outcome').getByText('Gặp được người trong hộ').click();
    await m.getByTestId('visit-all-present').click();
    await m.getByTestId('visit-add-arrival').click();
    const arrival = m.getByTestId('visit-arrival');
    await arrival.getByTestId('visit-arrival-name').fill(ARRIVAL.name);
    await arrival.getByTestId('visit-arrival-birth-year').fill(ARRIVAL.birthYear);
    await arrival.getByText('Nữ', { exact: true }).click();
    await arrival.getByTestId('visit-arrival-id').fill(ARRIVAL.badId);
    await arrival.locator('[data-testid=visit-arrival-origin-province]').click();
    await m.keyboard.type('ho chi minh');
    await m.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Hồ Chí Minh' }).first().click();
    await m.getByTestId('visit-symptoms').getByText('Ho', { exact: true }).click();
    await m.getByTestId('visit-follow-up').click();
    // Nothing on the form is wider than the phone.
    expect(await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await m.getByTestId('visit-submit').click();
    const idError = m.locator('.ant-form-item:has([data-testid=visit-arrival-id]) .ant-form-item-explain-error');
    await expect.poll(() => idError.textContent()).toBe('Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).');
    expect(await cards(m).count()).toBe(0);
    await arrival.getByTestId('visit-arrival-id').fill(ARRIVAL.id);
    await m.getByTestId('visit-submit').click();
    await message(m, 'Đã ghi lượt đến hộ H2 · Quàng Văn Khiêm.');
    await expect.poll(() => cards(m).count()).toBe(2);
    expect(await cards(m).getByTestId('sweep-household-name').allTextContents()).toEqual(['H3 · Cà Văn Đông', 'H4 · Tòng Thị Xôm']);

    await m.getByTestId('sweep-tab-progress').click();
    const mine = m.getByTestId('sweep-member-row');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toContain('Lường Văn Sơn');
    expect(await mine.getByTestId('sweep-progress-bar').getAttribute('data-visited')).toBe('2');
    await phone.close();
  });

  it('command staff sees 2 of 4 households done, per village and per member, the unvisited list down to 2, the new arrival in the cross-check', async () => {
    await page.goto(`${server.url}/sweeps/${sweepId}`);
    await page.getByTestId('sweep-detail').waitFor();
    await expect.poll(() => page.locator('[data-testid=sweep-visited] .ant-statistic-content').textContent()).toBe('2/ 4');
    const bar = (row: string, id: string) => page.locator(`[data-testid=${row}][data-id="${id}"] [data-testid=sweep-progress-bar]`);
    const counts = async (row: string, id: string) => [await bar(row, id).getAttribute('data-visited'), await bar(row, id).getAttribute('data-total')];
    expect(await counts('sweep-village-row', HAT_TAO)).toEqual(['2', '4']);
    const memberId = (await apiOf(staff, server.url).get(`/sweeps/${sweepId}`)).members[0].userId;
    expect(await counts('sweep-member-row', String(memberId))).toEqual(['2', '4']);
    expect(await page.locator(`[data-testid=sweep-member-row][data-id="${memberId}"]`).textContent()).toContain('Lường Văn Sơn');

    await page.getByTestId('sweep-tab-households').click();
    await expect.poll(() => page.getByTestId('sweep-households-total').textContent()).toBe('Tổng số 2 bản ghi');
    expect(await page.getByTestId('sweep-household-name').allTextContents()).toEqual(['H3 · Cà Văn Đông', 'H4 · Tòng Thị Xôm']);
    // Filtered to the member, the list and its export stay the same two households.
    await page.getByTestId('sweep-households-filter-member').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Lường Văn Sơn' }).click();
    const href = `/api/v1/sweeps/${sweepId}/households/export.xlsx?status=unvisited&member=${memberId}`;
    await expect.poll(() => page.getByTestId('sweep-households-export').getAttribute('href')).toBe(href);
    await expect.poll(() => page.getByTestId('sweep-household-name').allTextContents()).toEqual(['H3 · Cà Văn Đông', 'H4 · Tòng Thị Xôm']);
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(3);
    expect([ws.getRow(2).getCell(3).value, ws.getRow(3).getCell(3).value]).toEqual(['Cà Văn Đông', 'Tòng Thị Xôm']);

    await page.getByTestId('sweep-tab-visits').click();
    await expect.poll(() => page.getByTestId('sweep-visit-row').count()).toBe(2);
    expect(await page.getByTestId('sweep-visit-arrival').textContent()).toContain(ARRIVAL.name);
    expect(await page.getByTestId('sweep-visit-arrival').textContent()).toContain('Thành phố Hồ Chí Minh');

    await page.getByTestId('sweep-tab-cross-check').click();
    await page.getByTestId('sweep-cross-check').waitFor();
    await expect.poll(() => page.getByTestId('sweep-only-found-row').count()).toBe(1);
    expect(await page.getByTestId('sweep-only-found-row').textContent()).toContain(ARRIVAL.name);
    expect(await page.getByTestId('sweep-only-declared-row').count()).toBe(0);
  });

  it('closing with a version someone else has moved on gets a plain Vietnamese explanation, then works on the fresh one', async () => {
    const api = apiOf(staff, server.url);
    const current = await api.get(`/sweeps/${sweepId}`);
    await api.patch(`/sweeps/${sweepId}`, { version: current.version, note: 'Đội 2 hỗ trợ thêm từ ngày mai' });
    await page.getByTestId('sweep-close').click();
    await popconfirmOk(page, 'sweep-close-confirm');
    await message(page, 'Đợt rà soát vừa được người khác thay đổi');
    expect(await page.getByTestId('sweep-status').textContent()).toBe('Đang rà soát');
    await page.getByText('Đội 2 hỗ trợ thêm từ ngày mai').waitFor();
    await page.getByTestId('sweep-close').click();
    await popconfirmOk(page, 'sweep-close-confirm');
    await message(page, 'Đã kết thúc đợt rà soát.');
    await expect.poll(() => page.getByTestId('sweep-status').textContent()).toBe('Đã kết thúc');
  });

  it('an observer follows the counts without any name, and nothing they cannot use is offered', async () => {
    const observer = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    const o = await observer.newPage();
    await loginAs(o, server.url, 'theodoi.dienbien');
    await o.getByTestId('nav-sweeps').click();
    await o.getByTestId('sweep-row').waitFor();
    expect(await o.getByTestId('sweep-create-button').count()).toBe(0);
    expect(await o.getByTestId('sweep-progress').getAttribute('data-visited')).toBe('2');
    await o.getByTestId('sweep-name').click();
    await o.getByTestId('sweep-counts-only').waitFor();
    expect(await o.locator('[data-testid^=sweep-tab-]').allTextContents()).toEqual(['Tiến độ']);
    expect(await o.getByTestId('sweep-member-row').first().textContent()).toContain('Thành viên 1');
    expect(await o.getByTestId('sweep-detail').textContent()).not.toContain('Lường Văn Sơn');
    await observer.close();
  });
});
