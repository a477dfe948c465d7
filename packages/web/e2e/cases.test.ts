import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';
import { apiOf, fieldError } from './ui';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
const PATIENT = { fullName: 'Lò Văn Bình', birthYear: 1985, phone: '0912300001' };
const WIFE = { fullName: 'Lò Thị Hương', birthYear: 1988, phone: '0912300002' };
const NEIGHBOUR = { fullName: 'Cà Văn Dũng', birthYear: 1979, phone: '0912300003' };
const SISTER = { fullName: 'Quàng Thị Ban', birthYear: 1990, phone: '0987000222' }; // lives in bản Pu Lau, xã Mường Nhà
const CHILD = { fullName: 'Lò Văn Khánh', birthYear: 2015 };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();
const toast = (page: Page, content: string) => page.locator('.ant-message', { hasText: content }).waitFor();

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */

/** Picks a resident in a person select by typing part of the name without diacritics. */
async function pickPerson(page: Page, testId: string, search: string, fullName: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fullName }).first().click();
}

describe.skipIf(!browserAvailable())('F0 cases, F1/F2 contacts and the transmission chain in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let natong: Page;
  let caseId = 0;
  let promotedCaseId = 0;

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
    natong = await staffPage('xa.natong');
    const call = apiOf(natong.context(), server.url);
    for (const p of [PATIENT, WIFE, NEIGHBOUR]) await call('POST', '/people', { ...p, unitCode: VILLAGE, address: 'Bản Hát Tao' });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: `/tmp/cases-fail-${i++}.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers an F0 from a positive test, with the server’s date error under the onset field', async () => {
    await natong.getByTestId('nav-cases').click();
    await natong.getByTestId('cases-page').waitFor();
    await natong.getByTestId('case-create-button').click();
    await pickPerson(natong, 'case-form-person', 'lo van binh', PATIENT.fullName);
    await natong.getByTestId('case-form-lab').fill('Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên');
    await natong.getByTestId('case-form-spo2').fill('97');
    await natong.getByTestId('case-form-doses').fill('2');
    // Symptoms that began after the test are refused by the server, which names the field.
    await natong.locator('#case_onsetDate').fill(formatDate(addDays(today, 1)));
    await natong.locator('#case_onsetDate').press('Enter');
    await natong.getByTestId('case-form-submit').click();
    await eventually(() => fieldError(natong, 'case_onsetDate').count()).toBe(1);
    expect(await fieldError(natong, 'case_onsetDate').textContent()).toMatch(/khởi phát/i);

    await natong.locator('#case_onsetDate').fill(formatDate(addDays(today, -1)));
    await natong.locator('#case_onsetDate').press('Enter');
    await natong.getByTestId('case-form-submit').click();
    await natong.getByTestId('case-detail').waitFor();
    caseId = Number(await natong.getByTestId('case-detail').getAttribute('data-id'));
    expect(caseId).toBeGreaterThan(0);
    expect(await text(natong, 'case-detected-in')).toBe('Trong cộng đồng');
    expect(await text(natong, 'case-severity')).toBe('Không triệu chứng');
    expect(await text(natong, 'case-care-place')).toBe('Tại nhà');
    expect(await text(natong, 'case-eligibility')).toBe('Đủ điều kiện điều trị tại nhà');
    expect(await natong.getByTestId('care-history').locator('tbody tr.ant-table-row').count()).toBe(1);

    await natong.getByTestId('nav-cases').click();
    await eventually(() => text(natong, 'cases-total')).toBe('Tổng số: 1 ca');
    expect(await text(natong, 'case-name')).toBe(PATIENT.fullName);
  });

  it('adds three F1; the one living in another commune is handed over to it', async () => {
    await natong.goto(`${server.url}/cases/${caseId}`);
    const addF1 = async (fill: () => Promise<void>) => {
      await natong.getByTestId('case-add-f1').click();
      await fill();
      await natong.getByTestId('contact-form-submit').click();
      await natong.locator('.ant-modal:visible').waitFor({ state: 'detached' }).catch(() => undefined);
      await eventually(() => natong.locator('.ant-modal-wrap:visible').count()).toBe(0);
    };
    await addF1(async () => pickPerson(natong, 'contact-form-person', 'lo thi huong', WIFE.fullName));
    await addF1(async () => {
      await pickPerson(natong, 'contact-form-person', 'ca van dung', NEIGHBOUR.fullName);
      await natong.getByTestId('contact-form-relation').click();
      await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Hàng xóm' }).click();
    });
    await addF1(async () => {
      await natong.getByTestId('contact-form-person-mode').getByText('Người mới').click();
      await natong.getByTestId('contact-form-person-name').fill(SISTER.fullName);
      await natong.getByTestId('contact-form-person-year').fill(String(SISTER.birthYear));
      await natong.getByTestId('contact-form-person-phone').fill(SISTER.phone);
      await natong.getByTestId('contact-form-person-unit').click();
      await natong.getByTestId('contact-form-person-unit').locator('input').fill('pu lau');
      await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Pu Lau' }).first().click();
      await natong.getByTestId('contact-form-setting').fill('Đám cưới ở bản Hát Tao');
    });
    await toast(natong, 'đã bàn giao cho');

    const rows = natong.getByTestId('contacts-table').locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(3);
    const names = await natong.getByTestId('contacts-table').getByTestId('contact-name').allTextContents();
    expect(names.sort()).toEqual([NEIGHBOUR.fullName, SISTER.fullName, WIFE.fullName].sort());
    const sister = natong.locator(`tr[data-name="${SISTER.fullName}"]`);
    expect(await sister.getByTestId('handover-sent').textContent()).toMatch(/^Đã bàn giao cho .*Pu Lau/);
    // The commune that recorded her has no follow-up of hers and cannot promote her.
    expect(await sister.getByTestId('contact-promote').count()).toBe(0);
    expect(await natong.locator(`tr[data-name="${WIFE.fullName}"]`).textContent()).toContain(`Cách ly F1 → ${formatDate(addDays(today, 13))}`); // no doses recorded: 14 days, the exposure day being day 1
  });

  it('shows the hand-over to the receiving commune, without the source case', async () => {
    const muongnha = await staffPage('xa.muongnha');
    await muongnha.getByTestId('nav-contacts').click();
    await muongnha.getByTestId('contacts-filter-handover').click();
    await muongnha.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Được bàn giao đến' }).click();
    await eventually(() => text(muongnha, 'contacts-total')).toBe('Tổng số: 1 người');
    const row = muongnha.locator(`tr[data-name="${SISTER.fullName}"]`);
    expect(await row.getByTestId('handover-received').textContent()).toBe('Nhận bàn giao từ Na Tông');
    expect(await row.textContent()).toContain('F0 ở Na Tông (ngoài địa bàn)');

    await row.getByTestId('contact-name').click();
    await muongnha.getByTestId('contact-detail').waitFor();
    expect(await text(muongnha, 'contact-source')).toBe('F0 ở Na Tông (ngoài địa bàn)');
    expect(await muongnha.getByTestId('contact-source').locator('a').count()).toBe(0);
    expect(await muongnha.getByTestId('contact-follow-up').textContent()).toContain('Cách ly F1');

    // The source case itself stays out of reach: 404, not its details.
    await muongnha.goto(`${server.url}/cases/${caseId}`);
    await eventually(() => muongnha.getByText(PATIENT.fullName).count()).toBe(0);
    expect(await muongnha.getByTestId('case-detail').count()).toBe(0);
    const res = await muongnha.request.get(`${server.url}/api/v1/cases/${caseId}`);
    expect(res.status()).toBe(404);
  });

  it('promotes an F1 to F0 and the chain graph grows', async () => {
    await natong.goto(`${server.url}/cases/chain/case-${caseId}`);
    await eventually(() => text(natong, 'chain-showing')).toBe('Đang hiển thị 4 / 4');
    expect(await text(natong, 'chain-count-cases')).toBe('1');
    expect(await text(natong, 'chain-count-f1')).toBe('3');
    expect(await natong.getByTestId('chain-graph').getAttribute('data-nodes')).toBe('4');

    await natong.goto(`${server.url}/cases/${caseId}`);
    await natong.locator(`tr[data-name="${WIFE.fullName}"]`).getByTestId('contact-promote').click();
    await natong.getByTestId('promote-severity').click();
    await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Nhẹ' }).click();
    await natong.getByTestId('promote-submit').click();
    // The page moves to the new case; the detail shows it once its record has loaded.
    const shownCase = async () => Number(await natong.getByTestId('case-detail').getAttribute('data-id', { timeout: 1_000 }).catch(() => 0));
    await eventually(async () => ((await shownCase()) === caseId ? 0 : shownCase())).toBeGreaterThan(caseId);
    promotedCaseId = await shownCase();
    expect(await natong.getByTestId('case-detail').locator('h1, h2, h3, h4').first().textContent()).toContain(WIFE.fullName);
    // She was under F1 quarantine, so the server counts her as found in quarantine.
    expect(await text(natong, 'case-detected-in')).toBe('Trong khu cách ly');
    expect(await text(natong, 'case-source')).toBe(String(caseId));

    // Her own household contact, recorded on the new case, joins the chain.
    await natong.getByTestId('case-add-f1').click();
    await natong.getByTestId('contact-form-person-mode').getByText('Người mới').click();
    await natong.getByTestId('contact-form-person-name').fill(CHILD.fullName);
    await natong.getByTestId('contact-form-person-year').fill(String(CHILD.birthYear));
    await natong.getByTestId('contact-form-person-unit').click();
    await natong.getByTestId('contact-form-person-unit').locator('input').fill('hat tao');
    await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Hát Tao' }).first().click();
    await natong.getByTestId('contact-form-submit').click();
    await eventually(() => natong.getByTestId('contact-name').allTextContents()).toEqual([CHILD.fullName]);

    await natong.goto(`${server.url}/cases/chain/case-${caseId}`);
    await eventually(() => text(natong, 'chain-showing')).toBe('Đang hiển thị 5 / 5');
    expect(await text(natong, 'chain-count-cases')).toBe('2');
    expect(await text(natong, 'chain-count-f1')).toBe('3');
    expect(await natong.getByTestId('chain-graph').getAttribute('data-nodes')).toBe('5');
  });

  it('counts the day’s new F0 by where they were found, with the same figures in the export', async () => {
    await natong.goto(`${server.url}/cases/stats`);
    await natong.getByTestId('case-stats-page').waitFor();
    await eventually(() => text(natong, 'case-stats-total-newTotal')).toBe('2');
    expect(await text(natong, 'case-stats-total-newCommunity')).toBe('1');
    expect(await text(natong, 'case-stats-total-newQuarantine')).toBe('1');
    expect(await natong.getByTestId('case-stats-table').locator('tbody tr.ant-table-row').count()).toBe(14);
    const href = (await natong.getByTestId('case-stats-export').getAttribute('href'))!;
    const res = await natong.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
  });

  it('lets an observer follow the daily figures but not open a case record', async () => {
    const observer = await staffPage('theodoi.dienbien');
    await observer.goto(`${server.url}/cases`);
    await observer.waitForURL(/\/cases\/stats$/);
    await observer.getByTestId('case-stats-page').waitFor();
    await eventually(() => text(observer, 'case-stats-total-newTotal')).toBe('2');
    expect(await observer.getByTestId('cases-tab-cases').count()).toBe(0);
    await observer.goto(`${server.url}/cases/${caseId}`);
    await observer.waitForURL(/\/cases\/stats$/);
    expect(await observer.getByTestId('case-detail').count()).toBe(0);
  });

  it('moves a case to another care place, then records its recovery after a concurrent change', async () => {
    await natong.goto(`${server.url}/cases/${caseId}`);
    await natong.getByTestId('case-transfer').click();
    await natong.getByTestId('transfer-place').click();
    await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Cơ sở điều trị tầng 3 (hồi sức tích cực)' }).click();
    await natong.getByTestId('transfer-reason').fill('SpO2 giảm còn 92%, khó thở');
    await natong.getByTestId('transfer-severity').click();
    await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Nặng' }).click();
    await natong.getByTestId('transfer-submit').click();
    await toast(natong, 'Đã chuyển nơi điều trị');
    await eventually(() => text(natong, 'case-care-place')).toBe('Cơ sở điều trị tầng 3 (hồi sức tích cực)');
    expect(await text(natong, 'case-severity')).toBe('Nặng');
    const history = natong.getByTestId('care-history').locator('tbody tr.ant-table-row');
    expect(await history.count()).toBe(2);
    expect(await history.nth(1).textContent()).toContain('SpO2 giảm còn 92%, khó thở');

    // Someone else edits the case while the form is open: the save is refused, the record reloaded.
    await natong.getByTestId('case-outcome').click();
    await natong.getByTestId('outcome-status').waitFor();
    const call = apiOf(natong.context(), server.url);
    const current = await call('GET', `/cases/${caseId}`);
    await call('PATCH', `/cases/${caseId}`, { version: current.version, note: 'Trạm y tế xã đã gọi điện hỏi thăm' });
    await natong.locator('.ant-modal:visible .ant-btn-primary').click();
    await toast(natong, 'Ca bệnh vừa được người khác sửa');
    expect(await text(natong, 'case-status')).toBe('Đang điều trị');
    await natong.locator('.ant-modal:visible .ant-btn-primary').click();
    await toast(natong, 'Đã ghi kết thúc');
    await eventually(() => text(natong, 'case-status')).toBe('Khỏi bệnh, ra viện');
    expect(await natong.getByTestId('case-summary').textContent()).toContain('Trạm y tế xã đã gọi điện hỏi thăm');
  });

  it('creates a cluster and lists it with its counts', async () => {
    await natong.goto(`${server.url}/cases/clusters`);
    await natong.getByTestId('cluster-create').click();
    await natong.getByTestId('cluster-name').fill('Chợ phiên Na Tông');
    await natong.getByTestId('cluster-save').click();
    await toast(natong, 'Đã lập ổ dịch');
    const row = natong.getByTestId('clusters-table').locator('tbody tr.ant-table-row').first();
    await eventually(() => row.locator('td').allTextContents()).toEqual(['Chợ phiên Na Tông', 'Chợ', 'Na Tông', formatDate(today), '0', '0', '0', '0', '0', 'Xem chuỗi']);
  });

  it('draws a 20 000-person cluster page by page and the page keeps answering', async () => {
    // The server's paging is tested on its own; here the browser gets a cluster of the size that broke a
    // peer system (4 746 F0, the rest contacts), served 500 nodes per request as the API does.
    const TOTAL = 20_000;
    const F0 = 4_746;
    const node = (i: number) => ({
      id: i < F0 ? `case-${i}` : `contact-${i}`, kind: i < F0 ? 'case' : 'contact', level: i < F0 ? 'F0' : 'F1', anonymous: i % 10 === 0,
      label: i % 10 === 0 ? null : `Người ${i}`, status: null, severity: null, date: null, unitCode: null, handedOver: null,
    });
    const counts = { cases: F0, activeCases: F0, recovered: 0, deaths: 0, f1: TOTAL - F0, f2: 0, total: TOTAL };
    await natong.route('**/api/v1/chains/9999?*', (route) => {
      const url = new URL(route.request().url());
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      const ids = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => offset + k);
      const nodes = ids.map(node);
      const edges = ids.filter((i) => i > 0).map((i) => ({ from: `case-${(i * 7) % Math.min(i, F0)}`, to: node(i).id, kind: i < F0 ? 'infection' : 'contact' }));
      const next = offset + ids.length < TOTAL ? offset + ids.length : null;
      return route.fulfill({ json: { root: { kind: 'cluster', id: 9999, name: 'Chợ Liên Hương' }, counts, nodes, edges, offset, limit, truncated: next !== null, nextOffset: next } });
    });
    await natong.goto(`${server.url}/cases/chain/9999`);
    await natong.getByTestId('chain-page').waitFor();
    // The longest pause of the page's event loop while the pages arrive and are drawn.
    await natong.evaluate(() => {
      const w = window as unknown as { longestGap: number };
      w.longestGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.longestGap = Math.max(w.longestGap, now - last);
        last = now;
      }, 20);
    });
    expect(await text(natong, 'chain-count-total')).toBe('20.000');
    expect(await text(natong, 'chain-count-cases')).toBe('4.746');
    await expect.poll(() => text(natong, 'chain-showing'), { timeout: 90_000, interval: 250 }).toBe('Đang hiển thị 20.000 / 20.000');
    expect(await natong.getByTestId('chain-graph').getAttribute('data-nodes')).toBe('20000');
    await eventually(() => natong.getByTestId('chain-graph').getAttribute('data-drawn')).toBe('20000');
    expect(await natong.getByText('Chuỗi lớn: vẽ bố cục tĩnh để trang không bị treo.').count()).toBe(1);
    const longestGap = await natong.evaluate(() => (window as unknown as { longestGap: number }).longestGap);
    console.log(`20 000-node chain: longest main-thread pause ${Math.round(longestGap)} ms`);
    expect(longestGap).toBeLessThan(2_000);
  }, 120_000);
});
