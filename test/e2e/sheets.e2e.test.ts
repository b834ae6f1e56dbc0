// Room sheets and labels end to end: a demo floor seeded into the app's IndexedDB, the Sheets view in
// Chromium, page.pdf() of the print page for A4 portrait and US Letter landscape, pdftoppm to PNG,
// and every barcode on every page decoded back (ZXing) to the asset tag / room code of its row.
// Then key-back through the form, and the .xlsx export read back with SheetJS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { startHarness, RESULTS, pageErrors } from './harness';
import type { Harness } from './harness';
import { demoSurvey, seedDemo } from './sheets-demo';

const DPI = 300;
const PX_TO_MM = 25.4 / 96;

let h: Harness;
const demo = demoSurvey({ rooms: 8, bigRoom: 30, surveyRooms: [5, 6] });
// A model name as a hostile spreadsheet would carry it: must print as text and export escaped.
const HOSTILE = '=HYPERLINK("http://evil.example","x")';
demo.assets[0]!['model'] = HOSTILE;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1400, height: 900 } });
  await h.page.getByRole('heading', { name: 'Sites & floors' }).waitFor();
  await seedDemo(h.page, demo);
  await h.page.getByRole('button', { name: 'Room sheets & labels' }).click();
  await h.page.getByRole('heading', { name: 'Room sheets & labels' }).waitFor();
});
afterAll(async () => {
  await h?.close();
});

interface Box {
  page: number; // 1-based
  kind: 'asset' | 'room';
  expected: string;
  x: number; // mm from the page's top-left
  y: number;
  w: number;
  h: number;
}

/** Where each barcode sits on its page (mm), measured in the print layout, and what it must say. */
async function barcodeBoxes(page: Page, pageSel: string, symbolSel: string): Promise<Box[]> {
  await page.emulateMedia({ media: 'print' });
  const raw = await page.evaluate(
    ({ pageSel, symbolSel }) => {
      const out: { page: number; kind: string; expected: string; x: number; y: number; w: number; h: number }[] = [];
      document.querySelectorAll<HTMLElement>(pageSel).forEach((p, i) => {
        const pr = p.getBoundingClientRect();
        p.querySelectorAll<SVGElement>(symbolSel).forEach((svg) => {
          const holder = svg.closest<HTMLElement>('[data-asset],[data-code],.sh-head')!;
          const kind = holder.classList.contains('sh-head') || holder.dataset['code']?.startsWith('ROOM:') ? 'room' : 'asset';
          const expected = holder.classList.contains('sh-head') ? holder.querySelector('.sh-room-code-text')!.textContent! : (holder.dataset['asset'] ?? holder.dataset['code'] ?? '');
          const r = svg.getBoundingClientRect();
          out.push({ page: i + 1, kind, expected, x: r.left - pr.left, y: r.top - pr.top, w: r.width, h: r.height });
        });
      });
      return out;
    },
    { pageSel, symbolSel },
  );
  await page.emulateMedia({ media: null });
  return raw.map((b) => ({ ...b, kind: b.kind as Box['kind'], x: b.x * PX_TO_MM, y: b.y * PX_TO_MM, w: b.w * PX_TO_MM, h: b.h * PX_TO_MM }));
}

interface Crop {
  x: number; // mm
  y: number;
  w: number;
  h: number;
}

