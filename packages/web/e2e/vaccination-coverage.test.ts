import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf, pickOption, toast, fieldError } from './ui';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
const PERSON = { fullName: 'Lò Văn Tiêm Chủng', dateOfBirth: `${Number(today.slice(0, 4)) - 35}-04-12` };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe.skipIf(!browserAvailable())('vaccination doses, coverage and targets in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let call: ReturnType<typeof apiOf>;
  let personId: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginAs(page, server.url, 'yte.natong');
    call = apiOf(context, server.url);
    personId = (await call('POST', '/people', { ...PERSON, unitCode: VILLAGE })).id;
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page.screenshot({ path: `/tmp/vaccination-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const adultsDose1 = () => page.locator('[data-testid=coverage-bar][data-group="18+"][data-measure=dose1]');

  it('records doses on the person page, shows a refused interval under the date, and the coverage bar moves', async () => {
    await page.getByTestId('nav-vaccination').click();
    await page.getByTestId('coverage-page').waitFor();
    await eventually(() => adultsDose1().count()).toBe(1);
    const before = Number(await adultsDose1().getAttribute('data-numerator'));

    await page.goto(`${server.url}/people/${personId}`);
    await page.getByTestId('person-doses').waitFor();
    await page.getByTestId('dose-add').click();
    await pickOption(page, 'dose-product', 'AstraZeneca');
    await page.locator('#dose_date').fill(formatDate(addDays(today, -40)));
    await page.keyboard.press('Enter');
    await page.getByTestId('dose-lot').fill('ABV1234');
    await page.getByTestId('dose-save').click();
    await toast(page, 'Đã lưu mũi 1.');
    await eventually(() => page.getByTestId('dose-row').count()).toBe(1);

    // A second dose 20 days after the first: AstraZeneca needs 28, the server says so under the date.
    await page.getByTestId('dose-add').click();
    await pickOption(page, 'dose-product', 'AstraZeneca');
    await page.locator('#dose_date').fill(formatDate(addDays(today, -20)));
    await page.keyboard.press('Enter');
    await page.getByTestId('dose-save').click();
    await eventually(() => fieldError(page, 'dose_date').textContent()).toContain('tối thiểu 28 ngày');
    await page.locator('#dose_date').fill(formatDate(addDays(today, -5)));
    await page.keyboard.press('Enter');
    await page.getByTestId('dose-save').click();
    await toast(page, 'Đã lưu mũi 2.');
    await eventually(() => page.getByTestId('dose-row').count()).toBe(2);
    expect(await page.getByTestId('dose-row').nth(1).textContent()).toContain(formatDate(addDays(today, -5)));

    await page.getByTestId('nav-vaccination').click();
    await eventually(async () => Number(await adultsDose1().getAttribute('data-numerator'))).toBe(before + 1);
    const stats = await call('GET', '/stats/vaccination');
    const adults = stats.groups.find((g: { group: string }) => g.group === '18+');
    expect(Number(await adultsDose1().getAttribute('data-denominator'))).toBe(adults.denominator);
    expect(adults.measures[0].numerator).toBe(before + 1);
  });

  it('sets a commune target and shows the gap in people with on track or behind', async () => {
    await page.getByTestId('vaccination-tab-targets').click();
    await page.getByTestId('targets-page').waitFor();
    await page.getByTestId('targets-create').click();
    await pickOption(page, 'target-unit', 'Na Tông', 'na tong');
    await page.locator('#target_deadline').fill(formatDate(addDays(today, 6)));
    await page.keyboard.press('Enter');
    await page.getByTestId('target-save').click();
    await toast(page, 'Đã lưu mục tiêu.');
    const row = page.getByTestId('target-row');
    await eventually(() => row.count()).toBe(1);
    const stored = (await call('GET', '/vaccination/targets')).items[0];
    expect(stored).toMatchObject({ unitCode: '03365', group: '18+', measure: 'dose1', percent: 100, deadline: addDays(today, 6) });
    expect(await row.getByTestId('target-line').getAttribute('data-gap')).toBe(String(stored.progress.gapPeople));
    expect(await row.getByTestId('target-status').textContent()).toBe(stored.progress.onTrack ? 'đúng tiến độ' : 'chậm tiến độ');

    // The coverage tab shows the same target under the adults' dose-1 bar.
    await page.getByTestId('vaccination-tab-coverage').click();
    const line = page.getByTestId('coverage-group').filter({ has: adultsDose1() }).getByTestId('target-line');
    await eventually(() => line.getAttribute('data-gap')).toBe(String(stored.progress.gapPeople));
    expect(await line.textContent()).toContain(`Mục tiêu 100% trước ${formatDate(addDays(today, 6))}`);
  });
});
