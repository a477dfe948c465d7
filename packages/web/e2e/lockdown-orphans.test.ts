import { addDays, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf, pickOption, toast } from './ui';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
// A retried attempt (the harness retries once on a loaded machine) uses the second name of each pair, so that
// rows left by the failed attempt never match.
const ZONES = ['Bản Hát Tao — phong tỏa sau ca F0 cộng đồng', 'Bản Hát Tao — phong tỏa đợt hai'];
const PARENTS = [{ fullName: 'Lò Văn Mất', birthYear: 1975 }, { fullName: 'Lò Văn Khuất', birthYear: 1972 }];
const CHILDREN = [{ fullName: 'Lò Thị Côi', birthYear: 2016 }, { fullName: 'Lò Văn Cút', birthYear: 2016 }];
const DUE = [
  { testToday: { fullName: 'Cà Văn Hôm', birthYear: 1991 }, endsToday: { fullName: 'Cà Thị Hết', birthYear: 1993 }, overdue: { fullName: 'Quàng Văn Quá', birthYear: 1988 } },
  { testToday: { fullName: 'Cà Văn Nay', birthYear: 1991 }, endsToday: { fullName: 'Cà Thị Xong', birthYear: 1993 }, overdue: { fullName: 'Quàng Văn Trễ', birthYear: 1988 } },
];
const attempts = { zone: 0, orphan: 0, due: 0 };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */

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
    const ZONE = ZONES[attempts.zone++ % 2];
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
    const zoneId = await page.getByTestId('zone-detail').getAttribute('data-id');
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
    const row = page.locator(`[data-testid="zone-row"][data-id="${zoneId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Hát Tao');
    expect(await row.getByTestId('round-share').getAttribute('data-share')).toBe('75');
    await row.getByRole('link', { name: ZONE }).click();
    await page.getByTestId('zone-lift').click();
    await page.getByTestId('zone-lift-confirm').click();
    await eventually(() => page.getByTestId('zone-status').textContent()).toBe('Đã gỡ phong tỏa');
  });

  it('registers an orphaned child for a case that died and changes the support status', async () => {
    const PARENT = PARENTS[attempts.orphan % 2];
    const CHILD = CHILDREN[attempts.orphan++ % 2];
    const parent = await call('POST', '/people', { ...PARENT, unitCode: VILLAGE });
    await call('POST', '/people', { ...CHILD, unitCode: VILLAGE });
    const c = await call('POST', '/cases', {
      personId: parent.id, testType: 'rt_pcr', testDate: addDays(today, -12), detectedIn: 'community', onsetDate: addDays(today, -13), severity: 'severe',
      carePlace: 'facility_t3_icu', comorbidities: ['Đái tháo đường'],
    });
    await call('PATCH', `/cases/${c.id}`, { version: c.version, status: 'died', deathDate: addDays(today, -3), deathPlace: 'facility', deathCause: 'Suy hô hấp' });

    // The death was recorded behind the page's cached lists: open the tab from a fresh load of the case list.
    await page.goto(`${server.url}/cases`);
    await page.getByTestId('cases-tab-deaths').click();
    await page.getByTestId('deaths-orphans-page').waitFor();
    const death = page.locator(`[data-testid="death-row"][data-id="${c.id}"]`);
    await death.getByTestId('death-add-orphan').click();
    await pickOption(page, 'orphan-child', CHILD.fullName, CHILD.fullName);
    await page.getByTestId('orphan-save').click();
    await toast(page, `Đã ghi nhận trẻ ${CHILD.fullName}.`);

    const child = page.getByTestId('orphan-row').filter({ hasText: CHILD.fullName });
    await child.waitFor();
    expect(await child.textContent()).toContain(PARENT.fullName);
    expect(await child.getByTestId('orphan-status').textContent()).toContain('Chưa hỗ trợ');
    await child.getByTestId('orphan-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Đang được hỗ trợ' }).first().click();
    await toast(page, `Đã cập nhật hỗ trợ của ${CHILD.fullName}.`);
    await eventually(async () => (await call('GET', '/orphans?supportStatus=receiving')).items.map((o: { childName: string }) => o.childName)).toContain(CHILD.fullName);
    const stored = (await call('GET', '/orphans')).items.find((o: { childName: string }) => o.childName === CHILD.fullName);
    expect(stored).toMatchObject({ supportStatus: 'receiving', version: 2, ageAtDeath: 10 });

    // The figures of the commune count the death and the child now receiving support, as the server does.
    const figures = (await call('GET', '/stats/deaths-orphans')).totals;
    expect(figures.deaths).toBeGreaterThanOrEqual(1);
    expect(figures.supportReceiving).toBeGreaterThanOrEqual(1);
    const total = page.getByTestId('deaths-stats-total');
    await eventually(async () => (await total.locator('td').allTextContents()).slice(1)).toEqual(
      [figures.deaths, figures.orphans, figures.supportNone, figures.supportProposed, figures.supportReceiving].map(String),
    );
  });

  it('lists people in quarantine due for a test today, ending today and overdue, and completes one', async () => {
    const { testToday: TEST_TODAY, endsToday: ENDS_TODAY, overdue: OVERDUE } = DUE[attempts.due++ % 2];
    const place = async (p: { fullName: string; birthYear: number }, startDate: string) => {
      const person = await call('POST', '/people', { ...p, unitCode: VILLAGE });
      await call('POST', '/quarantine/episodes', { personId: person.id, kind: 'home', reason: 'arrival', startDate });
    };
    // Arrivals: 7 days, tests on day 1 and day 7.
    await place(TEST_TODAY, today);
    await place(ENDS_TODAY, addDays(today, -6));
    await place(OVERDUE, addDays(today, -8));

    await page.goto(`${server.url}/quarantine`);
    await page.getByTestId('quarantine-tab-episodes').click();
    await page.getByTestId('episodes-page').waitFor();
    const mine = [TEST_TODAY, ENDS_TODAY, OVERDUE].map((p) => p.fullName);
    const names = async () => (await page.getByTestId('episode-item').allTextContents()).map((row) => mine.find((n) => row.includes(n))).filter(Boolean);
    await eventually(names).toEqual([ENDS_TODAY.fullName, TEST_TODAY.fullName]);

    await page.getByTestId('episodes-filter-overdue').click();
    await eventually(names).toEqual([OVERDUE.fullName]);

    await page.getByTestId('episodes-filter-release_due').click();
    await eventually(names).toEqual([ENDS_TODAY.fullName]);
    await page.getByTestId('episode-item').filter({ hasText: ENDS_TODAY.fullName }).getByTestId('episode-release').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await toast(page, `Đã hoàn thành cách ly cho ${ENDS_TODAY.fullName}.`);
    await eventually(names).toEqual([]);
  });
});
