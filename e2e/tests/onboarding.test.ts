// An administrator sets up a mission and its officer; the officer signs in with the one-time
// password, must choose their own, and then sees only what their role allows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from '../lib/browser';
import { createAdmin } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, signIn, signOut, waitForMap } from '../lib/ui';

const OFFICER = { email: 'officer.khartoum@kemlu.example', name: 'Siti Rahmawati' };
const NEW_PASSWORD = 'Nile river at dawn 2026';

describe('onboarding a mission officer', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('onboarding', createAdmin);

  it('creates a mission and user, then the officer changes the one-time password', async () => {
    const page = await suite.signedIn();
    await page.locator('[data-nav=missions]').click();

    await page.getByRole('button', { name: 'Perwakilan baru' }).click();
    const invalid = page.locator('form.form-grid');
    await invalid.locator('button[type=submit]').click();
    await page.locator('.field__error').first().waitFor();
    await screenshot(page, 'mission-form-errors-id');

    await page.locator('input[name=code]').fill('KBRI-KHARTOUM');
    await page.locator('input[name=name]').fill('Kedutaan Besar Republik Indonesia di Khartoum');
    await page.locator('select[name=kind]').selectOption('embassy');
    await page.locator('input[name=city]').fill('Khartoum');
    await page.locator('input[name=countries]').fill('SD, ER');
    await page.locator('input[name=hotline]').fill('+249912345678');
    await page.locator('input[name=email]').fill('khartoum.kbri@kemlu.example');
    await page.locator('textarea[name=address]').fill('Street 60, Riyadh, Khartoum');
    await page.getByRole('button', { name: 'Buat perwakilan' }).click();
    await page.getByRole('status').filter({ hasText: 'KBRI-KHARTOUM' }).waitFor();
    await page.locator('[data-testid=missions-table]').getByText('KBRI-KHARTOUM').waitFor();
    await screenshot(page, 'mission-created-id');

    await page.locator('[data-nav=users]').click();
    await page.getByRole('button', { name: 'Pengguna baru' }).click();
    await page.locator('form.form-grid input[name=email]').fill(OFFICER.email);
    await page.locator('input[name=displayName]').fill(OFFICER.name);
    await page.locator('form.form-grid select[name=role]').selectOption('mission_officer');
    await page.locator('input[name=missionCodes][value=KBRI-KHARTOUM]').check();
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    const otpBox = page.locator('[data-testid=one-time-password]');
    await otpBox.waitFor();
    const oneTimePassword = (await otpBox.textContent())?.trim() ?? '';
    assert.ok(oneTimePassword.length >= 8, 'a one-time password is shown');
    await screenshot(page, 'user-created-id');
    await signOut(page);

    await signIn(page, OFFICER.email, oneTimePassword);
    await page.locator('input[name=newPassword]').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Buat kata sandi baru');
    await screenshot(page, 'forced-password-change-id');
    await page.locator('input[name=currentPassword]').fill(oneTimePassword);
    await page.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await page.locator('input[name=confirm]').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();

    await waitForMap(page);
    assert.deepEqual(await navIds(page), NAV.officer);
    assert.match((await page.locator('#panel-title').textContent()) ?? '', /Perwakilan saya/);
    await page.locator('[data-testid=dashboard-missions]').getByText('KBRI-KHARTOUM').waitFor();
    await screenshot(page, 'officer-dashboard-id');

    await page.goto('/users');
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();

    await page.goto('/missions/KBRI-KHARTOUM');
    await page.getByRole('button', { name: 'Ubah' }).click();
    assert.equal(await page.locator('input[name=name]').count(), 0, 'an officer edits contact fields only');
    await page.locator('input[name=hotline]').fill('+249912000111');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('+249912000111').waitFor();
    await screenshot(page, 'officer-mission-edited-id');
    await signOut(page);

    await signIn(page, OFFICER.email, NEW_PASSWORD);
    await waitForMap(page);
    await page.context().close();
  });
});
