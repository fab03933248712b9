// The registry of nationals abroad in the console: an administrator registers a person with a
// document and a vulnerability through the form, finds them again by another spelling of the
// name, reveals the sensitive fields with a reason and reads that reveal in the audit log; then
// uploads a list with bad rows and reads the report of rejected rows.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from '../lib/browser';
import { KBRI_KUALA_LUMPUR, createAdmin, createMission } from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, waitForLoaded } from '../lib/ui';

const PERSON = {
  name: 'Mochammad Abdurrahman',
  variant: 'muhammad abdul rahman',
  passport: 'B7654321',
  phone: '012-345 6789',
  note: 'Diabetes; needs insulin every day',
};
const REASON = 'Verifikasi identitas untuk evakuasi';
const IMPORT_FILE = fileURLToPath(new URL('../fixtures/people-import.csv', import.meta.url));

const input = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe('the registry of nationals abroad', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('people', async (server) => {
    await createAdmin(server);
    await createMission(server, KBRI_KUALA_LUMPUR);
  });

  it('registers a person, finds them by another spelling, reveals and audits', async () => {
    const page = await suite.signedIn();
    assert.deepEqual(await navIds(page), NAV.admin);
    assert.equal(await page.locator('[data-nav=people]').textContent(), 'Registri');
    await page.locator('[data-nav=people]').click();
    await page.waitForURL('**/people');
    await waitForLoaded(page);
    await page.getByTestId('people-total').filter({ hasText: '0 orang' }).waitFor();

    // The form: the contract's rules first, next to the input at fault.
    await page.getByRole('link', { name: 'Daftarkan WNI' }).click();
    await page.waitForURL('**/people/new');
    await input(page, 'fullName').fill(PERSON.name);
    await input(page, 'sex').selectOption('male');
    await input(page, 'birthDate').fill('1987-04');
    await input(page, 'statusAbroad').selectOption('worker');
    await input(page, 'employer').fill('PT Sawit Makmur');
    await input(page, 'documents.0.number').fill(PERSON.passport);
    await input(page, 'contacts.0.value').fill('12');
    await input(page, 'location.country').fill('MY');
    await input(page, 'location.city').fill('Kuala Lumpur');
    await input(page, 'emergencyContacts.0.name').fill('Siti Aminah');
    await input(page, 'emergencyContacts.0.relationship').fill('Istri');
    await input(page, 'emergencyContacts.0.phone').fill('0812 3456 7890');
    await input(page, 'vulnerability.chronic_illness').check();
    await input(page, 'vulnerability.chronic_illness.note').fill(PERSON.note);
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.locator('.field--error [name="contacts.0.value"]').waitFor();
    assert.equal(await page.locator('.field--error').count(), 1);
    await screenshot(page, 'person-form-errors-id');

    // Then the server's: a local number is read in the country of residence.
    await input(page, 'contacts.0.value').fill(PERSON.phone);
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: 'Data telah didaftarkan.' }).waitFor();
    const personUrl = page.url();
    await page.getByTestId('person-mission').filter({ hasText: 'KBRI-KUALA-LUMPUR' }).waitFor();
    assert.equal(await page.getByTestId('document-number').textContent(), '••••321');
    assert.match((await page.getByTestId('vulnerability-count').textContent()) ?? '', /1/);
    assert.match((await page.getByTestId('person-contacts').textContent()) ?? '', /\+60123456789/);

    // The same passport for someone else is refused on the document number itself.
    await page.goto('/people/new');
    await input(page, 'fullName').fill('Ahmad Fauzi');
    await input(page, 'documents.0.number').fill(PERSON.passport);
    await input(page, 'contacts.0.value').fill('');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    const duplicate = page.locator('.field--error').filter({ has: input(page, 'documents.0.number') });
    await duplicate.filter({ hasText: 'sudah dimiliki orang lain' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Nomor dokumen ini sudah dimiliki' }).waitFor();
    await page.getByRole('link', { name: 'Buka data orang yang memiliki nomor ini' }).waitFor();
    await screenshot(page, 'person-duplicate-document-id');

    // Search by another spelling and word split of the name.
    await page.locator('[data-nav=people]').click();
    await page.waitForURL('**/people');
    await input(page, 'q').fill(PERSON.variant);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === PERSON.variant);
    await waitForLoaded(page);
    await page.getByTestId('people-total').filter({ hasText: '1 orang' }).waitFor();
    const row = page.getByTestId('people-table').getByRole('link', { name: PERSON.name });
    await row.waitFor();
    await screenshot(page, 'people-search-id');
    // The filters live in the address: a reload shows the same list.
    await page.reload();
    assert.equal(await input(page, 'q').inputValue(), PERSON.variant);
    await row.click();
    await page.waitForURL(personUrl);

    // Reveal, with a reason.
    await page.getByRole('button', { name: 'Tampilkan data sensitif' }).click();
    const reveal = page.getByTestId('reveal-form');
    await reveal.locator('[name=reason]').fill('ok');
    await reveal.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await reveal.locator('.field--error').waitFor();
    await reveal.locator('[name=reason]').fill(REASON);
    await reveal.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.getByTestId('reveal-recorded').waitFor();
    assert.equal(await page.getByTestId('document-number').textContent(), PERSON.passport);
    const vulnerabilities = (await page.getByTestId('person-vulnerabilities').textContent()) ?? '';
    assert.match(vulnerabilities, /Penyakit kronis/);
    assert.ok(vulnerabilities.includes(PERSON.note));
    await screenshot(page, 'person-revealed-id');

    // The reveal is in the audit log, with its reason.
    await page.locator('[data-nav=audit]').click();
    await page.waitForURL('**/audit');
    await waitForLoaded(page);
    const entry = page.locator('[data-testid=audit-table] tr[data-action="person.reveal"]');
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    assert.match(text, /Data sensitif ditampilkan/);
    assert.ok(text.includes(REASON), 'the reason is recorded');
    assert.equal(await page.locator('[data-testid=audit-table] tr[data-action="person.create"]').count(), 1);
    await screenshot(page, 'audit-person-reveal-id');

    // The person page in English.
    await page.goto(personUrl);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Show sensitive fields' }).waitFor();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await screenshot(page, 'person-en');
    await page.context().close();
  });

  it('uploads a list with bad rows and reads the report of rejected rows', async () => {
    const page = await suite.signedIn();
    await page.locator('[data-nav=imports]').click();
    await page.waitForURL('**/imports');
    await page.locator('input[type=file][name=file]').setInputFiles(IMPORT_FILE);
    await page.getByTestId('import-file').filter({ hasText: 'people-import.csv' }).waitFor();
    await input(page, 'mission').selectOption('KBRI-KUALA-LUMPUR');
    await input(page, 'status').selectOption('worker');
    await page.getByRole('button', { name: 'Unggah dan impor' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.locator('h1 [data-status=done]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('import-rows').textContent(), '5');
    assert.equal(await page.getByTestId('import-created').textContent(), '2');
    assert.equal(await page.getByTestId('import-rejected').textContent(), '3');

    const report = page.locator('[data-testid=import-errors] tbody tr');
    await report.first().waitFor();
    const rows = await report.evaluateAll((trs) =>
      trs.map((tr) => ({
        row: tr.getAttribute('data-row'),
        column: tr.getAttribute('data-column'),
        code: tr.getAttribute('data-code'),
      })),
    );
    assert.deepEqual(rows, [
      { row: '3', column: 'Nama', code: 'name.required' },
      { row: '4', column: 'Jenis Kelamin', code: 'sex.invalid' },
      { row: '5', column: 'Tanggal Lahir', code: 'date.future' },
    ]);
    await page.getByRole('link', { name: 'Unduh laporan (CSV)' }).waitFor();
    await screenshot(page, 'import-report-id');

    // The list of recent imports shows it, and the registry now holds the good rows.
    await page.locator('[data-nav=imports]').click();
    await page.getByTestId('imports-table').getByRole('link', { name: 'people-import.csv' }).waitFor();
    await page.goto('/people?q=siti%20rahmawati');
    await page.getByTestId('people-table').getByRole('link', { name: 'Siti Rahmawati' }).waitFor();
    await page.context().close();
  });
});
