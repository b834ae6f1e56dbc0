// Survey bundles between two laptops, in Chromium: two browser profiles (two IndexedDBs) against the
// built renderer. Laptop A's survey is exported through the UI and imported on B; both diverge (the
// same pump moved to different rooms minutes apart, plus unrelated edits); each imports the other's
// bundle (preview → merge), the one real conflict is shown and settled in the UI, a second exchange
// leaves both identical. Re-importing changes nothing; a damaged bundle is refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, RESULTS, chromiumPath, pageErrors, readTables, startHarness } from './harness';
import type { Harness, Row } from './harness';

let h: Harness;
let ctxB: BrowserContext;
let pageB: Page;
let profileB: string;
let files: string;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1360, height: 900 } });
  profileB = mkdtempSync(join(tmpdir(), 'ww-e2e-profile-b-'));
  files = mkdtempSync(join(tmpdir(), 'ww-e2e-bundles-'));
  ctxB = await chromium.launchPersistentContext(profileB, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  pageB = ctxB.pages()[0] ?? (await ctxB.newPage());
  await pageB.goto(h.host.appUrl);
});
afterAll(async () => {
  await ctxB?.close().catch(() => undefined);
  await h?.close();
  if (profileB) rmSync(profileB, { recursive: true, force: true });
  if (files) rmSync(files, { recursive: true, force: true });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await h.page.screenshot({ path: join(RESULTS, 'bundles-failed-A.png') }).catch(() => undefined);
    await pageB.screenshot({ path: join(RESULTS, 'bundles-failed-B.png') }).catch(() => undefined);
  }
});


/** Write records straight into a laptop's IndexedDB (as the app's actions would). */
async function put(page: Page, writes: [string, Row][]) {
  await page.evaluate(
    (ws) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction([...new Set(ws.map((w) => w[0]))], 'readwrite');
          for (const [store, row] of ws) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    writes,
  );
}

const read = readTables;

const SURVEY_TABLES = ['sites', 'buildings', 'floors', 'rooms', 'assets', 'placements', 'confirmations', 'overrides', 'surveys', 'imports', 'auditLog'];

/** What a bundle carries, without this laptop's own import bookkeeping, in a comparable form. */
async function surveyData(page: Page): Promise<string> {
  const t = await read(page, SURVEY_TABLES);
  t.imports = t.imports!.filter((r) => r.kind !== 'bundle');
  t.auditLog = t.auditLog!.filter((r) => r.action !== 'bundle:import');
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Row)[k])])) : v;
  return JSON.stringify(canon(t));
}

async function openBundles(page: Page) {
  await page.getByRole('button', { name: 'Survey bundles', exact: true }).click();
  await page.getByRole('heading', { name: 'Survey bundles', level: 1 }).waitFor();
}

async function exportFrom(page: Page, name: string): Promise<string> {
  await openBundles(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^wardwalk-bundle-.*\.wwbundle\.json$/);
  const file = join(files, name);
  await download.saveAs(file);
  return file;
}

async function preview(page: Page, file: string) {
  await openBundles(page);
  await page.getByLabel('Import bundle file').setInputFiles(file);
}

