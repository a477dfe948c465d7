import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const fieldError = (page: Page, key: string) => page.locator(`[data-testid="rule-form"] .ant-form-item:has([data-key="${key}"]) .ant-form-item-explain-error`);
const field = (page: Page, set: string, key: string) => page.locator(`[data-testid="rule-set"][data-key="${set}"] [data-testid="rule-field"][data-key="${key}"]`);

describe.skipIf(!browserAvailable())('medical rules of a district in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `/tmp/rules-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a district sets its SpO2 alert threshold: a wrong value is named under its input, the saved one shows with its unit, the commune sees it', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'huyen.dienbien');
    await page.getByTestId('nav-rules').click();
    await page.getByTestId('rules-page').waitFor();
    await eventually(() => field(page, 'home_care', 'maxSpo2ForAlert').innerText()).toContain('95 %');
    await expect(page.locator('[data-testid="rule-set"][data-key="home_care"]').innerText()).resolves.toContain('4156/QĐ-BYT');

    await page.locator('[data-testid="rule-set"][data-key="home_care"] [data-testid="rule-edit"]').click();
    const input = page.locator('[data-testid="rule-form"] [data-key="maxSpo2ForAlert"] input').or(page.locator('[data-testid="rule-form"] input[data-key="maxSpo2ForAlert"]')).first();
    await input.fill('79');
    await page.getByTestId('rule-save').click();
    await eventually(() => fieldError(page, 'maxSpo2ForAlert').allInnerTexts()).toEqual([expect.stringContaining('từ 80 đến 100')]);
    await input.fill('94');
    await page.getByTestId('rule-save').click();
    await page.locator('.ant-message', { hasText: 'Đã lưu quy định' }).first().waitFor();
    await eventually(() => field(page, 'home_care', 'maxSpo2ForAlert').innerText()).toMatch(/94 %[\s\S]*Điện Biên[\s\S]*95 %/);
    await expect(page.locator('[data-testid="rule-set"][data-key="home_care"]').innerText()).resolves.toMatch(/Cập nhật \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} bởi/);

    // Test days after the end of the quarantine are named under their input.
    await page.locator('[data-testid="rule-set"][data-key="contact_follow_up"] [data-testid="rule-edit"]').click();
    await page.locator('[data-testid="rule-form"] input[data-key="f1VaccinatedTestDays"]').fill('1, 9');
    await page.getByTestId('rule-save').click();
    await eventually(() => fieldError(page, 'f1VaccinatedTestDays').allInnerTexts()).toEqual([expect.stringContaining('nằm sau thời gian cách ly (7 ngày)')]);
    await context.close();

    const commune = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await commune.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'xa.natong');
    await page.goto(`${server.url}/rules`);
    await eventually(() => field(page, 'home_care', 'maxSpo2ForAlert').innerText()).toContain('94 %');
    expect(await page.getByTestId('rule-edit').count()).toBe(0);
    await commune.close();
  });
});
