// Floor plans and the ward walk end to end (issue 6), in Chromium against the built renderer:
// import a plan (an SVG generated here; a PDF page through pdf.js under the app's CSP), calibrate,
// draw rooms (rectangles and a polygon), rename + undo, merge, import a room list and an asset list
// (.xlsx made here with SheetJS), start a survey, walk it with wedge-scanner keystrokes, see moved and
// missing lists, add an unknown tag, then reopen the browser and restore a backup.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { startHarness, RESULTS, pageErrors } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.page.screenshot({ path: join(RESULTS, `walk-failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
});

function planSvg(): Buffer {
  const walls = [
    [40, 40, 1160, 40],
    [1160, 40, 1160, 760],
    [1160, 760, 40, 760],
    [40, 760, 40, 40],
    [40, 360, 1160, 360],
    [40, 440, 1160, 440],
    [320, 40, 320, 360],
    [600, 40, 600, 360],
    [880, 40, 880, 360],
  ];
  const lines = walls.map(([a, b, c, d]) => `<line x1="${a}" y1="${b}" x2="${c}" y2="${d}"/>`).join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="#fdfcf8"/><g stroke="#333" stroke-width="8">${lines}</g><text x="600" y="410" font-size="24" text-anchor="middle" fill="#999">ICU corridor</text></svg>`,
  );
}

/** A real two-page PDF (vector drawing only), with a correct xref table. */
function planPdf(): Buffer {
  const content = (s: string) => `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
  const p1 = '0 0 0 RG 6 w 40 40 720 440 re S 300 40 m 300 480 l S 520 40 m 520 480 l S';
  const p2 = '1 0 0 RG 6 w 100 100 400 300 re S';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 800 520] /Contents 4 0 R /Resources << >> >>',
    content(p1),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 500] /Contents 6 0 R /Resources << >> >>',
    content(p2),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function xlsx(rows: (string | number)[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function viewportBox(page: Page) {
  const box = await page.getByTestId('plan-viewport').boundingBox();
  if (!box) throw new Error('no plan viewport');
  return box;
}

/** Drag a rectangle in viewport-relative fractions. */
async function dragRect(page: Page, x0: number, y0: number, x1: number, y1: number) {
  const b = await viewportBox(page);
  await page.mouse.move(b.x + b.width * x0, b.y + b.height * y0);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * ((x0 + x1) / 2), b.y + b.height * ((y0 + y1) / 2), { steps: 4 });
  await page.mouse.move(b.x + b.width * x1, b.y + b.height * y1, { steps: 4 });
  await page.mouse.up();
}

async function clickAt(page: Page, fx: number, fy: number) {
  const b = await viewportBox(page);
  await page.mouse.click(b.x + b.width * fx, b.y + b.height * fy);
}

async function addRoom(page: Page, number: string, name: string, department = 'ICU') {
  const form = page.getByRole('form', { name: 'New room' });
  await form.waitFor();
  await form.getByLabel('Number').fill(number);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Department').fill(department);
  await form.getByRole('button', { name: 'Add room' }).click();
  await page.getByRole('list', { name: 'Rooms on this floor' }).getByRole('button', { name: new RegExp(`^${number.replace('.', '\\.')}\\b`) }).waitFor();
}

/** A keyboard-wedge scanner: keystrokes as fast as the input pipeline takes them, then Enter. */
async function wedge(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

async function readTable(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(name, 'readonly');
          const all = tx.objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as Record<string, unknown>[]);
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/** Toasts stay until dismissed and sit over the side panel: dismiss them as a person would. */
async function dismissToasts(page: Page) {
  const buttons = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

const roomList = (page: Page) => page.getByRole('list', { name: 'Rooms on this floor' });

describe('floor plans and the ward walk', () => {
  it('imports a plan, calibrates, draws, renames (and undoes), merges and imports rooms and assets', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Sites & floors' }).click();
    await page.getByPlaceholder("e.g. St Mary's Hospital").fill('St Mary General');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('button', { name: /St Mary General/ }).click();
    await page.getByPlaceholder('e.g. North Wing').fill('North Wing');
    await page.getByRole('button', { name: 'Add building' }).click();
    await page.getByRole('button', { name: /North Wing/ }).click();
    await page.getByPlaceholder('e.g. Level 3 — Ward 3B').fill('Level 1 — ICU');
    await page.getByRole('button', { name: 'Add floor' }).click();
    await page.getByText('Level 1 — ICU').waitFor();

    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await page.getByRole('heading', { name: 'Floor plans' }).waitFor();
    await page.getByLabel('Plan file').setInputFiles({ name: 'icu.svg', mimeType: 'image/svg+xml', buffer: planSvg() });
    await page.getByText('1200×800 px · not calibrated').waitFor();

    // Calibrate: two clicks, then the real distance.
    await page.getByRole('button', { name: 'Calibrate' }).click();
    await clickAt(page, 0.2, 0.5);
    await clickAt(page, 0.6, 0.5);
    await page.getByPlaceholder('metres, e.g. 12.5').fill('20');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/1 m = [\d.]+ px/).first().waitFor();

    // Rectangles for three rooms side by side, a polygon for the fourth.
    await page.getByRole('button', { name: 'Rectangle' }).click();
    await dragRect(page, 0.1, 0.15, 0.3, 0.45);
    await addRoom(page, '1.01', 'Bed 1');
    await dragRect(page, 0.3, 0.15, 0.5, 0.45);
    await addRoom(page, '1.02', 'Bed 2');
    await dragRect(page, 0.5, 0.15, 0.7, 0.45);
    await addRoom(page, '1.03', 'Bed 3');
    await page.getByRole('button', { name: 'Polygon' }).click();
    await clickAt(page, 0.72, 0.15);
    await clickAt(page, 0.9, 0.15);
    await clickAt(page, 0.9, 0.45);
    await clickAt(page, 0.8, 0.45);
    await clickAt(page, 0.72, 0.3);
    await page.keyboard.press('Enter');
    await addRoom(page, '1.04', 'Isolation');
    expect(await page.locator('.plan-svg .room').count()).toBe(4);

    // Rename, then undo with Ctrl+Z.
    await page.getByRole('button', { name: 'Select' }).click();
    await roomList(page).getByRole('button', { name: /^1\.03/ }).click();
    const editor = page.getByRole('form', { name: 'Room 1.03' });
    await editor.getByLabel('Number').fill('1.30');
    await editor.getByRole('button', { name: 'Save' }).click();
    await roomList(page).getByRole('button', { name: /^1\.30/ }).waitFor();
    await roomList(page).getByRole('button', { name: /^1\.30/ }).focus();
    await page.keyboard.press('Control+z');
    await roomList(page).getByRole('button', { name: /^1\.03/ }).waitFor();
    await page.getByText('Undone: Rename room 1.03 to 1.30').waitFor();

    // Merge 1.02 into 1.01 by clicking it on the plan.
    await roomList(page).getByRole('button', { name: /^1\.01/ }).click();
    await page.getByRole('button', { name: 'Merge with…' }).click();
    await clickAt(page, 0.4, 0.3);
    await page.getByRole('button', { name: 'Merge 1.02 into 1.01' }).click();
    await page.getByText('Merged 1.02 into 1.01.').waitFor();
    expect(await roomList(page).getByRole('button', { name: /^1\.02/ }).count()).toBe(0);
    expect(await page.locator('.plan-svg .room').count()).toBe(3);

    // A room list from a spreadsheet (title row above the header), then lay out one of its rooms.
    await page.getByLabel('Room list file').setInputFiles({
      name: 'rooms.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx([['ICU room list 2026'], [], ['Room', 'Name', 'Department', 'Type'], ['1.05', 'Equipment store', 'ICU', 'Store'], ['1.06', 'Staff base', 'ICU', 'Nurse station'], ['1.01', 'duplicate', '', '']]),
    });
    await page.getByText(/Imported 2 rooms from rooms\.xlsx/).waitFor();
    await dismissToasts(page);
    await roomList(page).getByRole('button', { name: /^1\.05.*not on plan/ }).click();
    await page.getByRole('button', { name: 'Rectangle' }).click();
    await dragRect(page, 0.1, 0.6, 0.35, 0.85);
    await roomList(page).getByRole('button', { name: /^1\.05 Equipment store\s*ICU/ }).waitFor();

    // Assets from a spreadsheet: rooms matched by number; one without a known room to place by drag.
    await page.getByLabel('Asset list file').setInputFiles({
      name: 'assets.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx([
        ['Asset tag', 'Serial number', 'Type', 'Manufacturer', 'Model', 'Room'],
        ['ICU-0001', 'SN1001', 'Infusion pump', 'Becton Dickinson', 'Alaris 8015', '1.01'],
        ['ICU-0002', 'SN1002', 'Infusion pump', 'Becton Dickinson', 'Alaris 8015', '1.01'],
        ['ICU-0003', 'SN1003', 'Patient monitor', 'Philips', 'IntelliVue MX450', '1.03'],
        ['ICU-0004', 'SN1004', 'Ventilator', 'Hamilton Medical', 'C6', '1.04'],
        ['ICU-0005', 'SN1005', 'Patient monitor', 'Philips', 'IntelliVue MX450', '1.04'],
        ['ICU-0006', 'SN1006', 'Ultrasound cart', 'GE', 'Venue Go', '9.99'],
      ]),
    });
    await page.getByText(/Imported 6 assets from assets\.xlsx/).waitFor();
    await dismissToasts(page);
    const unplaced = page.getByRole('list', { name: 'Devices without a room' });
    await unplaced.getByText('ICU-0006').waitFor();
    const b = await viewportBox(page);
    await unplaced.getByText('ICU-0006').dragTo(page.getByTestId('plan-viewport'), { targetPosition: { x: b.width * 0.2, y: b.height * 0.72 } });
    await page.getByText('Every device has a room on some floor.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.plan-svg .pin').length === 6);
    await page.screenshot({ path: join(RESULTS, 'walk-1-floorplan.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  it('walks the ward: room by scan, tags by wedge scanner, typed and ticked; moved, missing, new asset', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Surveys', exact: true }).click();
    await page.getByLabel('Name').fill('ICU round 1');
    await page.getByRole('button', { name: 'Start survey' }).click();
    await page.getByText('Survey "ICU round 1" started.').waitFor();
    await dismissToasts(page);
    await page.getByRole('button', { name: 'Walk it' }).click();
    await page.getByRole('heading', { name: 'Ward walk' }).waitFor();
    await expect.poll(() => page.getByLabel('Survey', { exact: true }).inputValue()).not.toBe('');

    // Focus is on nothing in particular: the room label scanned anywhere sets the room.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await wedge(page, 'ROOM:1.01');
    await expect.poll(() => page.getByTestId('current-room').textContent()).toContain('Room 1.01');

    // Focus on a room button: a scan's Enter must not press it (it would switch rooms to 1.03).
    await page.getByRole('group', { name: 'Rooms' }).getByRole('button', { name: '1.03' }).focus();
    await wedge(page, 'ICU-0001');
    await page.getByTestId('scan-flash').filter({ hasText: '✓ ICU-0001 (Infusion pump) confirmed in 1.01.' }).waitFor();
    expect(await page.getByTestId('current-room').textContent()).toContain('Room 1.01');

    // A monitor that belongs in 1.03 found in 1.01 → moved.
    await wedge(page, 'ICU-0003');
    await page.getByTestId('scan-flash').filter({ hasText: 'MOVED: ICU-0003' }).waitFor();

    // Typed by hand into the box (slow keystrokes) → "typed".
    await page.getByLabel('Scan or type an asset tag or serial').click();
    await page.keyboard.type('sn1002', { delay: 90 });
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-flash').filter({ hasText: '✓ ICU-0002' }).waitFor();

    // Next room by its number; tick a device.
    await page.getByLabel('Room number').fill('1.04');
    await page.getByRole('button', { name: 'Go' }).click();
    await expect.poll(() => page.getByTestId('current-room').textContent()).toContain('Room 1.04');
    await page.getByRole('checkbox', { name: 'Confirm ICU-0004' }).check();
    await page.getByTestId('scan-flash').filter({ hasText: '✓ ICU-0004' }).waitFor();
    await page.getByRole('button', { name: 'Mark room done' }).click();

    // Unknown tag → quick new-asset form.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await wedge(page, 'ICU-0999');
    const form = page.getByRole('form', { name: 'New asset' });
    await form.waitFor();
    expect(await form.getByLabel('Asset tag').inputValue()).toBe('ICU-0999');
    await form.getByLabel('Type').selectOption('infusion-pump');
    await form.getByLabel('Maker').fill('B. Braun');
    await form.getByRole('button', { name: 'Add and confirm here' }).click();
    await page.getByTestId('scan-flash').filter({ hasText: 'New asset ICU-0999 added and confirmed in 1.04' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'walk-2-room.png') });

    await page.getByRole('tab', { name: /Moved \(1\)/ }).click();
    const moved = page.getByRole('table', { name: 'Moved devices' });
    await moved.getByText('ICU-0003').waitFor();
    expect(await moved.getByRole('row').count()).toBe(2);
    await page.getByRole('tab', { name: /Not found yet/ }).click();
    const missing = page.getByRole('table', { name: 'Missing devices' });
    await missing.getByText('ICU-0005').waitFor();
    const missingTags = await missing.locator('tbody tr td:first-child').allTextContents();
    expect(missingTags.sort()).toEqual(['ICU-0005', 'ICU-0006']);
    await page.screenshot({ path: join(RESULTS, 'walk-3-missing.png') });

    const confs = await readTable(page, 'confirmations');
    const assets = await readTable(page, 'assets');
    const tagOf = new Map(assets.map((a) => [a['id'], a['assetTag']]));
    const byTag = Object.fromEntries(confs.map((c) => [tagOf.get(c['assetId']), c]));
    expect(byTag['ICU-0001']).toMatchObject({ how: 'scan' });
    expect(byTag['ICU-0003']).toMatchObject({ how: 'scan', moved: { fromRoomId: expect.any(String) } });
    expect(byTag['ICU-0002']).toMatchObject({ how: 'typed' });
    expect(byTag['ICU-0004']).toMatchObject({ how: 'ticked' });
    expect(byTag['ICU-0999']).toBeDefined();
    expect(confs.every((c) => typeof c['surveyId'] === 'string' && c['by'] === 'surveyor')).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps confirmations and room edits after reopening the browser and across backup/restore', async () => {
    let page = await h.reopen();
    await page.getByRole('button', { name: 'Ward walk' }).click();
    await page.getByRole('tab', { name: /Moved \(1\)/ }).waitFor();
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await roomList(page).getByRole('button', { name: /^1\.03/ }).waitFor();
    expect(await roomList(page).getByRole('button', { name: /^1\.02/ }).count()).toBe(0);
    expect(await roomList(page).getByRole('button').count()).toBe(5);

    await page.getByRole('button', { name: 'Data & backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup written.').waitFor();
    await dismissToasts(page);

    // After the backup: rename a room and confirm another device. The restore must bring back the backup.
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await roomList(page).getByRole('button', { name: /^1\.06/ }).click();
    const ed = page.getByRole('form', { name: 'Room 1.06' });
    await ed.getByLabel('Number').fill('1.66');
    await ed.getByRole('button', { name: 'Save' }).click();
    await roomList(page).getByRole('button', { name: /^1\.66/ }).waitFor();
    const before = (await readTable(page, 'confirmations')).length;

    await page.getByRole('button', { name: 'Data & backups' }).click();
    await page.getByRole('row').filter({ hasText: 'manual' }).first().getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/Restored the backup/).waitFor();
    await dismissToasts(page);
    page = h.page;
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await roomList(page).getByRole('button', { name: /^1\.06/ }).waitFor();
    expect(await roomList(page).getByRole('button', { name: /^1\.66/ }).count()).toBe(0);
    expect((await readTable(page, 'confirmations')).length).toBe(before);
    const surveys = await readTable(page, 'surveys');
    expect(surveys.map((s) => s['name'])).toEqual(['ICU round 1']);
    await page.getByRole('button', { name: 'Ward walk' }).click();
    await page.getByRole('tab', { name: /Moved/ }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('imports a page of a PDF as a plan (pdf.js worker under the CSP)', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await page.getByLabel('Plan file').setInputFiles({ name: 'levels.pdf', mimeType: 'application/pdf', buffer: planPdf() });
    await page.getByText('The PDF has 2 pages. Page:').waitFor();
    await page.getByLabel(/Page:/).fill('2');
    await page.getByRole('button', { name: 'Use page' }).click();
    await page.getByText(/Plan imported \(\d+×\d+ px\)/).waitFor();
    const size = await page.getByText(/^\d+×\d+ px/).first().textContent();
    const [w, hgt] = /^(\d+)×(\d+)/.exec(size ?? '')!.slice(1).map(Number) as [number, number];
    expect(w / hgt).toBeCloseTo(600 / 500, 2);
    // Rooms drawn earlier keep their outlines on the new plan.
    expect(await page.locator('.plan-svg .room').count()).toBe(4);
    // The rendered page has the red rectangle of page 2 (not page 1's black lines).
    const red = await page.evaluate(async () => {
      const img = document.querySelector('.plan-image') as HTMLImageElement;
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 200 && d[i + 1]! < 60 && d[i + 2]! < 60) n++;
      return n;
    });
    expect(red).toBeGreaterThan(1000);
    await page.screenshot({ path: join(RESULTS, 'walk-4-pdf-plan.png') });
    expect(pageErrors(page)).toEqual([]);
    // Undo brings the SVG plan back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('1200×800 px', { exact: false }).first().waitFor();
  });
});