/** pdftoppm every page at DPI, grey, optionally only a region (mm) of each page (much faster). */
function rasterize(pdf: string, outPrefix: string, crop?: Crop): string[] {
  const px = (mm: number) => String(Math.round((mm * DPI) / 25.4));
  const region = crop ? ['-x', px(crop.x), '-y', px(crop.y), '-W', px(crop.w), '-H', px(crop.h)] : [];
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', ...region, pdf, outPrefix]);
  const dir = join(outPrefix, '..');
  const base = outPrefix.split('/').pop()!;
  return readdirSync(dir)
    .filter((f) => f.startsWith(base + '-') && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => join(dir, f));
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

function pdfPageSizeMm(pdf: string): { w: number; h: number } {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { w: (Number(m[1]) * 25.4) / 72, h: (Number(m[2]) * 25.4) / 72 };
}

function pageText(pdf: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString();
}

const pngCache = new Map<string, { lum: Uint8ClampedArray; width: number; height: number }>();
function loadGray(file: string) {
  let hit = pngCache.get(file);
  if (!hit) {
    const png = PNG.sync.read(readFileSync(file));
    const lum = new Uint8ClampedArray(png.width * png.height);
    for (let i = 0; i < lum.length; i++) lum[i] = png.data[i * 4]!; // gray: R = G = B
    hit = { lum, width: png.width, height: png.height };
    pngCache.set(file, hit);
  }
  return hit;
}

/** Decode the symbol inside a box (plus its quiet zone) on a rasterized page (or page region). */
function decodeBox(file: string, b: Box, format: BarcodeFormat, origin: { x: number; y: number } = { x: 0, y: 0 }): string | null {
  const img = loadGray(file);
  const s = DPI / 25.4;
  const padX = b.kind === 'room' && format === BarcodeFormat.QR_CODE ? 2 : 3;
  const bx = b.x - origin.x;
  const by = b.y - origin.y;
  const left = Math.max(0, Math.floor((bx - padX) * s));
  const top = Math.max(0, Math.floor((by - 1.5) * s));
  const right = Math.min(img.width, Math.ceil((bx + b.w + padX) * s));
  const bottom = Math.min(img.height, Math.ceil((by + b.h + 1.5) * s));
  if (right <= left || bottom <= top) return null;
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    const src = new RGBLuminanceSource(img.lum, right - left, bottom - top, img.width, img.height, left, top);
    return reader.decode(new BinaryBitmap(new HybridBinarizer(src)), hints).getText();
  } catch {
    return null;
  }
}

async function choose(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).selectOption(value);
}

