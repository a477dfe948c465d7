import { vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf, toast } from './ui';

const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
const REFUSER = { fullName: 'Lò Văn Từ Chối', birthYear: 1968 };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function pickOption(page: Page, scope: ReturnType<Page['getByTestId']>, text: string, search?: string) {
  await scope.click();
  if (search) await scope.locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  // The next select must not catch a click meant for this closing dropdown.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => page.keyboard.press('Escape'));
}

describe.skipIf(!browserAvailable())('unvaccinated lists, mobile teams and vaccine stock in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let call: ReturnType<typeof apiOf>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'xa.natong');
    call = apiOf(context, server.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page.screenshot({ path: `/tmp/vaccination-field-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the unvaccinated list of the commune, records a refusal and exports the list', async () => {
    const person = await call('POST', '/people', { ...REFUSER, unitCode: VILLAGE, phone: '0987654321' });
    await page.goto(`${server.url}/vaccination/unvaccinated`);
    await page.getByTestId('unvaccinated-page').waitFor();
    await page.getByPlaceholder('Tìm theo họ tên').fill('tu choi');
    await page.getByPlaceholder('Tìm theo họ tên').press('Enter');
    const row = page.locator(`[data-testid="unvaccinated-row"][data-id="${person.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('0987654321');
    await pickOption(page, row.getByTestId('followup-reason'), 'Từ chối tiêm');
    await toast(page, `Đã lưu cho ${REFUSER.fullName}.`);
    await eventually(async () => (await call('GET', `/vaccination/unvaccinated?unit=${VILLAGE}&group=18%2B&measure=dose1&q=tu%20choi`)).items[0]?.reason).toBe('refused');
    await pickOption(page, row.getByTestId('followup-responsible'), 'Lường Văn Sơn');
    await eventually(async () => (await call('GET', `/vaccination/unvaccinated?unit=${VILLAGE}&group=18%2B&measure=dose1&q=tu%20choi`)).items[0]?.responsibleName).toBe('Lường Văn Sơn');

    const href = await page.getByTestId('unvaccinated-export').getAttribute('href');
    expect(href).toContain('/api/v1/vaccination/unvaccinated/export.xlsx');
    const file = await context.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('records stock, refuses a negative balance, runs a mobile session and asks the district for more', async () => {
    await page.goto(`${server.url}/vaccination/stock`);
    await page.getByTestId('stock-page').waitFor();
    const record = async (kind: string, quantity: string) => {
      await page.getByTestId('stock-record').click();
      await pickOption(page, page.getByTestId('movement-product'), 'Pfizer');
      await pickOption(page, page.getByTestId('movement-kind'), kind);
      await page.getByTestId('movement-quantity').fill(quantity);
      await page.getByTestId('movement-save').click();
    };
    const pfizer = page.locator('[data-testid="stock-row"][data-product="pfizer"]');
    const balance = async () => Number((await pfizer.getByTestId('stock-balance').textContent())?.replace(/\D/g, ''));
    await pfizer.waitFor();
    const before = await balance();
    await record('Nhận về', '100');
    await toast(page, 'Đã ghi Nhận về 100 liều.');
    await eventually(balance).toBe(before + 100);
    await record('Đã tiêm', String(before + 101));
    await page.locator('.ant-form-item-explain-error', { hasText: `vượt quá tồn kho hiện có (${before + 100} liều)` }).waitFor();
    await page.keyboard.press('Escape');
    expect(await balance()).toBe(before + 100);

    await page.getByTestId('vaccination-tab-mobile-teams').click();
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-name').fill('Đội tiêm lưu động số 1');
    await page.getByTestId('team-leader').fill('BS. Cà Thị Mai');
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row').filter({ hasText: 'Đội tiêm lưu động số 1' }).first().waitFor();
    await page.getByTestId('session-create').click();
    await pickOption(page, page.getByTestId('session-team'), 'Đội tiêm lưu động số 1');
    await pickOption(page, page.getByTestId('session-unit'), 'Hát Tao', 'hat tao');
    await page.getByTestId('session-place').fill('Nhà văn hóa Bản Hát Tao');
    await pickOption(page, page.getByTestId('session-product'), 'Pfizer');
    await page.getByTestId('session-given').fill('30');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-row').filter({ hasText: 'Pfizer-BioNTech (Comirnaty): 30' }).first().waitFor();

    await page.getByTestId('vaccination-tab-stock').click();
    await eventually(balance).toBe(before + 70);
    await page.getByTestId('allocation-create').click();
    await pickOption(page, page.getByTestId('allocation-product'), 'AstraZeneca');
    const justification = page.getByTestId('allocation-justification');
    await justification.waitFor();
    expect(await justification.textContent()).toMatch(/\d liều tồn kho/);
    await page.getByTestId('allocation-quantity').fill('500');
    await page.getByTestId('allocation-save').click();
    const row = page.getByTestId('allocation-row').filter({ hasText: 'AstraZeneca' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Đang chờ duyệt');
    const requestId = await row.getAttribute('data-id');

    // The district approves part of it from its own stock; the commune's stock receives it.
    const districtContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    const district = await districtContext.newPage();
    district.setDefaultTimeout(15_000);
    await loginAs(district, server.url, 'huyen.dienbien');
    await apiOf(districtContext, server.url)('POST', '/vaccination/stock/movements', { unitCode: '100', productCode: 'astrazeneca', kind: 'received', quantity: 2000, date: vnDate() });
    await district.goto(`${server.url}/vaccination/stock`);
    await district.getByTestId('allocations-direction').getByText('Cấp dưới gửi lên').click();
    const incoming = district.locator(`[data-testid="allocation-row"][data-id="${requestId}"]`);
    await incoming.getByTestId('allocation-approve').click();
    await district.getByTestId('decide-quantity').fill('300');
    await district.getByTestId('decide-save').click();
    await eventually(async () => incoming.textContent()).toContain('Đã duyệt, đã cấp');
    await districtContext.close();

    await page.reload();
    const astra = page.locator('[data-testid="stock-row"][data-product="astrazeneca"]');
    await eventually(async () => Number((await astra.getByTestId('stock-balance').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(300);
    await page.getByTestId('allocation-row').filter({ hasText: 'Đã duyệt, đã cấp' }).first().getByTestId('allocation-delivered').click();
    await page.getByTestId('allocation-row').filter({ hasText: 'Đã nhận đủ' }).first().waitFor();
  });
});
