import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf } from './ui';

const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
// Ten traders of the market, with names no search confuses with one another or with the demo residents.
const TRADERS = [
  ['Tòng Văn Pháo', 'tong van phao'], ['Quàng Thị Hiên', 'quang thi hien'], ['Lường Văn Kiên', 'luong van kien'], ['Cầm Thị Xuân', 'cam thi xuan'],
  ['Vì Văn Thắng', 'vi van thang'], ['Điêu Thị Nhung', 'dieu thi nhung'], ['Hoàng Văn Khoa', 'hoang van khoa'], ['Bạc Thị Lụa', 'bac thi lua'],
  ['Mè Văn Nghĩa', 'me van nghia'], ['Sầm Thị Quyên', 'sam thi quyen'],
] as const;

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function pickPerson(page: Page, testId: string, search: string, fullName: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fullName }).first().click();
}

describe.skipIf(!browserAvailable())('a pooled testing campaign in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'xa.natong');
    const call = apiOf(context, server.url);
    for (const [fullName] of TRADERS) await call('POST', '/people', { fullName, birthYear: 1980, unitCode: VILLAGE, address: 'Chợ Na Tông' });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: '/tmp/testing-fail.png', fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs a market screening in pools of 5: a positive pool opens 5 single tests, a positive single registers the F0', async () => {
    await page.getByTestId('nav-testing').click();
    await page.getByTestId('testing-page').waitFor();
    await page.getByTestId('campaign-create').click();
    await page.getByTestId('campaign-name').fill('Sàng lọc tiểu thương chợ Na Tông');
    await page.getByTestId('campaign-place-type').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Chợ' }).first().click();
    await page.getByTestId('campaign-place-name').fill('Chợ trung tâm Na Tông');
    await page.getByTestId('campaign-target').fill('10');
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-page').waitFor();
    await eventually(() => page.getByTestId('campaign-title').textContent()).toBe('Sàng lọc tiểu thương chợ Na Tông');

    for (const pool of [TRADERS.slice(0, 5), TRADERS.slice(5)]) {
      for (const [i, [fullName, search]] of pool.entries()) {
        await pickPerson(page, 'sample-add-member', search, fullName);
        await eventually(() => page.getByTestId('sample-member').count()).toBe(i + 1);
      }
      await page.getByTestId('sample-collector').fill('Trạm Y tế xã Na Tông');
      await page.getByTestId('sample-lab').fill('CDC Điện Biên');
      const before = await page.getByTestId('sample-row').count();
      await page.getByTestId('sample-save').click();
      await eventually(() => page.getByTestId('sample-row').count()).toBe(before + 1);
      await eventually(() => page.getByTestId('sample-member').count()).toBe(0);
    }
    const rows = page.getByTestId('sample-row');
    await eventually(() => rows.count()).toBe(2);
    await eventually(() => page.getByTestId('campaign-page-coverage').getAttribute('data-pct')).toBe('100');

    // Newest first is not assumed: the pool holding the first trader is the one that turns positive.
    const firstPool = rows.filter({ hasText: TRADERS[0][0] });
    const poolId = await firstPool.getAttribute('data-id');
    await firstPool.getByTestId('sample-result-positive').click();
    await eventually(() => page.getByTestId('followup-row').count()).toBe(5);
    await expect(page.locator(`[data-testid="followups"][data-parent="${poolId}"]`).textContent()).resolves.toContain(TRADERS[4][0]);
    expect(await firstPool.getAttribute('data-result')).toBe('positive');
    await rows.filter({ hasText: TRADERS[5][0] }).getByTestId('sample-result-negative').click();
    await eventually(() => rows.filter({ hasText: TRADERS[5][0] }).getAttribute('data-result')).toBe('negative');
    // The other pool stays without follow-ups.
    expect(await page.getByTestId('followups').count()).toBe(1);

    const infected = page.getByTestId('followup-row').filter({ hasText: TRADERS[2][0] });
    await infected.getByTestId('sample-result-positive').click();
    await eventually(() => infected.getAttribute('data-result')).toBe('positive');
    await infected.getByTestId('sample-register-case').click();
    await page.getByTestId('register-case-spo2').fill('97');
    await page.getByTestId('register-case-save').click();
    await page.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator(`[data-testid="case-detail"][data-id="${caseId}"]`).waitFor();
    await eventually(() => page.getByTestId('case-detail').textContent()).toContain(TRADERS[2][0]);

    const kase = await apiOf(context, server.url)('GET', `/cases/${caseId}`);
    expect(kase).toMatchObject({ person: { fullName: TRADERS[2][0] }, testType: 'rt_pcr', lab: 'CDC Điện Biên', detectedIn: 'community', severity: 'mild' });

    await page.goBack();
    await page.getByTestId('campaign-page').waitFor();
    await eventually(() => page.getByTestId('followup-row').filter({ hasText: TRADERS[2][0] }).getByTestId('sample-case-link').getAttribute('href')).toBe(`/cases/${caseId}`);

    // The figures: 7 samples (2 pools, 5 singles), 1 positive pool, 10 people tested, 1 positive, 10 %.
    await page.getByTestId('nav-testing').click();
    await page.getByTestId('testing-page').waitFor();
    await page.getByTestId('testing-tab-stats').click();
    await page.getByTestId('testing-stats-chart').waitFor();
    await eventually(() => page.locator('[data-testid="testing-stats-row"][data-unit="03365.01"]').textContent()).toMatch(/^Hát Tao7110110/);
  });

  it('targets a list of people instead of a count', async () => {
    await page.getByTestId('nav-testing').click();
    await page.getByTestId('testing-page').waitFor();
    await page.getByTestId('campaign-create').click();
    await page.getByTestId('campaign-name').fill('Xét nghiệm người tiếp xúc với ca F0 chợ Na Tông');
    await page.getByTestId('campaign-purpose').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Xét nghiệm người tiếp xúc' }).first().click();
    for (const [i, [fullName, search]] of TRADERS.slice(0, 2).entries()) {
      await pickPerson(page, 'campaign-target-add-member', search, fullName);
      await eventually(() => page.getByTestId('campaign-target-member').count()).toBe(i + 1);
    }
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-page').waitFor();
    await eventually(() => page.getByTestId('campaign-title').textContent()).toBe('Xét nghiệm người tiếp xúc với ca F0 chợ Na Tông');
    await eventually(() => page.getByTestId('campaign-page-coverage').textContent()).toContain('0/2');
  });
});
