import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { fieldError } from './ui';

const today = vnDate();
const ZONE_FROM = addDays(today, -30);
const POINT = {
  name: 'Điểm khai báo y tế đầu bản Hát Tao',
  location: 'Đầu bản Hát Tao, xã Na Tông',
  staff: 'Lò Văn Sơn (0912 345 001)',
};
const TAM = { name: 'Lò Văn Tâm', year: '1995', phone: '0912 000 111', address: 'Nhà bố mẹ, bản Hát Tao' };
const RECEIPT = /^KB-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

// A reload boots the whole app before the list answers: wait longer than expect.poll's default second.
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

/**
 * Picks an option of an Ant Design select by its exact label, typing first when the select searches,
 * and waits until the select shows it. On a busy machine a list can close again during its opening
 * animation, or a click land before it is ready: then it is opened and picked again.
 */
async function choose(page: Page, testId: string, label: string, search?: string) {
  const select = page.getByTestId(testId);
  const shown = select.locator(`.ant-select-content[title="${label}"]`);
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  for (let attempt = 0; attempt < 4 && !(await shown.count()); attempt++) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    if (search) await select.locator('input').fill(search);
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    await shown.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  expect(await shown.count(), `${testId} shows ${label}`).toBe(1);
}

async function pickUnit(page: Page, inputId: string, search: string, code: string) {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${code})` }).first().click();
}

describe.skipIf(!browserAvailable())('arrivals, epidemic zones and checkpoints in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let district: Page;
  let commune: Page;
  let qrUrl = '';
  let receiptCode = '';

  async function staffPage(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    district = await staffPage('huyen.dienbien');
    commune = await staffPage('xa.natong');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a district command user declare Hồ Chí Minh City an epidemic zone, picked province by province', async () => {
    await district.getByTestId('nav-arrivals').click();
    await district.getByTestId('arrivals-tab-zones').click();
    await district.getByTestId('zones-page').waitFor();
    await district.getByTestId('zone-create').click();
    await choose(district, 'zone-origin-province', 'Thành phố Hồ Chí Minh', 'ho chi minh');
    await district.locator('#zone_fromDate').fill(formatDate(ZONE_FROM));
    await district.locator('#zone_fromDate').press('Enter');
    await district.getByTestId('zone-note').fill('Theo Thông báo số 01-TB/BCĐ');
    await district.getByTestId('zone-save').click();
    await district.locator('.ant-message', { hasText: 'Đã công bố vùng dịch Thành phố Hồ Chí Minh.' }).waitFor();

    const row = district.getByTestId('zone-row').first();
    await eventually(() => row.getByTestId('zone-name').textContent()).toBe('Thành phố Hồ Chí Minh');
    expect(await row.getByTestId('zone-from-date').textContent()).toBe(formatDate(ZONE_FROM));
    expect(await row.getByTestId('zone-to-date').textContent()).toBe('Chưa kết thúc');
    expect(await row.getByTestId('zone-status').textContent()).toBe('Đang là vùng dịch');
    // The commune sees the district's list but may not declare zones.
    await commune.goto(`${server.url}/arrivals/zones`);
    await eventually(() => commune.getByTestId('zone-name').first().textContent()).toBe('Thành phố Hồ Chí Minh');
    expect(await commune.getByTestId('zone-create').count()).toBe(0);
  });

  it('lets a commune command user create a declaration point and open its printable QR code', async () => {
    await commune.getByTestId('nav-checkpoints').click();
    await commune.getByTestId('checkpoint-create').click();
    await commune.getByTestId('checkpoint-name-input').fill(POINT.name);
    await pickUnit(commune, 'checkpoint_unitCode', 'hat tao', '03365.01');
    await commune.getByTestId('checkpoint-location').fill(POINT.location);
    await commune.getByTestId('checkpoint-staff').fill(POINT.staff);
    await commune.getByTestId('checkpoint-save').click();
    await commune.getByTestId('checkpoint-page').waitFor();
    expect(await text(commune, 'checkpoint-title')).toBe(POINT.name);
    expect(await text(commune, 'checkpoint-status')).toBe('Đang hoạt động');

    await commune.getByTestId('checkpoint-qr').click();
    const image = commune.getByTestId('qr-image');
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    await eventually(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await text(commune, 'qr-name')).toBe(POINT.name);
    expect(await text(commune, 'qr-instruction')).toBe('Quét mã để khai báo y tế');
    // The address under the code is the one the QR code itself encodes (from the server).
    qrUrl = (await text(commune, 'qr-url'))!;
    expect(qrUrl).toMatch(new RegExp(`^${server.url}/khai-bao/[\\w-]{16}$`));
    expect(await commune.getByTestId('side-menu').count()).toBe(0);
  });

  it('takes a declaration on a phone without logging in, with the server’s field error in place, and gives a receipt code', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    });
    contexts.push(context);
    const phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    await phone.goto(qrUrl);
    await eventually(() => text(phone, 'decl-point-name')).toBe(POINT.name);
    expect(new URL(phone.url()).pathname).toBe(new URL(qrUrl).pathname);

    // English is one switch away; the dates stay dd/mm/yyyy.
    await choose(phone, 'language-switch', 'English');
    expect(await text(phone, 'decl-submit')).toBe('Send the declaration');
    await choose(phone, 'language-switch', 'Tiếng Việt');
    expect(await text(phone, 'decl-submit')).toBe('Gửi tờ khai');

    await phone.getByTestId('decl-fullname').fill(TAM.name);
    await phone.locator('#declaration_birthYear').fill(TAM.year);
    await phone.getByTestId('decl-phone').fill('12345');
    await choose(phone, 'decl-origin-province', 'Thành phố Hồ Chí Minh', 'ho chi minh');
    await choose(phone, 'decl-origin-district', 'Quận 1', 'quan 1');
    await choose(phone, 'decl-origin-commune', 'Phường Tân Định', 'tan dinh');
    expect(await phone.locator('[data-testid=decl-arrival-date] .ant-select-content').textContent())
      .toBe(`${formatDate(today)} (hôm nay)`);
    await choose(phone, 'decl-transport', 'Xe khách');
    // Opened from the point's QR code, the villages of its commune are offered before anything is typed.
    await phone.getByTestId('decl-destination').click();
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Hát Tao' }).first().click();
    await phone.getByTestId('decl-address').fill(TAM.address);
    await phone.getByTestId('decl-symptom-cough').click();
    await phone.getByTestId('decl-doses').getByText('2', { exact: true }).click();

    await phone.getByTestId('decl-submit').click();
    await eventually(() => fieldError(phone, 'declaration_phone').textContent()).toBe('Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).');
    expect(await phone.getByTestId('decl-receipt').count()).toBe(0);

    await phone.getByTestId('decl-phone').fill(TAM.phone);
    await phone.getByTestId('decl-submit').click();
    await phone.getByTestId('decl-receipt').waitFor();
    receiptCode = (await text(phone, 'decl-receipt-code'))!;
    expect(receiptCode).toMatch(RECEIPT);
    expect(await text(phone, 'decl-receipt-name')).toBe(TAM.name);
    expect(await text(phone, 'decl-receipt-arrival')).toBe(`Ngày đến: ${formatDate(today)}`);
    expect(new URL(phone.url()).pathname).toBe(new URL(qrUrl).pathname);
  });

  it('puts the follow-up on the commune’s work list with its test days, and records the first test', async () => {
    await commune.goto(`${server.url}/checkpoints`);
    await commune.getByTestId('nav-arrivals').click();
    await commune.getByTestId('work-page').waitFor();
    const row = commune.getByTestId('obligation-row').filter({ hasText: TAM.name });
    await eventually(() => row.count()).toBe(1);
    expect(await row.getByTestId('obligation-receipt').textContent()).toBe(receiptCode);
    expect(await row.getByTestId('obligation-phone').textContent()).toBe('0912000111');
    expect(await row.getByTestId('obligation-arrival').textContent()).toBe(formatDate(today));
    expect(await row.getByTestId('obligation-rule').textContent()).toBe('Cách ly tại nhà 7 ngày; xét nghiệm ngày 1, 7');
    expect(await row.getByTestId('obligation-end').textContent()).toBe(`đến hết ${formatDate(addDays(today, 6))}`);
    expect(await row.getByTestId('obligation-test').allTextContents()).toEqual([
      `Ngày 1 · ${formatDate(today)}`,
      `Ngày 7 · ${formatDate(addDays(today, 6))}`,
    ]);
    expect(await row.getByTestId('obligation-due').textContent()).toBe('Hôm nay: xét nghiệm ngày 1');
    expect(await row.getByTestId('obligation-state').textContent()).toBe('Đến hạn hôm nay');

    await row.getByTestId('obligation-test-button').click();
    const modal = commune.getByTestId('test-done-form');
    await modal.waitFor();
    expect(await commune.locator('#testDone_doneOn').inputValue()).toBe(formatDate(today));
    await modal.getByText('Âm tính', { exact: true }).click();
    await commune.getByTestId('test-done-save').click();
    await commune.locator('.ant-message', { hasText: `Đã ghi xét nghiệm của ${TAM.name}.` }).waitFor();

    // Nothing is due today any more: it moves to the upcoming tab, day 1 marked done.
    await eventually(() => row.count()).toBe(0);
    await commune.getByTestId('work-tab-upcoming').click();
    const upcoming = commune.getByTestId('obligation-row').filter({ hasText: TAM.name });
    await eventually(() => upcoming.getByTestId('obligation-test').first().textContent()).toBe(`Ngày 1 · ${formatDate(today)} ✓ Âm tính`);
    expect(await upcoming.getByTestId('obligation-state').textContent()).toBe('Chưa đến hạn');
    expect(await upcoming.getByTestId('obligation-due').textContent()).toBe(`Tiếp theo: ${formatDate(addDays(today, 6))}`);

    // The declaration itself is on the declarations tab, marked as coming from the zone.
    await commune.getByTestId('arrivals-tab-declarations').click();
    const declaration = commune.getByTestId('declaration-row').filter({ hasText: receiptCode });
    await eventually(() => declaration.count()).toBe(1);
    expect(await declaration.getByTestId('declaration-from').textContent()).toBe('Phường Tân Định, Quận 1, Thành phố Hồ Chí Minh');
    expect(await declaration.getByTestId('declaration-zone').textContent()).toBe('Vùng dịch');
  });

  it('answers a stale follow-up action with a clear message instead of overwriting', async () => {
    await commune.getByTestId('arrivals-tab-work').click();
    await commune.getByTestId('work-tab-open').click();
    const row = commune.getByTestId('obligation-row').filter({ hasText: TAM.name });
    await eventually(() => row.count()).toBe(1);
    // Meanwhile someone else cancels it (through the API, with the same session).
    const id = await row.getAttribute('data-id');
    const current = await commune.evaluate(async (obligationId) => (await fetch(`/api/v1/obligations/${obligationId}`)).json(), id);
    const csrf = (await commune.context().cookies()).find((c) => c.name === 'pcd_csrf')!.value;
    const res = await commune.request.patch(`${server.url}/api/v1/obligations/${id}`, {
      headers: { 'x-csrf-token': csrf },
      data: { version: current.version, action: 'cancel', reason: 'Đã chuyển đi nơi khác' },
    });
    expect(res.status()).toBe(200);
    await row.getByTestId('obligation-complete').click();
    await commune.locator('.ant-popconfirm .ant-btn-primary').click();
    await commune.locator('.ant-modal-confirm', { hasText: 'Việc theo dõi vừa được cập nhật' }).waitFor();
    expect(await commune.locator('.ant-modal-confirm-content').textContent()).toContain(`Việc theo dõi của ${TAM.name} vừa được người khác cập nhật`);
  });
});
