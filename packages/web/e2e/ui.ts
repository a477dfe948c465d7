import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

/** Calls the API as the signed-in browser does (its cookie and CSRF token), to set up or check data. */
export function apiOf(context: BrowserContext, baseUrl: string) {
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'pcd_csrf')?.value ?? '';
    const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

/** Picks an option of the Ant Design select with this test id, typing a search first if given. */
export async function pickOption(page: Page, testId: string, text: string, search?: string) {
  // A drop-down still closing from the previous pick can lie over this select on a loaded machine.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await page.getByTestId(testId).click();
  if (search) await page.getByTestId(testId).locator('input').fill(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
  await option.click();
  await option.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

export const toast = (page: Page, content: string) => page.locator('.ant-message', { hasText: content }).first().waitFor();

/** The error shown under the form field whose input has this id. */
export const fieldError = (page: Page, id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);
