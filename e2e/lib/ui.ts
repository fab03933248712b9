// Steps through the console the way a person would; selectors prefer names and roles.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('.topbar__end button.button--quiet').click();
  await page.locator('input[name=email]').waitFor();
}

export async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid=map][data-map-ready=true]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('[data-testid=map] canvas').count(), 1);
}

export async function navIds(page: Page): Promise<string[]> {
  await page.locator('.topbar__nav').waitFor();
  return page.locator('[data-nav]').evaluateAll((els) => els.map((el) => el.getAttribute('data-nav') ?? ''));
}

/** Waits until no "loading" placeholder is left on the page. */
export async function waitForLoaded(page: Page): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await page.locator('.loading').count()) > 0) {
    if (Date.now() > deadline) throw new Error('page still loading after 20 s');
    await page.waitForTimeout(100);
  }
}

/** The navigation each kind of user sees, in order (see navIds). */
export const NAV = {
  admin: [
    'dashboard',
    'crises',
    'hazards',
    'people',
    'imports',
    'users',
    'missions',
    'organisations',
    'audit',
    'account',
  ],
  /** Mission and headquarters officers. */
  officer: ['dashboard', 'crises', 'hazards', 'people', 'imports', 'missions', 'organisations', 'account'],
  partner: ['dashboard', 'missions', 'organisations', 'account'],
};
