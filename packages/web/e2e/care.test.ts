import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDate } from '@pcd/core';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf, pickOption, fieldError } from './ui';

const HAT_TAO = '03365.01';
const F0 = 'Lò Văn Hặc';

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */

describe.skipIf(!browserAvailable())('F0 home care and centralised quarantine in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let call: ReturnType<typeof apiOf>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
    page = await staff.newPage();
    await loginAs(page, server.url, 'xa.natong');
    call = apiOf(staff, server.url);
    // A mild F0 found in the community is treated at home.
    const person = await call('POST', '/people', { fullName: F0, birthYear: 1985, unitCode: HAT_TAO });
    const today = vnDate();
    const c = await call('POST', '/cases', {
      personId: person.id, testType: 'rt_pcr', testDate: addDays(today, -2), lab: 'CDC Điện Biên', detectedIn: 'community',
      onsetDate: addDays(today, -3), severity: 'mild', spo2: 98, vaccinationDoses: 2,
    });
    expect(c.carePlace).toBe('home');
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page.screenshot({ path: `/tmp/care-fail-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`, fullPage: true });
    // The tests share one page: a retry must not start behind a dialog the failed attempt left open.
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a check-in with SpO2 94 raises an alert on the board, which leaves the open list once handled', async () => {
    await page.getByTestId('nav-care').click();
    await page.getByTestId('care-page').waitFor();
    await page.getByText('Không có cảnh báo nào đang chờ xử lý.').waitFor();

    await pickOption(page, 'checkin-case', F0, 'Hac');
    await page.getByTestId('checkin-temperature').fill('38.2');
    await page.getByTestId('checkin-spo2').fill('94');
    await page.getByTestId('checkin-pulse').fill('92');
    await page.getByTestId('checkin-rr').fill('18');
    await page.getByTestId('checkin-submit').click();
    const result = page.getByTestId('checkin-result');
    await result.getByText('Có dấu hiệu cảnh báo: SpO2 thấp').waitFor();

    const row = page.getByTestId('alert-row').filter({ hasText: F0 });
    await row.waitFor();
    expect(await row.getByTestId('alert-signs').textContent()).toBe('SpO2 thấp');
    // Opened just now, shown dd/mm/yyyy HH:mm.
    expect(await row.locator('td').first().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    await row.getByTestId('alert-ack').click();
    await page.getByTestId('ack-action-visit').click();
    await page.getByTestId('ack-note').fill('Trạm y tế đến khám, cho thở oxy');
    await page.getByTestId('ack-save').click();
    await page.locator('.ant-message', { hasText: `Đã ghi nhận xử lý cảnh báo của ${F0}.` }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('Không có cảnh báo nào đang chờ xử lý.').waitFor();
  });

  it('a facility filled past its threshold shows the overload warning; F1 is refused in the F2 area', async () => {
    // A name of its own per attempt, so that a retried attempt does not find the first one's facility too.
    const FACILITY = `Khu cách ly Trường THCS Na Tông ${Date.now() % 100_000}`;
    const facility = await call('POST', '/quarantine/facilities', {
      name: FACILITY, unitCode: '03365', status: 'active', overloadPct: 80,
      areas: [{ kind: 'f1', name: 'Dãy A — F1', beds: 4 }, { kind: 'f2', name: 'Dãy B — F2', beds: 1 }],
    });
    const f1Area = facility.areas.find((a: { kind: string }) => a.kind === 'f1').id;
    for (const name of ['Lò Văn Một', 'Lò Văn Hai', 'Lò Văn Ba']) {
      const p = await call('POST', '/people', { fullName: name, birthYear: 1990, unitCode: HAT_TAO });
      await call('POST', '/quarantine/episodes', { personId: p.id, kind: 'facility', facilityId: facility.id, areaId: f1Area, reason: 'f1' });
    }
    await call('POST', '/people', { fullName: 'Cà Thị Bốn', birthYear: 1992, unitCode: HAT_TAO });

    await page.getByTestId('nav-quarantine').click();
    await page.getByTestId('facilities-page').waitFor();
    const listed = page.getByTestId('facility-row').filter({ hasText: FACILITY });
    await listed.waitFor();
    expect(await listed.getByTestId('facility-overload').count()).toBe(0);

    await listed.getByRole('link', { name: FACILITY }).click();
    await page.getByTestId('episode-row').nth(2).waitFor();
    expect(await page.getByTestId('episode-row').count()).toBe(3);
    await page.getByTestId('episode-place').click();
    await pickOption(page, 'episode-person', 'Cà Thị Bốn', 'Bon');
    await pickOption(page, 'episode-reason', 'F1');
    await pickOption(page, 'episode-area', 'Dãy B — F2');
    await page.getByTestId('episode-save').click();
    await fieldError(page, 'areaId').filter({ hasText: 'lây chéo' }).waitFor();

    await pickOption(page, 'episode-area', 'Dãy A — F1');
    await page.getByTestId('episode-save').click();
    await page.locator('.ant-message', { hasText: 'Đã đưa Cà Thị Bốn vào cách ly' }).waitFor();
    // 4 of 5 beds: at the 80% threshold.
    await page.getByTestId('facility-warning').waitFor();
    expect(await page.getByTestId('facility-overload').textContent()).toContain('80%');
    await page.getByTestId('episode-row').nth(3).waitFor();

    await page.getByTestId('nav-quarantine').click();
    await listed.getByTestId('facility-overload').waitFor();
    expect(await listed.getByTestId('facility-warning').textContent()).toContain('80%');
  });

  it('a care team gets a member and an F0; the case is corrected, then released from home care with its confirmation', async () => {
    const today = vnDate();
    const leader = await call('POST', '/people', { fullName: 'Lò Thị Điều Dưỡng', birthYear: 1980, unitCode: HAT_TAO });
    await call('POST', '/people', { fullName: 'Cà Văn Tình Nguyện', birthYear: 1995, unitCode: HAT_TAO });
    const patient = await call('POST', '/people', { fullName: 'Điêu Thị Khỏi', birthYear: 1990, unitCode: HAT_TAO });
    const c = await call('POST', '/cases', {
      personId: patient.id, testType: 'rapid_antigen', testDate: addDays(today, -11), detectedIn: 'community', onsetDate: addDays(today, -12),
      severity: 'mild', spo2: 97, vaccinationDoses: 2,
    });
    const team = await call('POST', '/care-teams', { name: 'Tổ chăm sóc số 2 Bản Hát Tao', unitCode: HAT_TAO, leaderPersonId: leader.id, leaderHealthWorker: true });

    // The team was made through the API behind the page's cached lists: load the page afresh.
    await page.goto(`${server.url}/care`);
    // By number, not name: a retried attempt finds the rows of the failed one beside its own.
    const row = page.locator(`[data-testid="team-row"][data-id="${team.id}"]`);
    await row.getByTestId('team-edit').click();
    await pickOption(page, 'team-member-add', 'Cà Văn Tình Nguyện', 'Tinh Nguyen');
    await page.locator('[data-testid="team-member"][data-name="Cà Văn Tình Nguyện"]').waitFor();
    await pickOption(page, 'team-case-add', `#${c.id} · Điêu Thị Khỏi`, 'Khoi');
    await page.locator(`[data-testid="team-case"][data-id="${c.id}"]`).waitFor();
    await page.getByTestId('team-edit-save').click();
    await page.locator('.ant-message', { hasText: 'Đã lưu thành viên và F0 của tổ.' }).waitFor();
    await expect.poll(async () => (await call('GET', `/care-teams/${team.id}`)).cases, { timeout: 15_000 }).toEqual([{ id: c.id, fullName: 'Điêu Thị Khỏi' }]);
    expect((await call('GET', `/care-teams/${team.id}`)).members.map((m: { fullName: string }) => m.fullName)).toEqual(['Cà Văn Tình Nguyện']);
    await expect.poll(() => row.getByTestId('team-case-count').textContent(), { timeout: 15_000 }).toBe('1');

    await page.goto(`${server.url}/cases/${c.id}`);
    await page.getByTestId('case-edit-clinical').click();
    await page.getByTestId('clinical-spo2').fill('96');
    await page.getByTestId('clinical-save').click();
    await page.locator('.ant-message', { hasText: 'Đã lưu thông tin lâm sàng' }).waitFor();
    await expect.poll(async () => (await call('GET', `/cases/${c.id}`)).spo2, { timeout: 15_000 }).toBe(96);

    await page.getByTestId('case-home-release').click();
    await page.getByTestId('release-save').click();
    const link = page.getByTestId('release-confirmation-link');
    await link.waitFor();
    const paper = await staff.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(paper.status()).toBe(200);
    const html = await paper.text();
    expect(html).toContain('HOÀN THÀNH CÁCH LY, ĐIỀU TRỊ COVID-19 TẠI NHÀ');
    expect(html).toContain('Điêu Thị Khỏi');
    // The case left the team on release; the paper still names the team that cared for it.
    expect(html).toContain(team.name);
    expect((await call('GET', `/cases/${c.id}`)).status).toBe('recovered');
  });
});
