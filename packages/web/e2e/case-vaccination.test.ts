import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf } from './ui';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */

describe.skipIf(!browserAvailable())('vaccination at diagnosis from dose records in the F0 form and page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const first = addDays(today, -120);
  const second = addDays(today, -60);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'xa.natong');
    const call = apiOf(context, server.url);
    const person = await call('POST', '/people', { fullName: 'Lò Văn Hai Mũi', birthYear: 1980, unitCode: VILLAGE, phone: '0912300091' });
    await call('POST', '/vaccinations', { personId: person.id, product: 'astrazeneca', dose: 1, date: first });
    await call('POST', '/vaccinations', { personId: person.id, product: 'astrazeneca', dose: 2, date: second });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: '/tmp/case-vaccination-fail.png', fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the recorded doses instead of the typed field, and keeps them on the case page', async () => {
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-page').waitFor();
    await page.getByTestId('case-create-button').click();
    await page.getByTestId('case-form-person').click();
    await page.getByTestId('case-form-person').locator('input').fill('lo van hai mui');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Lò Văn Hai Mũi' }).first().click();
    const recorded = page.getByTestId('case-form-doses-recorded');
    await recorded.waitFor();
    expect(await recorded.textContent()).toBe(`theo dữ liệu tiêm chủng: 2 mũi (${formatDate(first)}, ${formatDate(second)})`);
    expect(await page.getByTestId('case-form-doses').isDisabled()).toBe(true);
    await page.getByTestId('case-form-submit').click();
    await page.getByTestId('case-summary').waitFor();
    await expect.poll(() => page.getByTestId('case-doses').textContent(), { timeout: 15_000 })
      .toBe(`theo dữ liệu tiêm chủng: 2 mũi (${formatDate(first)}, ${formatDate(second)})`);
  });
});
