import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Every page is watched for what a user would not see but must never happen: a script error, or
 * anything the Content Security Policy refused (an inline style a component injects, say).
 */
export const test = base.extend<{ problems: string[] }>({
  baseURL: async ({}, use) => {
    const url = process.env.SERAMBI_E2E_URL;
    if (!url) throw new Error('SERAMBI_E2E_URL is not set: run through playwright.config.ts, whose global setup starts serve mode');
    await use(url);
  },
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, problems }, use) => {
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'no CSP violation or script error on the page').toEqual([]);
  },
});

export { expect };

export const ADMIN = { username: 'admin', displayName: 'Ayu Pratiwi', password: 'Serambi-Admin-2026' };
export const BRANCH = { code: 'JKT01', name: 'KCP Jakarta Sudirman' };

export async function shot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  // From the top, so the sticky bars sit where a person sees them; and after transitions
  // (dialogs, messages) have settled. What covers the window (the lock screen) is taken as the
  // window shows it: a full-page picture would show the page below the cover.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

export async function loginAs(page: Page, username: string, password: string): Promise<void> {
  await login(page, username, password);
  await expect(page.getByRole('heading', { name: /^Selamat datang/ })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
}

export function menu(page: Page): Locator {
  return page.getByRole('navigation').getByRole('menuitem');
}

export async function openDesk(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem', { name: label }).click();
}

/** A row of an Element Plus table, by a text in it. */
export function row(page: Page, text: string): Locator {
  return page.getByRole('row').filter({ hasText: text });
}

/**
 * Picks an option of an Element Plus select by its label. The click lands where a person clicks,
 * on the shown value that covers the select's input (hence `force`: that layering is the design).
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}
