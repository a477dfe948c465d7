import { addDays, formatDate, vnDate } from '@pcd/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, loginAs, startServer, type RunningServer } from './harness';

const today = vnDate();
const VILLAGE = '03365.01'; // Bản Hát Tao, xã Na Tông
const PATIENT = { fullName: 'Lò Văn Bình', birthYear: 1985, phone: '0912300001' };
const WIFE = { fullName: 'Lò Thị Hương', birthYear: 1988, phone: '0912300002' };
const NEIGHBOUR = { fullName: 'Cà Văn Dũng', birthYear: 1979, phone: '0912300003' };
const SISTER = { fullName: 'Quàng Thị Ban', birthYear: 1990, phone: '0987000222' }; // lives in bản Pu Lau, xã Mường Nhà
const CHILD = { fullName: 'Lò Văn Khánh', birthYear: 2015 };

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();
const fieldError = (page: Page, id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);
const toast = (page: Page, content: string) => page.locator('.ant-message', { hasText: content }).waitFor();

/** JSON calls as the logged-in user of a browser context, echoing the CSRF cookie as the app does. */
function apiOf(context: BrowserContext, baseUrl: string) {
  return async (method: 'GET' | 'POST', path: string, data?: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pcd_csrf')?.value ?? '';
    const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

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
    await natong.getByTestId('case-form-spo2').locator('input').fill('97');
    await natong.getByTestId('case-form-doses').locator('input').fill('2');
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
      await natong.getByTestId('contact-form-person-year').locator('input').fill(String(SISTER.birthYear));
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
    expect(await natong.locator(`tr[data-name="${WIFE.fullName}"]`).textContent()).toContain(`Cách ly F1 → ${formatDate(addDays(today, 6))}`);
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
    await eventually(() => natong.url()).not.toMatch(new RegExp(`/cases/${caseId}$`));
    await natong.getByTestId('case-detail').waitFor();
    promotedCaseId = Number(await natong.getByTestId('case-detail').getAttribute('data-id'));
    expect(promotedCaseId).toBeGreaterThan(caseId);
    expect(await natong.getByTestId('case-detail').locator('h1, h2, h3, h4').first().textContent()).toContain(WIFE.fullName);
    // She was under F1 quarantine, so the server counts her as found in quarantine.
    expect(await text(natong, 'case-detected-in')).toBe('Trong khu cách ly');

    // Her own household contact, recorded on the new case, joins the chain.
    await natong.getByTestId('case-add-f1').click();
    await natong.getByTestId('contact-form-person-mode').getByText('Người mới').click();
    await natong.getByTestId('contact-form-person-name').fill(CHILD.fullName);
    await natong.getByTestId('contact-form-person-year').locator('input').fill(String(CHILD.birthYear));
    await natong.getByTestId('contact-form-person-unit').click();
    await natong.getByTestId('contact-form-person-unit').locator('input').fill('hat tao');
    await natong.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Hát Tao' }).first().click();
    await natong.getByTestId('contact-form-submit').click();
    await eventually(() => natong.getByTestId('contact-name').allTextContents()).toEqual([CHILD.fullName]);

    await natong.getByTestId('case-chain').click();
    await natong.goto(`${server.url}/cases/chain/case-${caseId}`);
    await eventually(() => text(natong, 'chain-showing')).toBe('Đang hiển thị 5 / 5');
    expect(await text(natong, 'chain-count-cases')).toBe('2');
    expect(await text(natong, 'chain-count-f1')).toBe('3');
    expect(await natong.getByTestId('chain-graph').getAttribute('data-nodes')).toBe('5');
  });
});
