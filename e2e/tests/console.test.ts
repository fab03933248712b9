// Sign-in, the map, the language switch and a wrong password, in a real browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from '../lib/browser';
import { ADMIN, createAdmin } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, signIn, waitForLoaded, waitForMap } from '../lib/ui';

describe('console basics', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('console', createAdmin);

  it('an administrator signs in, in Indonesian, and sees the map', async () => {
    const page = await suite.open();
    await page.goto('/');
    await page.waitForURL('**/login');
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    assert.equal(await page.locator('h1').textContent(), 'Masuk');
    await screenshot(page, 'login-id');

    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL((url) => url.pathname === '/');
    await waitForMap(page);
    assert.deepEqual(await navIds(page), NAV.admin);
    assert.equal(await page.locator('[data-nav=missions]').textContent(), 'Perwakilan');
    assert.match((await page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '', /Natural Earth/);
    assert.match((await page.locator('#panel-title').textContent()) ?? '', /Semua perwakilan/);
    await screenshot(page, 'dashboard-id');
    await page.context().close();
  });

  it('switches to English and back, remembering the choice', async () => {
    const page = await suite.signedIn();
    await waitForMap(page);

    await page.getByRole('button', { name: 'English' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('[data-nav=users]').textContent(), 'Users');
    assert.equal(await page.locator('[data-nav=missions]').textContent(), 'Missions');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1);
    await screenshot(page, 'dashboard-en');

    await page.reload();
    await page.locator('[data-nav=users]').waitFor();
    assert.equal(await page.locator('[data-nav=users]').textContent(), 'Users');

    await page.getByRole('button', { name: 'Indonesia', exact: true }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    assert.equal(await page.locator('[data-nav=users]').textContent(), 'Pengguna');
    assert.equal(await page.getByRole('button', { name: 'Keluar' }).count(), 1);
    await page.context().close();
  });

  it('shows a translated error for a wrong password', async () => {
    const page = await suite.open();
    await signIn(page, ADMIN.email, 'not the password at all');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Surel atau kata sandi salah\./);
    await screenshot(page, 'login-wrong-password-id');

    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, ADMIN.email, 'still not the password');
    await page.getByRole('alert').filter({ hasText: 'The email or password is wrong.' }).waitFor();
    await screenshot(page, 'login-wrong-password-en');
    await page.context().close();
  });

  it('renders every page in both languages', async () => {
    const page = await suite.signedIn();
    await waitForMap(page);
    for (const lang of ['id', 'en'] as const) {
      await page.getByRole('button', { name: lang === 'id' ? 'Indonesia' : 'English', exact: true }).click();
      for (const [path, name] of [
        ['/users', 'users'],
        ['/missions', 'missions'],
        ['/organisations', 'organisations'],
        ['/account', 'account'],
      ] as const) {
        await page.locator(`[data-nav=${name}]`).click();
        await page.waitForURL(`**${path}`);
        await waitForLoaded(page);
        await screenshot(page, `${name}-${lang}`);
      }
    }
    await page.context().close();
  });
});
