// Crises in the console: an administrator draws a polygon around Kuala Lumpur on the map by
// clicking its canvas, sees the live count of the nationals inside (three of the four seeded: the
// fourth lives in Penang), declares the crisis, raises its alert level from Siaga 3 to Siaga 1
// with a reason and reads the change in the badge and the history. Then imports a hazard feed
// file, adjusts an earthquake's radius and promotes it to a crisis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { screenshot } from '../lib/browser';
import {
  ADMIN,
  KBRI_KUALA_LUMPUR,
  apiToken,
  createAdmin,
  createMission,
  registerPlacedPerson,
} from '../lib/seed';
import { useServerAndBrowser } from '../lib/suite';
import { NAV, navIds, waitForLoaded, waitForMap } from '../lib/ui';

const PEOPLE = [
  { fullName: 'Siti Nurhaliza', country: 'MY', city: 'Kuala Lumpur', lat: 3.139, lon: 101.6869 },
  { fullName: 'Dewi Lestari', country: 'MY', city: 'Kuala Lumpur', lat: 3.1579, lon: 101.7123 },
  { fullName: 'Ratna Sari', country: 'MY', city: 'Petaling Jaya', lat: 3.1073, lon: 101.6067 },
  { fullName: 'Wulan Purnama', country: 'MY', city: 'George Town', lat: 5.4141, lon: 100.3288 },
];
/** Around Kuala Lumpur and Petaling Jaya; George Town (Penang) is 300 km north-west. */
const KL_POLYGON: [number, number][] = [
  [101.35, 2.85],
  [101.95, 2.85],
  [101.95, 3.45],
  [101.35, 3.45],
];
const PENANG_TRIANGLE: [number, number][] = [
  [100.1, 5.2],
  [100.6, 5.2],
  [100.35, 5.7],
];
const REASON = 'Bentrokan bersenjata meluas ke pusat kota';
const USGS_FILE = fileURLToPath(new URL('../fixtures/usgs-penang.geojson', import.meta.url));
const NOT_A_FEED = fileURLToPath(new URL('../fixtures/not-a-feed.xml', import.meta.url));

interface TestWindow {
  __siagaTestHooks?: boolean;
  __siagaMap?: {
    jumpTo(o: { center: [number, number]; zoom: number }): void;
    once(event: string, fn: () => void): void;
    project(p: [number, number]): { x: number; y: number };
  };
}

/** A signed-in page whose maps expose themselves as window.__siagaMap (see web/src/map/useMapLibre.ts). */
async function signedInWithMapHooks(suite: ReturnType<typeof useServerAndBrowser>): Promise<Page> {
  const page = await suite.signedIn();
  await page.waitForURL((url) => url.pathname === '/');
  await page.context().addInitScript(() => {
    (globalThis as unknown as TestWindow).__siagaTestHooks = true;
  });
  // The console routes without reloading: load it once more so that the script runs.
  await page.reload();
  await page.locator('.topbar__nav').waitFor();
  return page;
}

/** Shows a fixed view and waits until it is drawn. */
async function showView(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([lon, lat, z]) =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as TestWindow).__siagaMap!;
        map.once('idle', () => resolve());
        map.jumpTo({ center: [lon!, lat!], zoom: z! });
      }),
    [center[0], center[1], zoom],
  );
}

