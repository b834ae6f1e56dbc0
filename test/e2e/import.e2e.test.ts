// Import & reconcile in Chromium (issue 5): messy legacy workbooks built here with SheetJS (title
// rows, a merged two-row header, Spanish headers, serials stored as numbers, text dates, "Toshipa",
// "N/A"), through the wizard to a preview and a commit into IndexedDB; an updated sheet re-imported
// shows field-level changes and leaves unchanged rows alone; hostile files are refused with a clear
// message and nothing written; reconciliation against devices in IndexedDB (a MAC match, a hostname
// match), a manual link that survives a re-import; undo; export to .xlsx and .csv read back here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { RESULTS, pageErrors, putRows, readTables, startHarness } from './harness';
import type { Harness, Row } from './harness';

let h: Harness;
let page: Page;
let files: string;

type Cell = string | number | null;

const TITLE: Cell[][] = [['HOSPITAL GENERAL SAN ISIDRO — INVENTARIO DE EQUIPOS BIOMÉDICOS'], ['Ingeniería Clínica · revisión 2019'], []];
const H1: Cell[] = ['N° Inventario', 'Equipo', 'Marca', 'Modelo', 'Número de serie', 'Servicio', 'Ubicación', null, 'Dirección MAC', 'Hostname', 'Fecha de instalación', 'Observaciones'];
const H2: Cell[] = [null, null, null, null, null, null, 'Edificio', 'Sala', null, null, null, null];

function rowsV1(): Cell[][] {
  return [
    ['HGS-0001', 'Bomba de infusión', 'CareFusion', 'Alaris GP', 8003456712, 'UCI Adultos', 'Torre A', 'UCI-301', '00-1B-44-11-3A-B7', '', '30/11/2006', 'Préstamo de quirófano'],
    ['HGS-0002', 'Monitor de signos vitales', 'Phillips', 'IntelliVue MX450', 'DE12345678', 'Urgencias', 'Torre B', 'URG-12', 'N/A', 'MON-URG-12', '24/10/2007', null],
    ['HGS-0003', 'Tomógrafo', 'Toshipa', 'Aquilion 64', '3L225', 'Radiología', 'Torre B', 'TAC-1', 'N/A', 'N/A', '10/02/2016', '=HYPERLINK("http://x")'],
    ['HGS-0004', 'Ventilador', 'Draeger', 'Evita V500', 'ASBH-0042', 'UCI Adultos', 'Torre A', 'UCI-303', 'NO REGISTRA', '', '05/03/2015', null],
    [null, null, null, null, null, null, null, null, null, null, null, 'equipo dado de baja, ver hoja Bajas'],
    ['HGS-0002', 'Monitor de signos vitales', 'Philips', 'IntelliVue MX450', 'DE12345679', 'Urgencias', 'Torre B', 'URG-13', null, null, null, 'tag repetido'],
  ];
}

function rowsV2(): Cell[][] {
  const r = rowsV1();
  r[1]![7] = 'URG-14'; // HGS-0002 moved
  r[3]![11] = 'Revisado 2020'; // HGS-0004 gets a note
  r.splice(4, 0, ['HGS-0005', 'Desfibrilador', 'Zoll', 'R Series', 'AF12J003456', 'Urgencias', 'Torre B', 'URG-01', '', '', '28/09/2001', null]);
  return r;
}

function workbook(data: Cell[][]): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([...TITLE, H1, H2, ...data]);
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 11 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 11 } },
    { s: { r: 3, c: 6 }, e: { r: 3, c: 7 } },
    ...[0, 1, 2, 3, 4, 5, 8, 9, 10, 11].map((c) => ({ s: { r: 3, c }, e: { r: 4, c } })),
  ];
  const bajas = XLSX.utils.aoa_to_sheet([['EQUIPOS DADOS DE BAJA'], ['Código', 'Descripción', 'Fabricante', 'Modelo', 'N° de serie', 'Motivo'], ['HGS-0901', 'Rayos X portátil', 'Toshiba', 'Mobirex', 66723822, 'Obsoleto']]);
  const notas = XLSX.utils.aoa_to_sheet([['Notas'], ['Inventario levantado por el servicio de biomédica.']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Inventario 2019');
  XLSX.utils.book_append_sheet(wb, bajas, 'Bajas');
  XLSX.utils.book_append_sheet(wb, notas, 'Notas');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A ZIP whose one entry inflates 20 MB of zeros from a few KB (PKWARE APPNOTE headers). */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = Buffer.alloc(20 * 1024 * 1024);
  const comp = deflateRawSync(data);
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0);
  lh.writeUInt16LE(20, 4);
  lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(comp.length, 18);
  lh.writeUInt32LE(data.length, 22);
  lh.writeUInt16LE(name.length, 26);
  const ch = Buffer.alloc(46);
  ch.writeUInt32LE(0x02014b50, 0);
  ch.writeUInt16LE(20, 4);
  ch.writeUInt16LE(20, 6);
  ch.writeUInt16LE(8, 10);
  ch.writeUInt32LE(comp.length, 20);
  ch.writeUInt32LE(data.length, 24);
  ch.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length + comp.length, 16);
  return Buffer.concat([lh, name, comp, ch, name, eocd]);
}

