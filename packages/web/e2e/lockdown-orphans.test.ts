import { addDays, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
const ZONE = 'Bản Hát Tao — phong tỏa sau ca F0 cộng đồng';
const PARENT = { fullName: 'Lò Văn Mất', birthYear: 1975 };
const CHILD = { fullName: 'Lò Thị Côi', birthYear: 2016 };
const TEST_TODAY = { fullName: 'Cà Văn Hôm', birthYear: 1991 };
const ENDS_TODAY = { fullName: 'Cà Thị Hết', birthYear: 1993 };
const OVERDUE = { fullName: 'Quàng Văn Quá', birthYear: 1988 };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const toast = (page: Page, content: string) => page.locator('.ant-message', { hasText: content }).first().waitFor();

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */
function apiOf(context: BrowserContext, baseUrl: string) {
  return async (method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pcd_csrf')?.value ?? '';
    const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

async function pickOption(page: Page, testId: string, text: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.getByTestId(testId).locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe.skipIf(!browserAvailable())('lockdown zones, deaths and orphaned children, quarantine due lists in the browser', () => {
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
    await page.screenshot({ path: `/tmp/lockdown-orphans-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('declares a lockdown over a village, records a testing round and shows the share tested', async () => {
    await page.getByTestId('nav-lockdown').click();
    await page.getByTestId('lockdown-page').waitFor();
    await page.getByTestId('zone-create').click();
    await page.getByTestId('zone-name').fill(ZONE);
    // The commune of the signed-in official is chosen already; its villages are offered.
    await pickOption(page, 'zone-villages', 'Hát Tao');
    await page.keyboard.press('Escape');
    await page.getByTestId('zone-reason').fill('F0 trong cộng đồng chưa rõ nguồn lây');
    await page.getByTestId('zone-save').click();

    await page.getByTestId('zone-detail').waitFor();
    expect(await page.getByTestId('zone-status').textContent()).toBe('Đang phong tỏa');
    await page.getByTestId('zone-add-round').click();
    await page.getByTestId('round-residents').fill('240');
    await page.getByTestId('round-tested').fill('180');
    await page.getByTestId('round-positives').fill('3');
    await page.getByTestId('round-save').click();
    await toast(page, 'Đã ghi đợt 1: 75% người trong vùng được xét nghiệm.');
    const round = page.getByTestId('round-row').filter({ has: page.getByTestId('round-share') });
    await eventually(() => round.count()).toBe(1);
    expect(await round.getByTestId('round-share').getAttribute('data-share')).toBe('75');
    expect(await round.getByTestId('round-share').textContent()).toContain('75%');

    // The list shows the zone with the share of its latest round, then the zone is lifted.
    await page.getByTestId('nav-lockdown').click();
    const row = page.getByTestId('zone-row').filter({ hasText: ZONE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Hát Tao');
    expect(await row.getByTestId('round-share').getAttribute('data-share')).toBe('75');
    await row.getByRole('link', { name: ZONE }).click();
    await page.getByTestId('zone-lift').click();
    await page.getByTestId('zone-lift-confirm').click();
    await eventually(() => page.getByTestId('zone-status').textContent()).toBe('Đã gỡ phong tỏa');
  });

  it('registers an orphaned child for a case that died and changes the support status', async () => {
    const parent = await call('POST', '/people', { ...PARENT, unitCode: VILLAGE });
    await call('POST', '/people', { ...CHILD, unitCode: VILLAGE });
    const c = await call('POST', '/cases', {
      personId: parent.id, testType: 'rt_pcr', testDate: addDays(today, -12), detectedIn: 'community', onsetDate: addDays(today, -13), severity: 'severe',
      carePlace: 'facility_t3_icu', comorbidities: ['Đái tháo đường'],
    });
    await call('PATCH', `/cases/${c.id}`, { version: c.version, status: 'died', deathDate: addDays(today, -3), deathPlace: 'facility', deathCause: 'Suy hô hấp' });

    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-tab-deaths').click();
    await page.getByTestId('deaths-orphans-page').waitFor();
    const death = page.getByTestId('death-row').filter({ hasText: PARENT.fullName });
    await death.getByTestId('death-add-orphan').click();
    await pickOption(page, 'orphan-child', CHILD.fullName, 'Thi Coi');
    await page.getByTestId('orphan-save').click();
    await toast(page, `Đã ghi nhận trẻ ${CHILD.fullName}.`);

    const child = page.getByTestId('orphan-row').filter({ hasText: CHILD.fullName });
    await child.waitFor();
    expect(await child.textContent()).toContain(PARENT.fullName);
    expect(await child.getByTestId('orphan-status').textContent()).toContain('Chưa hỗ trợ');
    await pickOption(page, 'orphan-status', 'Đang được hỗ trợ');
    await toast(page, `Đã cập nhật hỗ trợ của ${CHILD.fullName}.`);
    await eventually(async () => (await call('GET', '/orphans?supportStatus=receiving')).items.map((o: { childName: string }) => o.childName)).toContain(CHILD.fullName);
    const stored = (await call('GET', '/orphans')).items.find((o: { childName: string }) => o.childName === CHILD.fullName);
    expect(stored).toMatchObject({ supportStatus: 'receiving', version: 2, ageAtDeath: 10 });

    // The figures of the commune count the death and the child now receiving support.
    const total = page.getByTestId('deaths-stats-total');
    await eventually(async () => (await total.locator('td').allTextContents()).slice(1)).toEqual(['1', '1', '0', '0', '1']);
  });

  it('lists people in quarantine due for a test today, ending today and overdue, and completes one', async () => {
    const place = async (p: { fullName: string; birthYear: number }, startDate: string) => {
      const person = await call('POST', '/people', { ...p, unitCode: VILLAGE });
      await call('POST', '/quarantine/episodes', { personId: person.id, kind: 'home', reason: 'arrival', startDate });
    };
    // Arrivals: 7 days, tests on day 1 and day 7.
    await place(TEST_TODAY, today);
    await place(ENDS_TODAY, addDays(today, -6));
    await place(OVERDUE, addDays(today, -8));

    await page.getByTestId('nav-quarantine').click();
    await page.getByTestId('quarantine-tab-episodes').click();
    await page.getByTestId('episodes-page').waitFor();
    const names = () => page.getByTestId('episode-item').allTextContents();
    await eventually(names).toEqual([expect.stringContaining(ENDS_TODAY.fullName), expect.stringContaining(TEST_TODAY.fullName)]);

    await page.getByTestId('episodes-filter-overdue').click();
    await eventually(names).toEqual([expect.stringContaining(OVERDUE.fullName)]);

    await page.getByTestId('episodes-filter-release_due').click();
    await eventually(names).toEqual([expect.stringContaining(ENDS_TODAY.fullName)]);
    await page.getByTestId('episode-item').getByTestId('episode-release').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await toast(page, `Đã hoàn thành cách ly cho ${ENDS_TODAY.fullName}.`);
    await eventually(names).toEqual([]);
  });
});
