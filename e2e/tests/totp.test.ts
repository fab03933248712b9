// Making the second factor mandatory for a role, and a user of that role enrolling at sign-in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { screenshot } from '../lib/browser';
import { createAdmin } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, signIn, signOut, waitForMap } from '../lib/ui';

const OFFICER = { email: 'duty.officer@kemlu.example', password: 'crisis room night shift 7' };
const PERIOD = 30;

const totpFor = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD, algorithm: 'SHA1' });

/** Codes are single-use: wait for the next time step before reusing the same authenticator. */
async function nextStep(after: number): Promise<void> {
  while (Math.floor(Date.now() / 1000 / PERIOD) <= after) await new Promise((r) => setTimeout(r, 500));
}

async function enterCode(page: Page, code: string, button: string) {
  await page.locator('input[name=code]').fill(code);
  await page.getByRole('button', { name: button }).click();
}

describe('mandatory second factor', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('totp', async (server) => {
    await createAdmin(server);
    await server.createUser(OFFICER.email, 'hq_officer', OFFICER.password);
  });

  it('an hq_officer must enrol, then uses the code at the next sign-in', async () => {
    const page = await suite.signedIn();
    await page.locator('[data-nav=users]').click();
    const toggle = page.locator('input[name=totp-hq_officer]');
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    await page.locator('input[name=totp-hq_officer]:checked:not([disabled])').waitFor();
    await screenshot(page, 'role-settings-id');
    await page.reload();
    assert.equal(await page.locator('input[name=totp-hq_officer]').isChecked(), true, 'the setting is saved');
    await signOut(page);

    await signIn(page, OFFICER.email, OFFICER.password);
    await page.getByRole('heading', { name: 'Atur verifikasi dua langkah' }).waitFor();
    await page.getByRole('button', { name: 'Atur autentikator' }).click();
    const secretEl = page.locator('[data-testid=totp-secret]');
    await secretEl.waitFor();
    const secret = (await secretEl.getAttribute('data-secret')) ?? '';
    assert.match(secret, /^[A-Z2-7]+=*$/);
    assert.equal((await secretEl.textContent())?.replace(/ /g, ''), secret, 'shown grouped in fours');
    await screenshot(page, 'totp-enrol-id');

    await enterCode(page, '000000', 'Aktifkan');
    await page.getByRole('alert').waitFor();
    const enrolStep = Math.floor(Date.now() / 1000 / PERIOD);
    await enterCode(page, totpFor(secret).generate(), 'Aktifkan');
    await waitForMap(page);
    assert.deepEqual(await navIds(page), NAV.officer);
    await screenshot(page, 'totp-enrolled-dashboard-id');
    await signOut(page);

    await signIn(page, OFFICER.email, OFFICER.password);
    await page.getByRole('heading', { name: 'Kode verifikasi' }).waitFor();
    await screenshot(page, 'totp-code-id');
    await nextStep(enrolStep);
    await enterCode(page, totpFor(secret).generate(), 'Verifikasi');
    await waitForMap(page);
    await page.context().close();
  });
});
