// A national registers themselves and their child on a phone-sized screen at /lapor, reads the
// code from the SMS (the development log channel's file in the server's data directory), confirms,
// and opens the private management link. The essential form also works with JavaScript off.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from '../lib/browser';
import { KBRI_KUALA_LUMPUR, createMission } from '../lib/seed';
import type { RunningServer } from '../lib/server';
import { useServerAndBrowser, type Suite } from '../lib/suite';

const PHONE = {
  id: { typed: '012-345 6789', e164: '+60123456789' },
  en: { typed: '012-987 6543', e164: '+60129876543' },
};

/** A phone-sized browser set to Indonesian: 320 px wide, touch, and optionally without JavaScript. */
const phone = (suite: Suite, javaScriptEnabled: boolean) =>
  suite.open({
    locale: 'id-ID',
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
  });

/** Waits for the SMS sent to `to` whose text matches `pattern`, as the national would wait for it. */
async function readSms(server: RunningServer, to: string, pattern: RegExp): Promise<RegExpExecArray> {
  const dir = join(server.dataDir, 'outbox');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const f of files.filter((x) => x.endsWith('.sms.txt'))) {
      const text = await readFile(join(dir, f), 'utf8');
      const m = pattern.exec(text);
      if (text.startsWith(`To: ${to}\n`) && m) return m;
    }
    if (Date.now() > deadline) throw new Error(`no SMS to ${to} matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function fitsTheScreen(page: Page) {
  const width = await page.locator('html').evaluate((el) => el.scrollWidth);
  assert.ok(width <= 320, `no horizontal scrolling at 320 px (scrollWidth ${width})`);
}

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe('self-registration on a phone', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('registration', (server) => createMission(server, KBRI_KUALA_LUMPUR));

  it('registers a household, confirms with the SMS code and opens the management link', async () => {
    const { server } = suite;
    const page = await phone(suite, true);
    await page.goto('/lapor');
    await page.getByRole('heading', { name: 'Lapor diri WNI di luar negeri' }).waitFor();
    assert.equal(await page.locator('script').count(), 0, 'the page has no scripts');
    await fitsTheScreen(page);

    await field(page, 'fullName').fill('Siti Aminah');
    await field(page, 'sex').selectOption('female');
    await field(page, 'birthDate').fill('17 Agustus 1990');
    await field(page, 'phone').fill(PHONE.id.typed);
    await field(page, 'country').selectOption('MY');
    await field(page, 'city').fill('Kuala Lumpur');
    await field(page, 'address').fill('Jalan Ampang 12');
    await field(page, 'statusAbroad').selectOption('worker');
    await page.getByRole('button', { name: 'Tambah anggota keluarga' }).click();
    await field(page, 'members.0.fullName').waitFor();
    assert.equal(await field(page, 'fullName').inputValue(), 'Siti Aminah', 'values survive adding a row');
    await field(page, 'members.0.fullName').fill('Budi Santoso');
    await field(page, 'members.0.relationship').selectOption('child');
    await field(page, 'members.0.sex').selectOption('male');
    await field(page, 'members.0.birthDate').fill('2015');
    await page.getByLabel(/Saya setuju data ini disimpan/).check();
    await screenshot(page, 'registration-form-id');
    await page.getByRole('button', { name: 'Kirim kode konfirmasi' }).last().click();

    await page.getByRole('heading', { name: 'Masukkan kode konfirmasi' }).waitFor();
    await page.getByText(/lewat SMS ke \+60•+6789/).waitFor();
    const [, code] = await readSms(server, PHONE.id.e164, /kode lapor diri Anda (\d{6})/);
    await field(page, 'code').fill(code!);
    await screenshot(page, 'registration-code-id');
    await page.getByRole('button', { name: 'Konfirmasi' }).click();

    await page.getByRole('heading', { name: 'Pendaftaran berhasil' }).waitFor();
    const link = ((await page.getByTestId('manage-link').textContent()) ?? '').trim();
    assert.match(link, new RegExp(`^${server.baseUrl}/lapor/m/[\\w-]{43}$`));
    await fitsTheScreen(page);
    await screenshot(page, 'registration-done-id');
    // The same link arrives by SMS.
    const [sentLink] = await readSms(server, PHONE.id.e164, /http\S+\/lapor\/m\/[\w-]{43}/);
    assert.equal(sentLink, link);

    await page.getByRole('link', { name: 'Buka halaman data saya' }).click();
    await page.getByRole('heading', { name: 'Data pendaftaran Anda' }).waitFor();
    const household = page.getByTestId('household');
    await household.getByText('Siti Aminah').waitFor();
    await household.getByText('Budi Santoso').waitFor();
    await page.getByText('KBRI Kuala Lumpur').waitFor();
    await fitsTheScreen(page);
    await screenshot(page, 'registration-manage-id');

    await page.getByRole('button', { name: 'Saya sudah kembali ke Indonesia' }).click();
    await page.getByText('Kepulangan Anda tercatat').waitFor();
    await page.goto(link.slice(server.baseUrl.length));
    await page.getByText(/Tercatat sudah kembali ke Indonesia/).waitFor();
    await page.context().close();
  });

  it('works with JavaScript disabled, in English', async () => {
    const { server } = suite;
    const page = await phone(suite, false);
    await page.goto('/lapor');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Register as an Indonesian national abroad' }).waitFor();

    // A first try with a phone from home written as at home: the error sits by the field.
    await field(page, 'fullName').fill('Dewi Lestari');
    await field(page, 'sex').selectOption('female');
    await field(page, 'birthDate').fill('1988');
    await field(page, 'phone').fill('0812 3456 7890');
    await field(page, 'country').selectOption('MY');
    await field(page, 'city').fill('Penang');
    await field(page, 'statusAbroad').selectOption('student');
    await page.getByLabel(/I agree that the Ministry/).check();
    await page.getByRole('button', { name: 'Add a family member' }).click();
    await field(page, 'members.0.fullName').fill('Rudi Hartono');
    await field(page, 'members.0.relationship').selectOption('spouse');
    await field(page, 'members.0.sex').selectOption('male');
    await field(page, 'members.0.birthDate').fill('1985');
    await page.getByRole('button', { name: 'Send confirmation code' }).last().click();
    await page.locator('#f-phone-e').waitFor();
    assert.match((await page.locator('#f-phone-e').textContent()) ?? '', /country code/);
    assert.equal(await field(page, 'members.0.fullName').inputValue(), 'Rudi Hartono');
    await fitsTheScreen(page);
    await screenshot(page, 'registration-errors-en-nojs');

    await field(page, 'phone').fill(PHONE.en.typed);
    await page.getByLabel(/I agree that the Ministry/).check();
    await page.getByRole('button', { name: 'Send confirmation code' }).last().click();
    await page.getByRole('heading', { name: 'Enter the confirmation code' }).waitFor();
    const [, code] = await readSms(server, PHONE.en.e164, /registration code is (\d{6})/);
    await field(page, 'code').fill(code!);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'You are registered' }).waitFor();
    await page.getByRole('link', { name: 'Open my registration' }).click();
    await page.getByTestId('household').getByText('Rudi Hartono').waitFor();
    await screenshot(page, 'registration-manage-en-nojs');
    await page.context().close();
  });
});