async function read(stores: string[]): Promise<Record<string, Row[]>> {
  return readTables(page, stores);
}

async function put(store: string, rows: Row[]) {
  await putRows(page, store, rows);
}

const liveAssets = async () => ((await read(['assets'])).assets ?? []).filter((a) => !a.deleted);
const byTag = (assets: Row[], tag: string) => assets.find((a) => a.assetTag === tag);
const shot = (name: string) => page.screenshot({ path: join(RESULTS, `import-${name}.png`), fullPage: true });

async function openFile(path: string) {
  await page.getByRole('tab', { name: 'Import a workbook' }).click();
  const choose = page.getByRole('button', { name: 'Choose another file' });
  if (await choose.isVisible()) await choose.click();
  const another = page.getByRole('button', { name: 'Import another file' });
  if (await another.isVisible()) await another.click();
  await page.getByLabel('Workbook file').setInputFiles(path);
}

async function countOf(kind: 'added' | 'changed' | 'unchanged' | 'problems'): Promise<number> {
  return Number(await page.getByTestId(`count-${kind}`).locator('.n').textContent());
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  files = mkdtempSync(join(tmpdir(), 'ww-e2e-import-'));
  writeFileSync(join(files, 'Inventario HGS 2019.xlsx'), workbook(rowsV1()));
  writeFileSync(join(files, 'Inventario HGS 2020.xlsx'), workbook(rowsV2()));
  writeFileSync(join(files, 'bomba.xlsx'), zipBomb());
  const big: Cell[][] = Array.from({ length: 60_000 }, (_, i) => [`BIG-${i}`, 'Bomba de infusión', 'BD', 'Alaris GP', 9_000_000_000 + i, 'UCI', 'Torre A', `R-${i % 400}`, '', '', '01/02/2015', null]);
  writeFileSync(join(files, 'grande.xlsx'), workbook(big));
  writeFileSync(join(files, 'garbage.xlsx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  await page.getByRole('button', { name: 'Import & reconcile' }).click();
  await page.getByRole('heading', { name: 'Import & reconcile' }).waitFor();
});
afterAll(async () => {
  await h?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot('failed').catch(() => undefined);
});

describe('import & reconcile', () => {
  it('imports a messy Spanish workbook through the wizard: sheets, header under title rows, mapping, preview, commit', async () => {
    await openFile(join(files, 'Inventario HGS 2019.xlsx'));
    await page.getByRole('region', { name: 'Sheet Inventario 2019' }).waitFor();
    // Several sheets at once: the inventory and the disposals are recognised and ticked, the notes are not.
    expect(await page.getByLabel('Import sheet Inventario 2019').isChecked()).toBe(true);
    expect(await page.getByLabel('Import sheet Bajas').isChecked()).toBe(true);
    expect(await page.getByLabel('Import sheet Notas').isChecked()).toBe(false);
    // The header was found under the title rows (two-row header, merged "Ubicación").
    expect(await page.getByLabel('Header row').inputValue()).toBe('4');
    const mapping = page.getByRole('table', { name: 'Column mapping' });
    const sel = (header: string) => mapping.locator(`tr[data-header="${header}"] select`).first();
    expect(await sel('N° Inventario').inputValue()).toBe('assetTag');
    expect(await sel('Marca').inputValue()).toBe('maker');
    expect(await sel('Modelo').inputValue()).toBe('model');
    expect(await sel('Número de serie').inputValue()).toBe('serial');
    expect(await sel('Servicio').inputValue()).toBe('department');
    expect(await sel('Dirección MAC').inputValue()).toBe('mac');
    expect(await sel('Observaciones').inputValue()).toBe('');
    const room = mapping.locator('tr[data-header$="Sala"] select').first();
    expect(await room.inputValue()).toBe('room');
    // Reasons and sample values are shown per column.
    await expect.poll(() => mapping.locator('tr[data-header="Número de serie"] .sample').first().textContent()).toBe('8003456712');
    expect(await mapping.locator('tr[data-header="Marca"] .why').textContent()).toMatch(/\S/);
    // The person can move the header row (and back): row 2 holds no column names.
    await page.getByLabel('Header row').fill('2');
    await page.getByRole('button', { name: 'Use this row' }).click();
    await expect.poll(() => mapping.locator('tr[data-header="N° Inventario"]').count()).toBe(0);
    await page.getByLabel('Header row').fill('4');
    await page.getByRole('button', { name: 'Use this row' }).click();
    await expect.poll(() => mapping.locator('tr[data-header="N° Inventario"]').count()).toBe(1);
    if (!(await page.getByLabel('Header spans two rows').isChecked())) await page.getByLabel('Header spans two rows').check();
    await expect.poll(() => mapping.locator('tr[data-header$="Sala"] select').first().inputValue()).toBe('room');
    expect(await sel('N° Inventario').inputValue()).toBe('assetTag');
    // The person confirms or changes a mapping: the hostname column, explicitly.
    await sel('Hostname').selectOption('hostname');
    await shot('1-mapping');
    await mapping.screenshot({ path: join(RESULTS, 'import-1b-columns.png') });

    expect((await liveAssets()).length).toBe(0);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    expect(await countOf('added')).toBe(5);
    expect(await countOf('changed')).toBe(0);
    expect(await countOf('unchanged')).toBe(0);
    expect(await countOf('problems')).toBeGreaterThanOrEqual(2); // the note-only row and the repeated tag
    await page.getByTestId('count-problems').click();
    const problems = await page.getByTestId('problem-row').allTextContents();
    expect(problems.some((p) => /Inventario 2019\s*11\s*duplicate asset tag 'HGS-0002'/.test(p))).toBe(true);
    await page.getByTestId('count-added').click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Canon Medical Systems (typed “Toshipa”)');
    await shot('2-preview');
    // Still nothing written before commit.
    expect((await liveAssets()).length).toBe(0);

    await page.getByRole('button', { name: /^Commit: 5 new, 0 changed$/ }).click();
    await page.getByTestId('import-done').waitFor();
    const assets = await liveAssets();
    expect(assets.length).toBe(5);
    const xray = byTag(assets, 'HGS-0901')!;
    expect(xray.serial).toBe('66723822');
    expect((xray.extra as Record<string, string>)['Motivo']).toBe('Obsoleto');
    const pump = byTag(assets, 'HGS-0001')!;
    expect(pump.serial).toBe('8003456712');
    expect(pump.maker).toBe('Becton Dickinson');
    expect(pump.makerOriginal).toBe('CareFusion');
    expect(pump.macs).toEqual(['00:1b:44:11:3a:b7']);
    expect(pump.installDate).toBe('2006-11-30');
    expect(pump.room).toBe('UCI-301');
    expect((pump.extra as Record<string, string>)['Observaciones']).toBe('Préstamo de quirófano');
    const ct = byTag(assets, 'HGS-0003')!;
    expect(ct.maker).toBe('Canon Medical Systems');
    expect(ct.makerOriginal).toBe('Toshipa');
    expect(ct.macs).toEqual([]);
    expect(ct.hostname).toBeUndefined();
    const db = await read(['imports', 'auditLog', 'mappingProfiles']);
    expect(db.imports!.length).toBe(1);
    expect(db.imports![0]!.summary).toMatchObject({ created: 5, updated: 0 });
    expect(db.auditLog!.some((e) => e.action === 'inventory:commit-import')).toBe(true);
    expect(db.mappingProfiles!.length).toBe(2);
    await shot('3-committed');
  });

  it('re-importing the same file changes nothing; the saved mapping is offered again', async () => {
    await openFile(join(files, 'Inventario HGS 2019.xlsx'));
    await page.getByTestId('profile-applied').waitFor();
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    expect(await countOf('added')).toBe(0);
    expect(await countOf('changed')).toBe(0);
    expect(await countOf('unchanged')).toBe(5);
    expect(await page.getByRole('button', { name: /Nothing to import/ }).isDisabled()).toBe(true);
  });

  it('refuses a zip bomb and a garbage file with a clear message, writing nothing', async () => {
    const before = await read(['assets', 'imports']);
    await openFile(join(files, 'bomba.xlsx'));
    const err = page.getByTestId('import-error');
    await err.waitFor();
    const text = (await err.textContent()) ?? '';
    expect(text).toMatch(/bomba\.xlsx was refused/);
    expect(text).toMatch(/zip bomb|expands/i);
    expect(text).toMatch(/Nothing was written/);
    expect(text).not.toMatch(/inventory:parse-file failed/);
    await shot('4-zip-bomb');
    // Dropped onto the wizard this time (drag and drop sends the bytes the same way).
    const garbage = [...readFileSync(join(files, 'garbage.xlsx'))];
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'garbage.xlsx'));
      document.querySelector('.drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, garbage);
    await expect.poll(async () => (await err.textContent()) ?? '').toMatch(/garbage\.xlsx was refused/);
    const after = await read(['assets', 'imports']);
    expect(after.assets!.length).toBe(before.assets!.length);
    expect(after.imports!.length).toBe(before.imports!.length);
  });

  it('shows progress for a large workbook and cancels it cleanly', async () => {
    const before = await read(['assets']);
    await openFile(join(files, 'grande.xlsx'));
    const progress = page.getByRole('progressbar', { name: 'Reading the workbook' });
    await progress.waitFor();
    await shot('0-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => progress.count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Sheets' }).count()).toBe(0);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect((await read(['assets'])).assets!.length).toBe(before.assets!.length);
  });

  it('reconciles with devices on the network: MAC match, hostname match, and a manual link', async () => {
    const now = Date.now();
    const dev = (id: string, mac: string, ip: string, hostnames: string[], extra: Row = {}) => ({ id, mac, ips: [ip], hostnames, firstSeen: now - 3_600_000, lastSeen: now, packets: 40, evidence: [], ...extra });
    await put('devices', [
      dev('dev-pump', '00:1b:44:11:3a:b7', '10.20.1.15', []),
      dev('dev-monitor', '00:09:fb:01:02:03', '10.20.2.40', ['mon-urg-12.hosp.local'], { identity: { os: { value: 'VxWorks 6.9', confidence: 0.8, reasons: ['test'], rules: [] } } }),
      dev('dev-vent', '00:12:34:56:78:9a', '10.20.1.77', ['EVITA-UCI-3']),
      dev('dev-printer', '00:11:22:33:44:55', '10.20.9.9', ['PRN-ADM-2']),
    ]);
    await page.getByRole('tab', { name: 'Reconcile with the network' }).click();
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(2);
    const how = await page.getByTestId('match-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-how')).sort());
    expect(how).toEqual(['hostname', 'mac']);
    const macRow = page.locator('[data-testid="match-row"][data-how="mac"]');
    expect(await macRow.textContent()).toMatch(/HGS-0001.*99%.*MAC 00:1b:44:11:3a:b7/);
    expect(await page.locator('[data-testid="match-row"][data-how="hostname"]').textContent()).toMatch(/HGS-0002.*hostname MON-URG-12/);
    expect(await page.getByTestId('rec-notSeen').locator('.n').textContent()).toBe('3');
    expect(await page.getByTestId('rec-notInInventory').locator('.n').textContent()).toBe('2');
    // Manual link: the ventilator is the device EVITA-UCI-3.
    await page.getByTestId('rec-notInInventory').click();
    const picker = page.getByLabel('Link EVITA-UCI-3 (00:12:34:56:78:9a) to an asset');
    const options = await picker.locator('option').allTextContents();
    await picker.selectOption({ label: options.find((t) => t.startsWith('HGS-0004'))! });
    await page.getByTestId('not-in-inventory-row').filter({ hasText: 'EVITA-UCI-3' }).getByRole('button', { name: 'Link' }).click();
    await page.getByTestId('rec-matched').click();
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(3);
    expect(await page.locator('[data-testid="match-row"][data-how="person"]').textContent()).toMatch(/HGS-0004.*EVITA-UCI-3.*100%.*linked by/);
    expect(byTag(await liveAssets(), 'HGS-0004')!.deviceId).toBe('dev-vent');
    await shot('5-reconcile');
  });

  it('re-importing an updated sheet shows changed rows field by field; the manual link survives; undo restores', async () => {
    await openFile(join(files, 'Inventario HGS 2020.xlsx'));
    await page.getByTestId('profile-applied').waitFor();
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    expect(await countOf('added')).toBe(1);
    expect(await countOf('changed')).toBe(2);
    expect(await countOf('unchanged')).toBe(3);
    await page.getByTestId('count-changed').click();
    const changed = await page.getByTestId('changed-row').allTextContents();
    expect(changed.some((t) => /HGS-0002.*Room: URG-12 → URG-14/.test(t))).toBe(true);
    expect(changed.some((t) => /HGS-0004.*Observaciones \(extra field\): \(empty\) → Revisado 2020/.test(t))).toBe(true);
    await shot('6-reimport-preview');
    await page.getByRole('button', { name: /^Commit: 1 new, 2 changed$/ }).click();
    await page.getByTestId('import-done').waitFor();
    let assets = await liveAssets();
    expect(assets.length).toBe(6);
    expect(byTag(assets, 'HGS-0002')!.room).toBe('URG-14');
    expect(byTag(assets, 'HGS-0002')!.version).toBe(2);
    expect(byTag(assets, 'HGS-0001')!.version).toBe(1);
    const vent = byTag(assets, 'HGS-0004')!;
    expect(vent.deviceId).toBe('dev-vent');
    await page.getByRole('tab', { name: 'Reconcile with the network' }).click();
    await expect.poll(() => page.locator('[data-testid="match-row"][data-how="person"]').count()).toBe(1);
    expect(await page.locator('[data-testid="match-row"][data-how="person"]').textContent()).toMatch(/HGS-0004/);

    // Undo the re-import: the new asset goes, the changed ones get their earlier content back.
    await page.getByRole('tab', { name: 'Import a workbook' }).click();
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await expect.poll(async () => (await liveAssets()).length).toBe(5);
    assets = await liveAssets();
    expect(byTag(assets, 'HGS-0005')).toBeUndefined();
    expect(byTag(assets, 'HGS-0002')!.room).toBe('URG-12');
    expect(byTag(assets, 'HGS-0004')!.deviceId).toBe('dev-vent');
    expect((byTag(assets, 'HGS-0004')!.extra as Record<string, string>)['Observaciones']).toBeUndefined();
    expect((await read(['imports'])).imports!.length).toBe(1);
  });

  it('exports .xlsx and .csv in the imported layout, with network columns and escaped formulas', async () => {
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByText('in the columns of').waitFor();
    const [dx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .xlsx' }).click()]);
    expect(dx.suggestedFilename()).toMatch(/^Inventario HGS 2019 \(Wardwalk \d{4}-\d{2}-\d{2}\)\.xlsx$/);
    const wb = XLSX.read(readFileSync((await dx.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false });
    const header = rows[0]!;
    expect(header[0]).toBe('N° Inventario');
    expect(header).toContain('Marca');
    expect(header).toContain('Observaciones');
    expect(header.slice(-4)).toEqual(['Wardwalk: network IPs', 'Wardwalk: OS', 'Wardwalk: last seen', 'Wardwalk: confirmed room']);
    expect(rows.length).toBe(6);
    expect(header).toContain('Motivo');
    const col = (name: string) => header.indexOf(name);
    const row = (tag: string) => rows.find((r) => r[0] === tag)!;
    // Written back as the user typed it, serial as digits, the formula escaped.
    expect(row('HGS-0001')[col('Marca')]).toBe('CareFusion');
    expect(row('HGS-0001')[col('Número de serie')]).toBe('8003456712');
    expect(row('HGS-0003')[col('Observaciones')]).toBe('\'=HYPERLINK("http://x")');
    expect(row('HGS-0001')[col('Wardwalk: network IPs')]).toBe('10.20.1.15');
    expect(row('HGS-0002')[col('Wardwalk: OS')]).toBe('VxWorks 6.9');
    expect(row('HGS-0004')[col('Wardwalk: network IPs')]).toBe('10.20.1.77');
    expect(row('HGS-0003')[col('Wardwalk: last seen')] ?? '').toBe('');
    const cell = wb.Sheets[wb.SheetNames[0]!]![XLSX.utils.encode_cell({ r: rows.indexOf(row('HGS-0003')), c: col('Observaciones') })] as XLSX.CellObject;
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();

    const [dc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .csv' }).click()]);
    expect(dc.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await dc.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('N° Inventario');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv.trim().split('\r\n').length).toBe(6);
    await shot('7-export');

    // Round trip: the exported workbook imported again changes nothing (the Wardwalk columns are ignored).
    const back = join(files, 'exported.xlsx');
    await dx.saveAs(back);
    await openFile(back);
    await page.getByRole('region', { name: 'Sheet Inventory' }).waitFor();
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    expect(await countOf('added')).toBe(0);
    expect(await countOf('changed')).toBe(0);
    expect(await countOf('unchanged')).toBe(5);
    expect(await countOf('problems')).toBe(0);
    expect(pageErrors(page).filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