describe('room sheets', () => {
  it('previews a demo floor: one section per room, page count and totals', async () => {
    const page = h.page;
    const summary = page.getByTestId('sheet-summary');
    await summary.waitFor();
    const expectedAssets = demo.assets.length;
    await expect.poll(() => summary.textContent()).toContain(`8 rooms, ${expectedAssets} assets`);
    await page.screenshot({ path: join(RESULTS, 'sheets-view.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  for (const cfg of [
    { paper: 'A4', orientation: 'portrait', name: 'a4-portrait', size: { w: 210, h: 297 } },
    { paper: 'Letter', orientation: 'landscape', name: 'letter-landscape', size: { w: 279.4, h: 215.9 } },
  ] as const) {
    it(`prints ${cfg.name} to PDF: page count, one room per page, every barcode decodes`, async () => {
      const page = h.page;
      await choose(page, 'Paper', cfg.paper);
      await choose(page, 'Orientation', cfg.orientation);
      const doc = page.locator('.sheet-doc');
      await expect.poll(() => doc.getAttribute('data-paper')).toBe(cfg.paper);
      await expect.poll(() => doc.getAttribute('data-orientation')).toBe(cfg.orientation);
      const declared = Number(await doc.getAttribute('data-pages'));
      const domPages = await page.locator('.sheet-page').count();
      expect(domPages).toBe(declared);

      // Nothing overflows: every row is the geometry's height and the table ends above the footer.
      await page.emulateMedia({ media: 'print' });
      const fit = await page.evaluate(() => {
        const bad: string[] = [];
        const rowH = parseFloat(getComputedStyle(document.querySelector('.sheet-doc')!).getPropertyValue('--row-h'));
        const mm = 96 / 25.4;
        document.querySelectorAll<HTMLElement>('.sheet-page').forEach((p, i) => {
          const foot = p.querySelector('.sh-foot')!.getBoundingClientRect();
          p.querySelectorAll('tbody tr[data-asset]').forEach((tr) => {
            const r = tr.getBoundingClientRect();
            if (r.height > rowH * mm + 0.5) bad.push(`page ${i + 1}: row ${tr.getAttribute('data-asset')} is ${(r.height / mm).toFixed(2)} mm`);
          });
          const last = [...p.children].filter((c) => !c.classList.contains('sh-foot')).pop()!.getBoundingClientRect();
          if (last.bottom > foot.top + 0.5) bad.push(`page ${i + 1}: content runs into the footer`);
        });
        return bad;
      });
      await page.emulateMedia({ media: null });
      expect(fit).toEqual([]);

      const boxes = await barcodeBoxes(page, '.sheet-page', '.sh-bc svg, .sh-room-code svg');
      const pdf = join(RESULTS, `sheets-${cfg.name}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf)).toBe(declared);
      const size = pdfPageSizeMm(pdf);
      expect(size.w).toBeCloseTo(cfg.size.w, 0);
      expect(size.h).toBeCloseTo(cfg.size.h, 0);

      // One room per page, rooms in walking order, every room present, the big room over >1 page.
      const roomOrder = (demo.rooms as { number: string }[]).map((r) => r.number);
      const perPage: string[] = [];
      for (let n = 1; n <= declared; n++) {
        const text = pageText(pdf, n);
        const rooms = new Set([...text.matchAll(/Room (\d+\.\d+)/g)].map((m) => m[1]!));
        expect(rooms.size, `page ${n} names rooms ${[...rooms].join(', ')}`).toBe(1);
        perPage.push([...rooms][0]!);
        expect(text).toContain(`Page ${n} of ${declared}`);
      }
      expect([...new Set(perPage)]).toEqual(roomOrder);
      expect(perPage.filter((r) => r === '3.03').length).toBeGreaterThan(1);
      expect(declared).toBeGreaterThan(8);

      // Every barcode decodes back to its asset tag (or the room code).
      const pngDir = join(RESULTS, `sheets-${cfg.name}-png`);
      rmSync(pngDir, { recursive: true, force: true });
      mkdirSync(pngDir, { recursive: true });
      // Two regions per page at 300 dpi: the tag column (asset barcodes) and the header's right corner
      // (room code). Every box must lie inside its region, or the check below could not see it.
      const tagRegion: Crop = { x: 0, y: 0, w: 66, h: cfg.size.h };
      const roomRegion: Crop = { x: cfg.size.w - 80, y: 0, w: 80, h: 50 };
      const inside = (b: Box, c: Crop) => b.x >= c.x + 3 && b.x + b.w <= c.x + c.w - 3 && b.y >= c.y + 1.5 && b.y + b.h <= c.y + c.h - 1.5;
      expect(boxes.filter((b) => !inside(b, b.kind === 'asset' ? tagRegion : roomRegion))).toEqual([]);
      // Whole pages at 100 dpi, for people to look at.
      execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '4', '-png', pdf, join(pngDir, 'page')]);
      const pngs = rasterize(pdf, join(pngDir, 'tags'), tagRegion);
      const roomPngs = rasterize(pdf, join(pngDir, 'rooms'), roomRegion);
      expect(pngs).toHaveLength(declared);
      const assetBoxes = boxes.filter((b) => b.kind === 'asset');
      const tagged = (demo.assets as { assetTag?: string; serial: string }[]).map((a) => a.assetTag ?? a.serial).sort();
      expect(assetBoxes.map((b) => b.expected).sort()).toEqual(tagged);
      expect(boxes.filter((b) => b.kind === 'room')).toHaveLength(8);
      const failures: string[] = [];
      for (const b of boxes) {
        const got = b.kind === 'asset' ? decodeBox(pngs[b.page - 1]!, b, BarcodeFormat.CODE_128, tagRegion) : decodeBox(roomPngs[b.page - 1]!, b, BarcodeFormat.CODE_128, roomRegion);
        if (got !== b.expected) failures.push(`page ${b.page} at ${b.x.toFixed(1)},${b.y.toFixed(1)} mm (${b.w.toFixed(1)}×${b.h.toFixed(1)}): expected ${b.expected}, read ${got}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('prints asset labels (Avery L7160) and room labels (QR, Avery 5160) that scan', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: 'Labels' }).click();
    await choose(page, 'Label sheet', 'L7160');
    await page.getByLabel('Skip used labels').fill('2');
    const doc = page.locator('.label-doc');
    await doc.waitFor();
    const labelsWithCode = demo.assets.length;
    await expect.poll(() => page.getByTestId('label-summary').textContent()).toContain(`${labelsWithCode} labels on ${Math.ceil((labelsWithCode + 2) / 21)} sheets`);
    await page.getByLabel('Show label outlines (preview and test prints)').uncheck();
    const boxes = await barcodeBoxes(page, '.label-page', '.lb-bc svg');
    const pdf = join(RESULTS, 'labels-assets-l7160.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(Math.ceil((labelsWithCode + 2) / 21));
    const dir = join(RESULTS, 'labels-png');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pngs = rasterize(pdf, join(dir, 'assets'));
    // first label sits in slot 3 of the sheet: left 7.25 + 2 × 66 mm
    expect(boxes[0]!.x).toBeGreaterThan(7.25 + 2 * 66);
    expect(boxes[0]!.x).toBeLessThan(7.25 + 3 * 66);
    const bad = boxes.map((b) => [b.expected, decodeBox(pngs[b.page - 1]!, b, BarcodeFormat.CODE_128)]).filter(([e, g]) => e !== g);
    expect(bad).toEqual([]);

    await choose(page, 'Labels for', 'room');
    await choose(page, 'Label sheet', '5160');
    await page.getByLabel('Skip used labels').fill('0');
    await expect.poll(() => page.getByTestId('label-summary').textContent()).toContain('8 labels on 1 sheets');
    const roomBoxes = await barcodeBoxes(page, '.label-page', '.lb-bc svg');
    const pdf2 = join(RESULTS, 'labels-rooms-5160.pdf');
    await page.pdf({ path: pdf2, preferCSSPageSize: true, printBackground: true });
    const png2 = rasterize(pdf2, join(dir, 'rooms'));
    const read = roomBoxes.map((b) => decodeBox(png2[b.page - 1]!, b, BarcodeFormat.QR_CODE));
    expect(read).toEqual((demo.rooms as { number: string }[]).map((r) => `ROOM:${r.number}`));
    expect(pdfPageSizeMm(pdf2).w).toBeCloseTo(215.9, 0);
    await page.getByLabel('Show label outlines (preview and test prints)').check();
    await page.screenshot({ path: join(RESULTS, 'sheets-labels.png') });
  });
});

describe('key results back', () => {
  it('turns ticks into paper-sheet confirmations, moved/missing flags and unlisted finds', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: 'Key results back' }).click();
    await page.getByLabel('Surveyor').fill('Ana Ruiz');
    await page.getByLabel('Sheet of room').selectOption({ label: '3.03 — Bay 3 (30)' });
    const form = page.getByRole('form', { name: 'Results for room 3.03' });
    await form.waitFor();
    const bigRoom = (demo.assets as { id: string; roomId: string; assetTag?: string; serial: string }[]).filter((a) => a.roomId === 'room_2');
    const tag = (i: number) => bigRoom[i]!.assetTag ?? bigRoom[i]!.serial;
    const sorted = bigRoom.map((_, i) => i).sort((a, b) => tag(a).localeCompare(tag(b), 'en', { numeric: true }));
    const t = sorted.map(tag); // in sheet order
    await form.getByRole('radio', { name: `Present ${t[0]}`, exact: true }).check();
    await form.getByRole('radio', { name: `Present ${t[1]}`, exact: true }).check();
    await form.getByRole('radio', { name: `Missing ${t[2]}`, exact: true }).check();
    await form.getByRole('radio', { name: `Moved ${t[3]}`, exact: true }).check();
    await form.getByLabel(`Found in room, ${t[3]}`).selectOption({ label: '3.05 — Nurses station' });
    await form.getByRole('radio', { name: `Moved ${t[4]}`, exact: true }).check();
    await form.getByLabel(`Note, ${t[0]}`).fill('on charge by bed 2');
    // an asset listed for room 3.02 written on this sheet's found lines, and an unknown device
    const elsewhere = (demo.assets as { roomId: string; assetTag?: string }[]).find((a) => a.roomId === 'room_1' && a.assetTag)!;
    await form.getByLabel('Found line 1, asset tag or serial').fill(elsewhere.assetTag!.toLowerCase());
    await form.getByLabel('Found line 2, asset tag or serial').fill('NEW-PUMP-99');
    await form.getByLabel('Found line 2, note').fill('loan pump from vendor');
    await page.screenshot({ path: join(RESULTS, 'sheets-keyback.png'), fullPage: false });
    await form.getByRole('button', { name: 'Save results for room 3.03' }).click();
    await form.getByRole('status').waitFor();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('4 confirmed (paper sheet), 2 moved, 1 missing, 1 not in the inventory: NEW-PUMP-99');

    const stored = await page.evaluate(async () => {
      const idb = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('wardwalk');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all = <T,>(store: string) =>
        new Promise<T[]>((res, rej) => {
          const q = idb.transaction(store).objectStore(store).getAll();
          q.onsuccess = () => res(q.result as T[]);
          q.onerror = () => rej(q.error);
        });
      const out = { confirmations: await all<Record<string, unknown>>('confirmations'), audit: await all<Record<string, unknown>>('auditLog') };
      idb.close();
      return out;
    });
    const paper = stored.confirmations.filter((c) => c['how'] === 'paper-sheet');
    expect(paper).toHaveLength(4);
    expect(paper.every((c) => c['by'] === 'Ana Ruiz')).toBe(true);
    const byAsset = new Map(paper.map((c) => [c['assetId'] as string, c]));
    const id = (i: number) => bigRoom[sorted[i]!]!.id;
    expect(byAsset.get(id(0))).toMatchObject({ roomId: 'room_2', note: 'on charge by bed 2' });
    expect(byAsset.get(id(0))!['moved']).toBeUndefined();
    expect(byAsset.get(id(1))).toMatchObject({ roomId: 'room_2' });
    expect(byAsset.get(id(3))).toMatchObject({ roomId: 'room_4', moved: { fromRoomId: 'room_2' } });
    expect(byAsset.has(id(2))).toBe(false);
    expect(byAsset.has(id(4))).toBe(false);
    const elsewhereId = (demo.assets as { id: string; assetTag?: string }[]).find((a) => a.assetTag === elsewhere.assetTag)!.id;
    expect(byAsset.get(elsewhereId)).toMatchObject({ roomId: 'room_2', moved: { fromRoomId: 'room_1' } });
    const flags = stored.audit.filter((a) => String(a['action']).startsWith('sheets:flag-'));
    expect(flags.map((f) => [f['action'], f['detail']]).sort()).toEqual(
      [
        ['sheets:flag-missing', `${t[2]} ticked missing on the paper sheet of room 3.03`],
        ['sheets:flag-moved', `${t[3]} ticked moved on the paper sheet of room 3.03; found in room 3.05`],
        ['sheets:flag-moved', `${t[4]} ticked moved on the paper sheet of room 3.03; where to is not known`],
      ].sort(),
    );
    expect(stored.audit.some((a) => a['action'] === 'sheets:unlisted' && String(a['detail']).includes('NEW-PUMP-99'))).toBe(true);
    // nothing from the free-text notes reaches the audit log
    expect(JSON.stringify(stored.audit)).not.toContain('loan pump');

    // The sheet now shows the paper-sheet confirmation as the last one, by Ana Ruiz.
    await page.getByRole('tab', { name: 'Room sheets' }).click();
    const row = page.locator(`.sheet-doc tr[data-asset="${t[0]}"]`).first();
    await expect.poll(() => row.textContent()).toContain('Ana Ruiz');
    expect(pageErrors(page)).toEqual([]);
  });

  it('exports the sheet set as .xlsx with escaped cells', async () => {
    const page = h.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .xlsx' }).click()]);
    const file = join(RESULTS, 'sheets-export.xlsx');
    await download.saveAs(file);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toEqual(['Sheets', 'Rooms']);
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Sheets']!);
    expect(rows).toHaveLength(demo.assets.length);
    const withAssets = (demo.rooms as { id: string; number: string }[]).filter((r) => (demo.assets as { roomId: string }[]).some((a) => a.roomId === r.id));
    expect(new Set(rows.map((r) => r['Room']))).toEqual(new Set(withAssets.map((r) => r.number)));
    const hostile = rows.find((r) => r['Asset tag'] === demo.assets[0]!['assetTag'])!;
    expect(hostile['Model']).toBe(`'${HOSTILE}`);
    expect(Object.values(wb.Sheets['Sheets']!).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    const rooms = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Rooms']!);
    expect(rooms.find((r) => r['Room'] === '3.03')!['Expected assets']).toBe(30);
  });

  it('makes sheets for a survey round and for a department', async () => {
    const page = h.page;
    await page.getByLabel('Scope', { exact: true }).selectOption('survey');
    const summary = page.getByTestId('sheet-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^Survey Cardiology Q4: 2 rooms/);
    expect(await page.locator('.sheet-page').first().getAttribute('data-room')).toBe('3.06');
    await page.getByLabel('Scope', { exact: true }).selectOption('department');
    await page.getByLabel('Department', { exact: true }).selectOption('ICU');
    await expect.poll(() => summary.textContent()).toMatch(/^Department ICU: 8 rooms/);
  });
});