async function dismissToasts(page: Page) {
  const buttons = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

const T0 = Date.now() - 3_600_000;
const meta = (t = T0) => ({ version: 1, createdAt: t, updatedAt: t });
const asset = (id: string, tag: string, roomId: string, room: string): Row => ({ id, assetTag: tag, type: 'infusion-pump', roomId, room, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: T0 });

describe('survey bundles between two laptops (two Chromium profiles)', () => {
  it('diverge from a common bundle, merge both ways, settle the one conflict, end identical', async () => {
    const a = h.page;
    await openBundles(a);
    await put(a, [
      ['sites', { id: 'site_1', name: 'St Mary', ...meta() }],
      ['buildings', { id: 'bld_1', siteId: 'site_1', name: 'North', ...meta() }],
      ['floors', { id: 'floor_1', buildingId: 'bld_1', name: 'Level 3', ...meta() }],
      ['rooms', { id: 'room_1', floorId: 'floor_1', number: '3B-12', ...meta() }],
      ['rooms', { id: 'room_2', floorId: 'floor_1', number: '3B-14', ...meta() }],
      ['rooms', { id: 'room_3', floorId: 'floor_1', number: '3B-16', ...meta() }],
      ['assets', asset('asset_pump', 'BME-00017', 'room_1', '3B-12')],
      ['assets', asset('asset_mon', 'BME-00018', 'room_2', '3B-14')],
      ['placements', { id: 'place_0', assetId: 'asset_pump', roomId: 'room_1', by: 'ana', ...meta() }],
      ['confirmations', { id: 'conf_0', assetId: 'asset_pump', roomId: 'room_1', at: T0, by: 'ana', how: 'scan' }],
      ['auditLog', { id: 'audit_0', at: T0, by: 'ana', action: 'room:create', detail: 'room 3B-12' }],
    ]);

    // Laptop B starts from A's bundle.
    const common = await exportFrom(a, 'common.wwbundle.json');
    await preview(pageB, common);
    const pv = pageB.getByRole('region', { name: 'Bundle preview' });
    await pv.getByRole('row', { name: /^Total/ }).waitFor();
    expect(await pv.getByRole('row', { name: /^Total/ }).innerText()).toMatch(/Total\s+11\s+0\s+0\s+0/);
    await pv.getByRole('button', { name: 'Merge into my data' }).click();
    await pageB.getByText(/Merged common\.wwbundle\.json: 11 new, 0 updated, 0 unchanged\./).waitFor();
    expect(await surveyData(pageB)).toBe(await surveyData(a));

    // Diverge: Ana moves the pump to 3B-14 and names a room; Ben, minutes later, moves it to 3B-16.
    const tA = T0 + 60_000;
    const tB = T0 + 240_000;
    await put(a, [
      ['placements', { id: 'place_0', assetId: 'asset_pump', roomId: 'room_1', by: 'ana', ...meta(), deleted: true, version: 2, updatedAt: tA }],
      ['placements', { id: 'place_a', assetId: 'asset_pump', roomId: 'room_2', by: 'ana', ...meta(tA) }],
      ['assets', { ...asset('asset_pump', 'BME-00017', 'room_2', '3B-14'), version: 2, updatedAt: tA }],
      ['rooms', { id: 'room_1', floorId: 'floor_1', number: '3B-12', name: 'Bay 12', ...meta(), version: 2, updatedAt: tA }],
    ]);
    await put(pageB, [
      ['placements', { id: 'place_0', assetId: 'asset_pump', roomId: 'room_1', by: 'ana', ...meta(), deleted: true, version: 2, updatedAt: tB }],
      ['placements', { id: 'place_b', assetId: 'asset_pump', roomId: 'room_3', by: 'ben', ...meta(tB) }],
      ['assets', { ...asset('asset_pump', 'BME-00017', 'room_3', '3B-16'), version: 2, updatedAt: tB }],
      ['rooms', { id: 'room_4', floorId: 'floor_1', number: '3B-18', ...meta(tB) }],
      ['confirmations', { id: 'conf_b', assetId: 'asset_mon', roomId: 'room_2', at: tB, by: 'ben', how: 'typed' }],
    ]);
    const fromA = await exportFrom(a, 'ana.wwbundle.json');
    const fromB = await exportFrom(pageB, 'ben.wwbundle.json');

    // B imports A's: the preview shows one conflict; merged, the conflict waits in the resolver.
    await preview(pageB, fromA);
    await pv.getByRole('row', { name: /^Total/ }).waitFor();
    expect(await pv.getByRole('row', { name: /^Rooms/ }).innerText()).toMatch(/Rooms\s+0\s+1\s+2\s+0/);
    expect(await pv.getByRole('row', { name: /^Assets/ }).innerText()).toMatch(/Assets\s+0\s+0\s+1\s+1/);
    await pv.getByText('1 conflict').waitFor();
    await pageB.screenshot({ path: join(RESULTS, 'bundles-preview.png') });
    await pv.getByRole('button', { name: 'Merge into my data' }).click();
    await pageB.getByText(/Merged ana\.wwbundle\.json: .*1 conflict to settle below\./).waitFor();
    const conflictsB = pageB.getByRole('list', { name: 'Conflicts to settle' }).getByRole('listitem');
    expect(await conflictsB.count()).toBe(1);
    const card = conflictsB.first();
    await card.getByText('Device BME-00017: placed or confirmed in different rooms at nearly the same time').waitFor();
    expect(await card.getByRole('row', { name: /Assets: room/ }).innerText()).toMatch(/Assets: room\s+3B-16\s+3B-14/);
    await dismissToasts(pageB);
    await pageB.screenshot({ path: join(RESULTS, 'bundles-conflict.png'), fullPage: true });

    // Re-importing the same bundle changes nothing.
    const beforeReimport = await read(pageB, [...SURVEY_TABLES, 'syncState', 'bundleConflicts']);
    await preview(pageB, fromA);
    await pv.getByRole('button', { name: 'Nothing new — close' }).click();
    await pageB.getByText('Nothing new: ana.wwbundle.json was already merged. Nothing was changed.').waitFor();
    expect(await read(pageB, [...SURVEY_TABLES, 'syncState', 'bundleConflicts'])).toEqual(beforeReimport);

    // A imports B's: the same conflict on A.
    await preview(a, fromB);
    await a.getByRole('region', { name: 'Bundle preview' }).getByRole('button', { name: 'Merge into my data' }).click();
    await a.getByText(/Merged ben\.wwbundle\.json: .*1 conflict to settle below\./).waitFor();

    // Settle on both: they agree on Ana's 3B-14. Ben takes theirs, Ana keeps hers.
    await card.getByRole('button', { name: 'Take theirs' }).click();
    await pageB.getByText('No conflicts.', { exact: false }).waitFor();
    const conflictA = a.getByRole('list', { name: 'Conflicts to settle' }).getByRole('listitem').first();
    await conflictA.getByRole('button', { name: 'Keep mine' }).click();
    await a.getByText('No conflicts.', { exact: false }).waitFor();

    // Second exchange both ways.
    const a2 = await exportFrom(a, 'ana-2.wwbundle.json');
    const b2 = await exportFrom(pageB, 'ben-2.wwbundle.json');
    await preview(pageB, a2);
    await pv.getByRole('row', { name: /^Total/ }).waitFor();
    expect(await pv.getByRole('row', { name: /^Total/ }).innerText()).toMatch(/\s0$/);
    await pv.getByRole('button', { name: /Merge into my data|Nothing new/ }).click();
    await preview(a, b2);
    await a.getByRole('region', { name: 'Bundle preview' }).getByRole('button', { name: /Merge into my data|Nothing new/ }).click();
    await a.getByRole('region', { name: 'Bundle preview' }).waitFor({ state: 'detached' });
    await pageB.getByRole('region', { name: 'Bundle preview' }).waitFor({ state: 'detached' });

    expect(await surveyData(a)).toBe(await surveyData(pageB));
    const finalA = await read(a, ['assets', 'placements', 'bundleConflicts']);
    expect(finalA.assets!.find((x) => x.id === 'asset_pump')!.roomId).toBe('room_2');
    expect(finalA.placements!.filter((p) => p.assetId === 'asset_pump' && !p.deleted).map((p) => p.roomId)).toEqual(['room_2']);
    expect(finalA.bundleConflicts!.every((c) => c.status === 'settled')).toBe(true);
    await a.getByText('Settled recently (1)').click();
    await a.screenshot({ path: join(RESULTS, 'bundles-settled.png'), fullPage: true });
    expect(pageErrors(a)).toEqual([]);
  });

  it('refuses a damaged bundle with a clear message and changes nothing', async () => {
    const good = readFileSync(join(files, 'ana-2.wwbundle.json'), 'utf8');
    const damaged = join(files, 'damaged.wwbundle.json');
    writeFileSync(damaged, good.replace('"3B-12"', '"3B-99"'));
    const before = await read(pageB, [...SURVEY_TABLES, 'syncState', 'bundleConflicts']);
    await preview(pageB, damaged);
    await pageB.getByRole('alert').filter({ hasText: 'damaged.wwbundle.json was not imported. The survey bundle is damaged: its checksum does not match its contents.' }).waitFor();
    const newer = join(files, 'newer.wwbundle.json');
    writeFileSync(newer, JSON.stringify({ ...(JSON.parse(good) as object), formatVersion: 2 }));
    await preview(pageB, newer);
    await pageB.getByRole('alert').filter({ hasText: 'written by a newer Wardwalk' }).waitFor();
    expect(await pageB.getByRole('region', { name: 'Bundle preview' }).count()).toBe(0);
    expect(await read(pageB, [...SURVEY_TABLES, 'syncState', 'bundleConflicts'])).toEqual(before);
    await pageB.screenshot({ path: join(RESULTS, 'bundles-refused.png') });
  });
});
