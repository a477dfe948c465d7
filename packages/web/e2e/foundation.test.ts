/**
 * The foundation as an official meets it in Chromium: sign-in, the Vietnamese shell, the unit tree and its
 * population, jurisdiction, user management and the access log. One server for the file; each test opens
 * its own browser context so that sessions never leak from one test into another.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, DEMO_PASSWORD, launchBrowser, loginAs, startServer, type RunningServer } from './harness';

const enabled = browserAvailable();
// Generous: CI machines have two cores shared by the server, Chromium and the test runner.
const WAIT = 30_000;

/** The edit made in one test and looked for in the access log by a later one. */
const EDITED = { code: '03365.01', byAge: { '0-11': 1200, '12-17': 600, '18-49': 3100, '50-64': 900, '65+': 450 }, total: '6.250' };

describe.skipIf(!enabled)('nền tảng PCD trên trình duyệt', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async ({ task }) => {
    // A failure in CI leaves no browser to look at: say where each page was and what the server said.
    if (task.result?.state === 'fail') {
      for (const c of contexts) for (const p of c.pages()) console.error(`page at ${p.url()}:\n${(await p.locator('body').innerText().catch(() => '')).slice(0, 1500)}`);
      console.error(`server output (tail):\n${server.output().slice(-3000)}`);
    }
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(WAIT);
    contexts.push(context);
    return context.newPage();
  }

  async function signedIn(username: string, password?: string): Promise<Page> {
    const page = await newPage();
    await loginAs(page, server.url, username, password);
    return page;
  }

  /** Polls the visible text of the first match, since playwright-core has no auto-waiting assertions. */
  async function textOf(locator: Locator): Promise<string> {
    return (await locator.count()) > 0 ? (await locator.first().innerText()).trim() : '';
  }
  async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
    const poll = expect.poll(() => textOf(locator), { timeout: WAIT, interval: 100 });
    await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected));
  }

  /** Toasts stack up; wait for the one that says this, not for whichever came first. */
  async function toast(page: Page, text: string) {
    await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
  }

  /** Vietnamese numbers group thousands with dots: "6.250" → 6250. */
  const viNumber = (text: string) => Number(text.replace(/\./g, ''));

  /** Picks an option of an antd Select from the open drop-down. */
  async function choose(page: Page, select: Locator, option: string | RegExp, typed?: string) {
    await select.click();
    if (typed) await select.locator('input').fill(typed);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  }

  async function switchLanguage(page: Page, label: 'English' | 'Tiếng Việt') {
    await choose(page, page.getByTestId('language-switch'), label);
  }

  /** The tree is a virtual list: a node far down exists in the page only once scrolled to. */
  async function treeNode(page: Page, code: string): Promise<Locator> {
    const node = page.locator(`[data-testid="unit-node"][data-code="${code}"]`);
    const holder = page.locator('[data-testid="unit-tree"] .ant-tree-list-holder');
    for (let i = 0; i < 60 && (await node.count()) === 0; i++) {
      await holder.evaluate((el) => el.scrollBy(0, 150));
      await page.waitForTimeout(50);
    }
    await node.waitFor();
    return node;
  }

  async function expandNode(page: Page, code: string, childCode: string) {
    const node = await treeNode(page, code);
    await page.locator('.ant-tree-treenode', { has: node }).locator('.ant-tree-switcher').click();
    await treeNode(page, childCode);
  }

  async function search(page: Page, text: string) {
    await page.getByTestId('unit-search-input').fill(text);
    await page.getByTestId('unit-search-results').waitFor();
  }

  const resultCodes = (page: Page) =>
    page.getByTestId('unit-search-result').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));

  it('đăng nhập bằng tài khoản xã, báo lỗi tiếng Việt khi sai mật khẩu, đăng xuất về trang đăng nhập', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/units`);
    await page.waitForURL((u) => u.pathname === '/login');

    await page.getByTestId('login-username').fill('xa.natong');
    await page.getByTestId('login-password').fill('SaiMatKhau1');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), 'Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The page asked for before signing in is where the user lands.
    await page.waitForURL((u) => u.pathname === '/units');
    await expectText(page.getByTestId('header-user-name'), 'Lò Thị Hoa');
    await expectText(page.getByTestId('header-user-role'), /Cán bộ Trung tâm chỉ huy · Na Tông/);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    // The session is gone on the server too, not only forgotten by the page.
    await page.goto(`${server.url}/units`);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
  });

  it('menu bên trái bằng tiếng Việt, chuyển sang tiếng Anh rồi trở lại', async () => {
    const page = await signedIn('xa.natong');
    await expectText(page.getByTestId('nav-units'), 'Đơn vị hành chính');
    await expectText(page.getByTestId('nav-cases'), 'Ca bệnh F0');
    await expectText(page.getByTestId('nav-quarantine'), 'Cách ly');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    // A commune officer does not administer users: no such entry.
    expect(await page.getByTestId('nav-users').count()).toBe(0);

    await switchLanguage(page, 'English');
    await expectText(page.getByTestId('nav-units'), 'Administrative units');
    await expectText(page.getByTestId('nav-cases'), 'F0 cases');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The choice outlives a reload.
    await page.reload();
    await expectText(page.getByTestId('nav-quarantine'), 'Quarantine');

    await switchLanguage(page, 'Tiếng Việt');
    await expectText(page.getByTestId('nav-units'), 'Đơn vị hành chính');
    await expectText(page.getByTestId('nav-quarantine'), 'Cách ly');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('cây đơn vị: mở từng cấp, tìm không dấu, xem dân số theo nhóm tuổi định dạng kiểu Việt Nam', async () => {
    const page = await signedIn('admin');
    await page.getByTestId('nav-units').click();
    await page.getByTestId('unit-detail-empty').waitFor();

    await expandNode(page, '11', '100');
    await expandNode(page, '100', '03365');
    await expandNode(page, '03365', '03365.01');
    await (await treeNode(page, '03365.01')).click();
    await page.waitForURL((u) => u.pathname === '/units/03365.01');
    await expectText(page.getByTestId('unit-name'), 'Bản Hát Tao');
    await expectText(page.getByTestId('unit-kind'), 'Bản');
    await expectText(page.getByTestId('unit-tier'), 'Cấp thôn, tổ dân phố');
    await page.locator('.ant-tree-treenode-selected [data-testid="unit-node"][data-code="03365.01"]').waitFor();

    await search(page, 'dien bien');
    await expect.poll(() => resultCodes(page), { timeout: WAIT }).toEqual(expect.arrayContaining(['11', '100']));
    await expectText(page.locator('[data-testid="unit-search-result"][data-code="11"]'), /^Tỉnh Điện Biên/);
    await expectText(page.locator('[data-testid="unit-search-result"][data-code="100"]'), /^Huyện Điện Biên/);

    await search(page, 'hat tao');
    await expect.poll(() => resultCodes(page), { timeout: WAIT }).toEqual(['03365.01']);
    await expectText(page.getByTestId('unit-search-result'), /Bản Hát Tao[\s\S]*Na Tông, Điện Biên/);

    // The commune: its population is the sum of its villages, in thousands with a dot.
    await search(page, 'na tong');
    await page.locator('[data-testid="unit-search-result"][data-code="03365"]').click();
    await page.waitForURL((u) => u.pathname === '/units/03365');
    await expectText(page.getByTestId('unit-name'), 'Xã Na Tông');
    await expectText(page.getByTestId('unit-breadcrumb'), /Tỉnh Điện Biên\s*\/\s*Huyện Điện Biên\s*\/\s*Xã Na Tông/);
    await expectText(page.getByTestId('population-source'), 'Cộng từ các đơn vị trực thuộc');
    const total = await textOf(page.getByTestId('population-total'));
    expect(total).toMatch(/^\d{1,3}(\.\d{3})+$/);
    const bands = ['0-11', '12-17', '18-49', '50-64', '65+'];
    const counts = await Promise.all(bands.map((b) => textOf(page.getByTestId(`population-count-${b}`))));
    expect(counts.reduce((sum, c) => sum + viNumber(c), 0)).toBe(viNumber(total));
    await expectText(page.getByTestId('unit-population-table'), /0–11 tuổi[\s\S]*Từ 65 tuổi[\s\S]*Tổng số/);
    await expectText(page.getByTestId('unit-population-table'), /\d+,\d%/);
    await expectText(page.getByTestId('unit-updated-at'), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.getByTestId('population-demo-tag').waitFor();

    // The tree opens down to a unit chosen from the search and marks it.
    await page.getByTestId('unit-search-input').fill('');
    await page.locator('.ant-tree-treenode-selected [data-testid="unit-node"][data-code="03365"]').waitFor();
  });

  it('cán bộ xã sửa dân số theo nhóm tuổi, tổng mới còn sau khi tải lại; người theo dõi không có nút sửa', async () => {
    const page = await signedIn('xa.natong');
    await page.goto(`${server.url}/units/03365`);
    await expectText(page.getByTestId('population-total'), /\d/);
    const communeBefore = viNumber(await textOf(page.getByTestId('population-total')));
    await page.goto(`${server.url}/units/${EDITED.code}`);
    await expectText(page.getByTestId('unit-name'), 'Bản Hát Tao');
    await expectText(page.getByTestId('population-total'), /\d/);
    const villageBefore = viNumber(await textOf(page.getByTestId('population-total')));

    await page.getByTestId('population-edit-button').click();
    await page.getByTestId('population-edit-form').waitFor();
    for (const [band, n] of Object.entries(EDITED.byAge)) await page.getByTestId(`population-input-${band}`).fill(String(n));
    await expectText(page.getByTestId('population-edit-total'), EDITED.total);
    await page.getByTestId('population-save').click();
    await toast(page, 'Đã lưu số liệu dân số.');
    await expectText(page.getByTestId('population-total'), EDITED.total);

    await page.reload();
    await expectText(page.getByTestId('population-total'), EDITED.total);
    await expectText(page.getByTestId('population-count-18-49'), '3.100');
    await expectText(page.getByTestId('population-source'), 'Nhập trực tiếp cho đơn vị này');
    // The commune's sum follows its village.
    await page.goto(`${server.url}/units/03365`);
    await expect
      .poll(async () => viNumber(await textOf(page.getByTestId('population-total'))), { timeout: WAIT })
      .toBe(communeBefore - villageBefore + 6250);

    const observer = await signedIn('theodoi.dienbien');
    await observer.goto(`${server.url}/units/${EDITED.code}`);
    await expectText(observer.getByTestId('population-total'), EDITED.total);
    expect(await observer.getByTestId('population-edit-button').count()).toBe(0);
    expect(await observer.getByTestId('unit-import-button').count()).toBe(0);
  });

  it('cán bộ xã Mường Nhà chỉ thấy xã mình; mở thẳng địa chỉ xã Na Tông thì báo không tìm thấy', async () => {
    const page = await signedIn('xa.muongnha');
    await page.goto(`${server.url}/units`);
    await expectText(await treeNode(page, '03364'), 'Xã Mường Nhà');
    await expect
      .poll(() => page.getByTestId('unit-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))), { timeout: WAIT })
      .toEqual(['03364']);
    await expandNode(page, '03364', '03364.01');
    await expectText(await treeNode(page, '03364.01'), 'Bản Pu Lau');
    const codes = await page.getByTestId('unit-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-code') ?? ''));
    expect(codes.every((c) => c.startsWith('03364'))).toBe(true);

    await search(page, 'hat tao');
    await expectText(page.getByTestId('unit-search-results'), /Không tìm thấy đơn vị nào khớp với «hat tao»/);
    expect(await page.getByTestId('unit-search-result').count()).toBe(0);
    await search(page, 'dien bien');
    await expectText(page.getByTestId('unit-search-results'), /Không tìm thấy đơn vị nào/);
    await search(page, 'pu lau');
    await expect.poll(() => resultCodes(page), { timeout: WAIT }).toEqual(['03364.01']);

    for (const code of ['03365', '03365.01']) {
      await page.goto(`${server.url}/units/${code}`);
      await expectText(page.getByTestId('unit-not-found'), /Không tìm thấy đơn vị[\s\S]*nằm ngoài phạm vi của bạn/);
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/Na Tông|Hát Tao/);
      expect(await page.getByTestId('population-total').count()).toBe(0);
    }
  });

  it('quản trị viên tạo người dùng, khóa tài khoản: không đăng nhập được và phiên đang mở kết thúc', async () => {
    const admin = await signedIn('admin');
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('users-table').waitFor();
    await admin.getByTestId('user-create-button').click();
    await admin.getByTestId('user-form').waitFor();
    await admin.getByTestId('user-username').fill('canbo.natong');
    await admin.getByTestId('user-fullname').fill('Đặng Thị Lan');
    await choose(admin, admin.getByTestId('user-role'), 'Cán bộ y tế');
    await choose(admin, admin.getByTestId('user-unit'), '(03365)', 'na tong');
    await admin.getByTestId('user-password').fill('MatKhau2021');
    await admin.getByTestId('user-save').click();
    await toast(admin, 'Đã thêm người dùng canbo.natong.');
    const row = admin.locator('[data-testid="user-row"][data-username="canbo.natong"]');
    await expectText(row, /Đặng Thị Lan[\s\S]*Cán bộ y tế[\s\S]*Na Tông[\s\S]*Đang hoạt động[\s\S]*Chưa đăng nhập[\s\S]*\d{2}\/\d{2}\/\d{4}/);

    const lan = await signedIn('canbo.natong', 'MatKhau2021');
    await expectText(lan.getByTestId('header-user-name'), 'Đặng Thị Lan');
    await expectText(lan.getByTestId('dashboard'), /Xin chào, Đặng Thị Lan/);

    await row.getByTestId('user-toggle').click();
    await admin.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click();
    await toast(admin, 'Đã khóa tài khoản canbo.natong.');
    await expectText(row, /Đã khóa/);

    // Her open page learns at its next request that the session is over.
    await lan.getByTestId('nav-units').click();
    await lan.waitForURL((u) => u.pathname === '/login');
    await lan.getByTestId('login-form').waitFor();

    const again = await newPage();
    await again.goto(`${server.url}/login`);
    await again.getByTestId('login-username').fill('canbo.natong');
    await again.getByTestId('login-password').fill('MatKhau2021');
    await again.getByTestId('login-submit').click();
    await expectText(again.getByTestId('login-error'), 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.');
    expect(new URL(again.url()).pathname).toBe('/login');
  });

  it('nhật ký truy cập ghi lại lần sửa dân số: ai, đơn vị nào, số trước và sau', async () => {
    const page = await signedIn('admin');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-filter-username').fill('xa.natong');
    await page.getByTestId('audit-filter-apply').click();
    await page.waitForURL((u) => u.searchParams.get('username') === 'xa.natong');

    const row = page.locator('[data-testid="audit-row"]', { hasText: EDITED.code });
    await expectText(row, new RegExp(`\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}[\\s\\S]*xa\\.natong[\\s\\S]*Cập nhật[\\s\\S]*Đơn vị hành chính[\\s\\S]*${EDITED.code.replace('.', '\\.')}`));
    await row.locator('.ant-table-row-expand-icon').click();
    const changes = page.getByTestId('audit-changes');
    await expectText(changes, /Dân số theo nhóm tuổi/);
    await expectText(changes, /0-11: 1200 · 12-17: 600 · 18-49: 3100 · 50-64: 900 · 65\+: 450/);
  });
});
