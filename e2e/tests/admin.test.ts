// Administration details: editing with optimistic concurrency, disabling, password reset,
// filters, mission editing and personal API tokens.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from '../lib/browser';
import { ADMIN, createAdmin, createMission, type MissionSeed } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { waitForLoaded } from '../lib/ui';

const VIEWER = { email: 'analyst@kemlu.example', password: 'reading the situation 24' };

const KJRI_JEDDAH: MissionSeed = {
  code: 'KJRI-JEDDAH',
  name: 'Konsulat Jenderal Republik Indonesia di Jeddah',
  kind: 'consulate',
  city: 'Jeddah',
  countries: 'SA',
  hotline: '+966503609667',
  address: 'Al-Mualifin Street, Al-Rehab District 5, Jeddah',
};

describe('administration', { timeout: 300_000 }, () => {
  let viewerId = '';
  const suite = useServerAndBrowser('admin', async (server) => {
    await createAdmin(server);
    viewerId = (await server.createUser(VIEWER.email, 'viewer', VIEWER.password, ['--name', 'Dewi Analis']))
      .id;
    await createMission(server, KJRI_JEDDAH);
  });

  it('filters users, and a stale edit is refused with a clear message', async () => {
    const page = await suite.signedIn();
    await page.locator('[data-nav=users]').click();
    await page.locator('.filters select[name=role]').selectOption('viewer');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    // The unfiltered list also holds the viewer: wait for the administrator's row to go first.
    const rows = page.locator('[data-testid=users-table] tbody tr');
    await rows.filter({ hasText: ADMIN.email }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: VIEWER.email }).waitFor();
    assert.equal(await page.locator('[data-testid=users-table] tbody tr').count(), 1);

    const other = await page.context().newPage();
    await page.goto(`/users/${viewerId}`);
    await other.goto(`/users/${viewerId}`);
    await page.locator('input[name=displayName]').fill('Dewi Analis Senior');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' }).waitFor();

    await other.locator('input[name=displayName]').fill('Dewi A.');
    await other.getByRole('button', { name: 'Simpan' }).click();
    await other.getByRole('alert').filter({ hasText: 'Orang lain telah mengubah data ini' }).waitFor();
    await screenshot(other, 'user-stale-version-id');
    await other.getByRole('button', { name: 'Muat ulang' }).click();
    await other.locator('h1').filter({ hasText: 'Dewi Analis Senior' }).waitFor();
    assert.equal(await other.locator('input[name=displayName]').inputValue(), 'Dewi Analis Senior');
    await other.close();

    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await page.locator('.page-head .status--disabled').waitFor();
    await page.getByRole('button', { name: 'Aktifkan akun' }).click();
    await page.locator('.page-head .status--active').waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    const otp = (await page.locator('[data-testid=one-time-password]').textContent())?.trim() ?? '';
    assert.ok(otp.length >= 8);
    await screenshot(page, 'user-detail-id');
    await page.context().close();
  });

  it('edits a mission and manages API tokens', async () => {
    const page = await suite.signedIn();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('[data-nav=missions]').click();
    await page.getByRole('link', { name: 'KJRI-JEDDAH' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('input[name=countries]').fill('SA, YE');
    await page.locator('textarea[name=jurisdictions]').fill('SA: SA-02, SA-03\nYE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    assert.equal(await page.locator('.details dd').nth(2).textContent(), 'SA, YE');
    await screenshot(page, 'mission-detail-en');

    await page.locator('[data-nav=account]').click();
    await waitForLoaded(page);
    await page.locator('input[name=name]').fill('situation-report script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('[data-testid=api-token]').textContent())?.trim() ?? '';
    assert.ok(token.length > 20, 'the token is shown once');
    const res = await fetch(`${suite.server.baseUrl}/api/v1/missions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, 'the new token works');
    await screenshot(page, 'account-token-en');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('You have no tokens.').waitFor();
    await page.context().close();
  });
});