/** Where a longitude and latitude are on the screen, in page pixels. */
async function pixelOf(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const canvas = page.locator('[data-testid=map] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.ok(box, 'the map canvas is on screen');
  const p = await page.evaluate(
    (ll) => (globalThis as unknown as TestWindow).__siagaMap!.project(ll),
    lonLat,
  );
  return { x: box.x + p.x, y: box.y + p.y };
}

const textOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');

/** Waits until the element's whole text is `expected`. */
async function waitForText(page: Page, testId: string, expected: string): Promise<void> {
  const exact = new RegExp(`^\\s*${escape(expected)}\\s*$`);
  await page.getByTestId(testId).filter({ hasText: exact }).first().waitFor();
}

describe('crises and hazards', { timeout: 300_000 }, () => {
  const suite = useServerAndBrowser('crises', async (server) => {
    await createAdmin(server);
    await createMission(server, KBRI_KUALA_LUMPUR);
    const token = await apiToken(server, ADMIN.email);
    for (const person of PEOPLE) await registerPlacedPerson(server, token, person);
  });

  it('draws an area, counts who is inside, declares the crisis and raises its alert level', async () => {
    const page = await signedInWithMapHooks(suite);
    assert.deepEqual(await navIds(page), NAV.admin);
    assert.equal(await page.locator('[data-nav=crises]').textContent(), 'Krisis');
    assert.equal(await page.locator('[data-nav=hazards]').textContent(), 'Bahaya');
    await page.locator('[data-nav=crises]').click();
    await page.waitForURL('**/crises');
    await waitForLoaded(page);
    await page.getByText('Tidak ada krisis.').waitFor();

    await page.getByRole('link', { name: 'Nyatakan krisis' }).click();
    await page.waitForURL('**/crises/new');
    await waitForMap(page);

    // A triangle around George Town closed by a double-click on its last vertex: one person inside.
    await showView(page, [100.8, 4.6], 6);
    for (const [i, vertex] of PENANG_TRIANGLE.entries()) {
      const { x, y } = await pixelOf(page, vertex);
      if (i < PENANG_TRIANGLE.length - 1) await page.mouse.click(x, y);
      else await page.mouse.dblclick(x, y);
      await page.waitForTimeout(350);
    }
    const triangle = page.getByTestId('area-list').locator('li[data-kind=polygon]');
    await triangle.filter({ hasText: '3 titik' }).waitFor();
    await waitForText(page, 'affected-inside', '1');
    await waitForText(page, 'vertex-count', 'Titik: 0');
    await triangle.getByRole('button', { name: 'Hapus' }).click();
    await page.getByText('Belum ada wilayah.').waitFor();

    await showView(page, [101.65, 3.15], 7);
    // Four clicks on the canvas, the last vertex joined to the first by the closing edge.
    for (const vertex of KL_POLYGON) {
      const { x, y } = await pixelOf(page, vertex);
      await page.mouse.click(x, y);
      await page.waitForTimeout(350); // clicks far apart in time are never a double-click
    }
    await waitForText(page, 'vertex-count', 'Titik: 4');
    await page.getByTestId('finish-area').click();
    await page.getByTestId('area-list').locator('li[data-kind=polygon]').waitFor();
    await waitForText(page, 'affected-inside', '3');
    assert.equal(await textOf(page, 'affected-by-city'), '0');
    assert.match(await textOf(page, 'affected-by-mission'), /KBRI-KUALA-LUMPUR[^\d]*3/);
    // The countries are filled in from the area.
    assert.equal(await page.locator('input[name=countries]').inputValue(), 'MY');
    await screenshot(page, 'crisis-new-id');

    // The form: the contract's rules first, beside the field.
    await page.getByRole('button', { name: 'Nyatakan', exact: true }).click();
    await page.locator('.field--error [name=title]').waitFor();
    await page.locator('[name=title]').fill('Kerusuhan di Kuala Lumpur');
    await page.locator('[name=description]').fill('Bentrokan di pusat kota; WNI diminta tetap di tempat.');
    await page.locator('[name=type]').selectOption('civil_unrest');
    assert.equal(await page.locator('[name=alertLevel]').inputValue(), 'siaga_3');
    await page.getByRole('button', { name: 'Nyatakan', exact: true }).click();

    await page.waitForURL(/\/crises\/[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: 'Krisis telah dinyatakan.' }).waitFor();
    const level = page.getByTestId('crisis-alert-level');
    assert.equal(await level.getAttribute('data-level'), 'siaga_3');
    assert.match((await level.textContent()) ?? '', /Siaga 3.*Fase 1: kewaspadaan/);
    await waitForMap(page);
    await waitForText(page, 'affected-inside', '3');
    // The affected people reach the browser only as clusters: three people in all.
    await page.getByTestId('cluster').first().waitFor();
    const clustered = await page
      .getByTestId('cluster')
      .evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0));
    assert.equal(clustered, 3);
    const people = page.getByTestId('affected-people').locator('tbody tr');
    await people.nth(2).waitFor();
    assert.equal(await people.count(), 3);
    assert.equal(
      await page.getByTestId('affected-people').getByRole('link', { name: 'Wulan Purnama' }).count(),
      0,
    );
    const geojson = await page.getByTestId('affected-geojson').getAttribute('href');
    assert.match(geojson ?? '', /\/api\/v1\/crises\/[0-9a-f-]{36}\/affected\.geojson$/);

    // Siaga 3 → Siaga 1 for Malaysia, with a reason.
    const form = page.getByTestId('level-form');
    await form.locator('[name=levelTarget]').selectOption('country:MY');
    await form.locator('[name=level]').selectOption('siaga_1');
    await form.locator('[name=reason]').fill(REASON);
    await form.getByRole('button', { name: 'Tetapkan tingkat siaga' }).click();
    await page.locator('[data-testid=crisis-alert-level][data-level=siaga_1]').waitFor();
    assert.match(
      (await level.textContent()) ?? '',
      /Siaga 1.*Fase 3: relokasi sukarela \/ Fase 4: evakuasi wajib/,
    );
    const latest = page.getByTestId('level-history').locator('li').first();
    assert.equal(await latest.getAttribute('data-level'), 'siaga_1');
    assert.ok(((await latest.textContent()) ?? '').includes(REASON), 'the reason is in the history');
    assert.ok((await page.getByTestId('level-history').locator('li[data-level=siaga_3]').count()) >= 1);
    await page
      .locator('[data-testid=level-targets] [data-target="country:MY"] [data-level=siaga_1]')
      .waitFor();

    // A decision in the timeline.
    const timeline = page.getByTestId('timeline-form');
    await timeline.locator('[name=entryKind]').selectOption('decision');
    await timeline.locator('[name=entryText]').fill('Tim KBRI menghubungi WNI di Bukit Bintang.');
    await timeline.getByRole('button', { name: 'Tambahkan ke linimasa' }).click();
    await page
      .getByTestId('timeline')
      .locator('li[data-kind=decision]')
      .filter({ hasText: 'Bukit Bintang' })
      .waitFor();
    await screenshot(page, 'crisis-id');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Alert level history' }).waitFor();
    assert.match((await level.textContent()) ?? '', /Siaga 1.*Phase 3: voluntary relocation/);
    await screenshot(page, 'crisis-en');

    // The list shows it at its most severe level.
    await page.locator('[data-nav=crises]').click();
    await waitForLoaded(page);
    const row = page
      .getByTestId('crises-table')
      .locator('tbody tr')
      .filter({ hasText: 'Kerusuhan di Kuala Lumpur' });
    await row.locator('[data-level=siaga_1]').waitFor();
    assert.match((await row.textContent()) ?? '', /KBRI-KUALA-LUMPUR/);
    await screenshot(page, 'crises-en');
    await page.context().close();
  });

  it('imports a hazard feed, adjusts an earthquake radius and promotes it to a crisis', async () => {
    const page = await signedInWithMapHooks(suite);
    await page.locator('[data-nav=hazards]').click();
    await page.waitForURL('**/hazards');
    await waitForLoaded(page);

    // One good earthquake off Penang and one broken feature: accepted and rejected, with the reason.
    await page.locator('input[name=feedFile]').setInputFiles(USGS_FILE);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByTestId('feed-result').waitFor();
    assert.equal(await textOf(page, 'feed-accepted'), '1');
    assert.equal(await textOf(page, 'feed-rejected'), '1');
    await page.locator('[data-testid=feed-errors] tr[data-code="usgs.invalid"]').waitFor();

    const quake = page.getByTestId('hazards-table').locator('tbody tr[data-source=usgs]');
    await quake.filter({ hasText: 'Strait of Malacca' }).waitFor();
    // The suggested radius (M 6.4: about 86 km) reaches George Town, 40 km away.
    assert.equal((await quake.getByTestId('hazard-affected').textContent())?.trim(), '1');
    await waitForMap(page);
    await screenshot(page, 'hazards-id');

    await quake.locator('input[name=radiusKm]').fill('20');
    await quake.getByRole('button', { name: 'Simpan' }).click();
    await quake.getByTestId('hazard-affected').filter({ hasText: /^0$/ }).waitFor();

    // A file that is no feed at all is rejected and listed with its reasons.
    await page.locator('input[name=feedFile]').setInputFiles(NOT_A_FEED);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByTestId('feed-accepted').filter({ hasText: /^0$/ }).waitFor();
    await page
      .getByTestId('rejected-documents')
      .getByRole('cell', { name: 'not-a-feed.xml', exact: true })
      .waitFor();

    // Promote the earthquake; the new crisis opens.
    await quake.getByRole('button', { name: 'Jadikan krisis' }).click();
    const promote = page.getByTestId('promote-form');
    await promote.locator('[name=promoteType]').selectOption('natural_disaster');
    await promote.getByRole('button', { name: 'Nyatakan krisis' }).click();
    await page.waitForURL(/\/crises\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Strait of Malacca/ }).waitFor();
    await page.getByTestId('crisis-alert-level').waitFor();
    await waitForMap(page);
    await screenshot(page, 'crisis-from-hazard-id');

    // The event now links to its crisis.
    await page.locator('[data-nav=hazards]').click();
    await page.getByTestId('hazards-table').getByRole('link', { name: 'Buka krisis' }).waitFor();
    await page.context().close();
  });
});
