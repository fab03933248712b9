// Partner organisations and the audit log: an administrator adds partners (with a stale edit
// refused), creates a partner user, and reads what happened in the audit log; the partner then
// sees only their own organisation and no audit log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from '../lib/browser';
import { ADMIN, createAdmin } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, signOut, waitForLoaded } from '../lib/ui';

const IOM = {
  name: 'International Organization for Migration',
  shortName: 'IOM',
  email: 'jakarta@iom.example',
  phone: '+62215795 1275',
};
const UNHCR = { name: 'UN Refugee Agency', shortName: 'UNHCR', phone: '+41227398111' };
const PARTNER = { email: 'liaison@iom.example', name: 'Maria Santos' };
const NEW_PASSWORD = 'Safe passage for every migrant 2026';

/** The data-action of every row of the audit table. */
const auditActions = (page: Page) =>
  page
    .locator('[data-testid=audit-table] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));

const auditEntityTypes = (page: Page) =>
  page
    .locator('[data-testid=audit-table] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity-type') ?? ''));

describe('partners and the audit log', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('audit-partners', createAdmin);
  let oneTimePassword = '';

  it('an administrator adds partners, a partner user, and reads the audit log', async () => {
    const page = await suite.signedIn();
    await page.locator('[data-nav=organisations]').click();
    await page.waitForURL('**/organisations');
    await waitForLoaded(page);
    assert.equal(await page.locator('[data-nav=organisations]').textContent(), 'Mitra');
    await page.locator('[data-testid=organisations-table] .status--headquarters').waitFor();

    // Create: the contract's rules first, then the server's.
    await page.getByRole('button', { name: 'Mitra baru' }).click();
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.locator('.field__error').first().waitFor();
    await page.locator('input[name=name]').fill(IOM.name);
    await page.locator('input[name=shortName]').fill(IOM.shortName);
    await page.locator('input[name=email]').fill(IOM.email);
    await page.locator('input[name=phone]').fill(IOM.phone);
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Mitra ${IOM.name} ditambahkan.` })
      .waitFor();
    await page.locator('tr[data-organisation=IOM]').getByText(IOM.email).waitFor();

    await page.getByRole('button', { name: 'Mitra baru' }).click();
    await page.locator('input[name=name]').fill(IOM.name);
    await page.locator('input[name=shortName]').fill(UNHCR.shortName);
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.locator('.field--error').filter({ hasText: 'Nama ini sudah dipakai.' }).waitFor();
    assert.equal(await page.locator('.field--error input[name=name]').count(), 1);
    await page.locator('input[name=name]').fill(UNHCR.name);
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.locator('tr[data-organisation=UNHCR]').waitFor();

    // Inline edit.
    await page.getByRole('button', { name: `Ubah ${UNHCR.name}` }).click();
    await page.locator('tr.table__edit input[name=phone]').fill(UNHCR.phone);
    await page.locator('tr.table__edit').getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' }).waitFor();
    await page.locator('tr[data-organisation=UNHCR]').getByText(UNHCR.phone).waitFor();

    // Two editors of the same partner: the second is told to reload.
    const other = await page.context().newPage();
    await other.goto('/organisations');
    await page.getByRole('button', { name: `Ubah ${IOM.name}` }).click();
    await other.getByRole('button', { name: `Ubah ${IOM.name}` }).click();
    await page.locator('tr.table__edit input[name=email]').fill('geneva@iom.example');
    await page.locator('tr.table__edit').getByRole('button', { name: 'Simpan' }).click();
    await page.locator('tr[data-organisation=IOM]').getByText('geneva@iom.example').waitFor();
    await other.locator('tr.table__edit input[name=phone]').fill('+41227179111');
    await other.locator('tr.table__edit').getByRole('button', { name: 'Simpan' }).click();
    await other.getByRole('alert').filter({ hasText: 'Orang lain telah mengubah data ini' }).waitFor();
    await screenshot(other, 'organisation-stale-version-id');
    await other.getByRole('button', { name: 'Muat ulang' }).click();
    await other.getByRole('alert').waitFor({ state: 'detached' });
    assert.equal(await other.locator('tr.table__edit input[name=email]').inputValue(), 'geneva@iom.example');
    await other.close();
    await screenshot(page, 'organisations-id');

    // A partner user must belong to a partner organisation.
    await page.locator('[data-nav=users]').click();
    await page.getByRole('button', { name: 'Pengguna baru' }).click();
    await page.locator('form.form-grid input[name=email]').fill(PARTNER.email);
    await page.locator('input[name=displayName]').fill(PARTNER.name);
    await page.locator('form.form-grid select[name=role]').selectOption('partner');
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.locator('.field--error').filter({ hasText: 'Pilih organisasi mitra.' }).waitFor();
    await page.locator('select[name=organisationId]').selectOption({ label: `${IOM.name} (IOM)` });
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    const otpBox = page.locator('[data-testid=one-time-password]');
    await otpBox.waitFor();
    oneTimePassword = (await otpBox.textContent())?.trim() ?? '';
    assert.ok(oneTimePassword.length >= 8, 'a one-time password is shown');

    // From the user's page, "Activity" opens the audit log filtered to that user.
    await page.locator('[data-testid=users-table]').getByRole('link', { name: PARTNER.name }).click();
    await page.locator('[data-testid=user-organisation]').filter({ hasText: IOM.name }).waitFor();
    const userId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Aktivitas' }).click();
    await page.waitForURL('**/audit?**');
    await waitForLoaded(page);
    assert.equal(await page.locator('select[name=entityType]').inputValue(), 'user');
    assert.equal(await page.locator('input[name=entityId]').inputValue(), userId);
    const userRow = page.locator('[data-testid=audit-table] tr[data-action="user.create"]');
    await userRow.waitFor();
    assert.match((await userRow.textContent()) ?? '', /Pengguna dibuat/);
    assert.match((await userRow.textContent()) ?? '', /role=partner/);
    assert.deepEqual(await auditActions(page), ['user.create']);

    // Filter by entity type: both partners were created by the administrator.
    await page.locator('input[name=entityId]').fill('');
    await page.locator('select[name=entityType]').selectOption('organisation');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.get('entityType') === 'organisation');
    await waitForLoaded(page);
    const actions = await auditActions(page);
    assert.deepEqual([...actions].sort(), [
      'organisation.create',
      'organisation.create',
      'organisation.update',
      'organisation.update',
    ]);
    assert.ok((await auditEntityTypes(page)).every((type) => type === 'organisation'));
    const created = page.locator('[data-testid=audit-table] tr[data-action="organisation.create"]');
    assert.equal(await created.count(), 2);
    for (const row of await created.all()) {
      assert.equal((await row.locator('[data-testid=audit-actor]').textContent())?.trim(), ADMIN.email);
      assert.match((await row.textContent()) ?? '', /Organisasi dibuat/);
    }
    const updated = page.locator('[data-testid=audit-table] tr[data-action="organisation.update"]').first();
    await updated.locator('.chip').first().waitFor();
    await screenshot(page, 'audit-id');

    // An action name, and a time window in the future that holds nothing.
    await page.locator('input[name=action]').fill('organisation.update');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'organisation.update');
    await waitForLoaded(page);
    assert.deepEqual(await auditActions(page), ['organisation.update', 'organisation.update']);
    await page.locator('input[name=from]').fill('2099-01-01T00:00');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.has('from'));
    assert.match(
      new URL(page.url()).searchParams.get('from') ?? '',
      /^2099-01-01T00:00:00(Z|[+-]\d\d:\d\d)$/,
    );
    await page.getByText('Tidak ada catatan yang cocok.').waitFor();
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.search === '');
    await waitForLoaded(page);
    assert.ok((await auditActions(page)).includes('auth.login'));

    // The same page in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('select[name=entityType]').selectOption('organisation');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('entityType') === 'organisation');
    await waitForLoaded(page);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    assert.match((await created.first().textContent()) ?? '', /Organisation created/);
    await screenshot(page, 'audit-en');
    await page.context().close();
  });

  it('the partner sees only their own organisation and no audit log', async () => {
    const page = await suite.signedIn({ email: PARTNER.email, password: oneTimePassword });
    await page.locator('input[name=newPassword]').waitFor();
    await page.locator('input[name=currentPassword]').fill(oneTimePassword);
    await page.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await page.locator('input[name=confirm]').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();

    assert.deepEqual(await navIds(page), NAV.partner);
    await page.locator('[data-nav=organisations]').click();
    await page.waitForURL('**/organisations');
    await waitForLoaded(page);
    const rows = page.locator('[data-testid=organisations-table] tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', new RegExp(IOM.name));
    assert.equal(await page.getByRole('button', { name: 'Mitra baru' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: `Ubah ${IOM.name}` }).count(), 0);
    await screenshot(page, 'partner-organisations-id');

    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await signOut(page);
    await page.context().close();
  });
});
