// Vulnerabilities & risk end to end: an inventory and discovered devices seeded into the app's
// IndexedDB, three real CISA ICSMA advisories imported through the file input, matching in the
// worker with the right verdicts (inside a range → affected, just outside → not affected, no version
// → unknown — possible), a worklist row expanded to every score term, the .xlsx export read back
// (terms, verdicts, formula escaping), a superseded revision, printing, and a damaged advisory file
// that is refused with a clear message while nothing stored is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { startHarness, RESULTS, ROOT, pageErrors } from './harness';
import type { Harness } from './harness';

const ADV = join(ROOT, 'test/fixtures/advisories/csaf-icsma');
const OLD = join(ROOT, 'test/fixtures/advisories/csaf-icsma-older-revisions');
const FILES = ['icsma-17-255-01.json', 'icsma-20-023-01.json', 'icsma-21-187-01.json'].map((f) => join(ADV, f));
const EVIL_TAG = '=HYPERLINK("http://example.invalid","click")';

const base = { macs: [], extra: {}, original: {}, version: 1, updatedAt: 1_700_000_000_000, status: 'in-service', site: 'St Mary' };
const ASSETS = [
  { ...base, id: 'asset_mx_in', assetTag: 'ICU-0001', maker: 'Phillips', model: 'IntelliVue MX40', softwareVersion: 'B.05.12', floor: 'Floor 3', department: 'ICU', ips: ['10.3.1.10'], highRisk: true, type: 'patient-monitor' },
  { ...base, id: 'asset_mx_out', assetTag: 'ICU-0002', maker: 'Philips', model: 'IntelliVue MX40 Patient Worn Monitor', softwareVersion: 'B.06.18', floor: 'Floor 3', department: 'ICU', ips: ['10.3.1.11'], type: 'patient-monitor' },
  { ...base, id: 'asset_mx_nover', assetTag: 'CAR-0003', maker: 'Philips', model: 'IntelliVue MX40', floor: 'Floor 2', department: 'Cardiology', ips: ['10.2.7.31'] },
  { ...base, id: 'asset_tele_in', assetTag: EVIL_TAG, maker: 'GE Healthcare', model: 'CARESCAPE Telemetry Server', softwareVersion: '4.3', floor: 'Floor 1', department: '+Emergency', ips: ['10.1.4.5'], lifeSupport: false, highRisk: true },
  { ...base, id: 'asset_tele_out', assetTag: 'ER-0005', maker: 'General Electric', model: 'CARESCAPE Telemetry Server', softwareVersion: '4.4', floor: 'Floor 1', department: '+Emergency', ips: ['10.1.4.6'] },
  { ...base, id: 'asset_pacs', assetTag: 'RAD-0006', maker: 'Philips', model: 'Vue PACS', softwareVersion: '12.2.1.5', floor: 'Floor 0', department: 'Radiology', ips: ['10.9.0.20'], os: 'Windows Server 2008 R2' },
];
const ev = (kind: string, value: string) => ({ kind, value, proto: 'tcp', source: 'pcap', count: 3, firstSeen: 1, lastSeen: 2 });
const v = (value: string, confidence = 0.95) => ({ value, confidence, reasons: ['seeded by the test'], rules: [] });
const DEVICES = [
  // a smart TV on the ICU monitors' subnet, speaking telnet and talking to the internet
  { id: 'dev_tv', mac: '8c:79:f5:00:00:01', ips: ['10.3.1.50'], hostnames: ['lobby-tv'], firstSeen: 1, lastSeen: 2, packets: 10, evidence: [ev('protocol', 'telnet'), ev('peer-external', '203.0.113.7')], identity: { category: v('iot'), type: v('smart-tv'), maker: v('Samsung') } },
  // an office PC on the same subnet with SMBv1
  { id: 'dev_pc', mac: '00:11:22:00:00:02', ips: ['10.3.1.60'], hostnames: ['icu-desk-1'], firstSeen: 1, lastSeen: 2, packets: 10, evidence: [ev('protocol', 'smbv1')], identity: { category: v('it'), type: v('workstation'), os: v('Windows 7 Professional') } },
];

let h: Harness;
let page: Page;

async function seed(p: Page) {
  await p.evaluate(
    async ({ assets, devices }) => {
      const req = indexedDB.open('wardwalk');
      const dbh: IDBDatabase = await new Promise((res, rej) => {
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = dbh.transaction(['assets', 'devices'], 'readwrite');
        for (const a of assets) tx.objectStore('assets').put(a);
        for (const d of devices) tx.objectStore('devices').put(d);
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      dbh.close();
    },
    { assets: ASSETS, devices: DEVICES },
  );
}

async function storedAdvisories(p: Page): Promise<{ trackingId: string; version: string }[]> {
  return p.evaluate(async () => {
    const req = indexedDB.open('wardwalk');
    const dbh: IDBDatabase = await new Promise((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const all: { trackingId: string; version: string }[] = await new Promise((res) => {
      const r = dbh.transaction('advisories').objectStore('advisories').getAll();
      r.onsuccess = () => res(r.result as { trackingId: string; version: string }[]);
    });
    dbh.close();
    return all.map((a) => ({ trackingId: a.trackingId, version: a.version }));
  });
}

const advisoryInput = () => page.locator('input[type=file][aria-label="Advisory files"]');

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 1000 } });
  page = h.page;
  await page.getByRole('button', { name: 'Vulnerabilities & risk' }).click();
  await page.getByRole('heading', { name: 'Vulnerabilities & risk' }).waitFor();
  // the app has opened (and upgraded) the database: seed it, then reload so the app reads it
  await seed(page);
  await page.reload();
  await page.getByRole('button', { name: 'Vulnerabilities & risk' }).click();
  await page.locator('.rk-status').getByText(/6 inventory assets/).waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await h?.close();
});

describe('vulnerabilities & risk view', () => {
  it('imports real advisories through the file input and matches them with the right verdicts', async () => {
    await advisoryInput().setInputFiles(FILES);
    const outcome = page.getByRole('status', { name: 'Last advisory import' });
    await outcome.getByText(/3 new/).waitFor({ timeout: 60_000 });
    await page.locator('.rk-status').getByText(/^3 advisories \(/).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /Worklist \([1-9]/ }).waitFor({ timeout: 60_000 });
    expect((await storedAdvisories(page)).map((a) => a.trackingId).sort()).toEqual(['ICSMA-17-255-01', 'ICSMA-20-023-01', 'ICSMA-21-187-01']);
    await page.screenshot({ path: join(RESULTS, 'risk-dashboard.png'), fullPage: true });

    await page.getByRole('tab', { name: /Advisory matches/ }).click();
    const table = page.getByRole('table', { name: 'Advisory matches' });
    const verdictOf = async (asset: string, advisory: string) => (await table.locator(`tr[data-asset="${asset}"][data-advisory="${advisory}"] .rk-badge`).innerText()).trim();
    expect(await verdictOf('asset_mx_in', 'ICSMA-17-255-01')).toBe('affected');
    expect(await verdictOf('asset_mx_out', 'ICSMA-17-255-01')).toBe('not affected');
    expect(await verdictOf('asset_mx_nover', 'ICSMA-17-255-01')).toBe('unknown — possible');
    expect(await verdictOf('asset_tele_in', 'ICSMA-20-023-01')).toBe('affected');
    expect(await verdictOf('asset_tele_out', 'ICSMA-20-023-01')).toBe('not affected');
    expect(await verdictOf('asset_pacs', 'ICSMA-21-187-01')).toBe('affected');
    // a possible match says so and never claims
    await table.locator('tr[data-asset="asset_mx_nover"]').click();
    await table.locator('tr[data-asset="asset_mx_nover"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const possible = page.locator('.rk-match[data-advisory="ICSMA-17-255-01"]').first();
    await expect(possible.innerText()).resolves.toMatch(/possible: version not established/);
    await expect(possible.innerText()).resolves.toMatch(/confirm the model and version first/);
    await page.screenshot({ path: join(RESULTS, 'risk-matches.png') });
  });

  it('expands a worklist row to every score term, the advisory, its CVEs, CVSS, confidence, reasons and mitigation', async () => {
    await page.getByRole('tab', { name: /Worklist/ }).click();
    const wl = page.getByRole('table', { name: 'Risk worklist' });
    const row = wl.locator('tr[data-subject="asset_mx_in"]');
    await row.getByRole('button', { name: /Show details for/ }).click();
    const terms = page.getByRole('table', { name: /^Score terms for ICU-0001/ });
    await terms.waitFor();
    const cells = await terms.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const names = cells.map((c) => c[0]);
    expect(names).toEqual(expect.arrayContaining(['vulnerability', 'flat network', 'clinical criticality']));
    for (const c of cells) expect(c[2]!.length).toBeGreaterThan(5); // every term explained
    const values = cells.map((c) => Number(c[1]!.replace('−', '-').replace('+', '')));
    const total = Number(await terms.getByTestId('score-total').innerText());
    expect(Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10).toBeCloseTo(total, 1);
    expect(Number((await row.locator('.rk-score').innerText()).trim())).toBe(total);
    const detail = page.locator('.rk-detail').first();
    const text = await detail.innerText();
    expect(text).toMatch(/ICSMA-17-255-01/);
    expect(text).toMatch(/CVE-2017-9657/);
    expect(text).toMatch(/6\.5/); // CVSS
    expect(text).toMatch(/confidence \d+%/);
    expect(text).toMatch(/vendor alias 'Philips'→'Phillips'/);
    expect(text).toMatch(/version B\.05\.12 within/);
    expect(text).toMatch(/Recommended/);
    expect(text).toMatch(/shares 10\.3\.1\.0\/24 with/);
    // the scores are ordered
    const scores = await wl.locator('tr.rk-row .rk-score').allInnerTexts();
    const nums = scores.map(Number);
    expect([...nums].sort((a, b) => b - a)).toEqual(nums);
    await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(RESULTS, 'risk-worklist-expanded.png') });
    (globalThis as { uiTerms?: string[][] }).uiTerms = cells;
  });

  it('shows the mixed segment with a suggested grouping', async () => {
    await page.getByRole('tab', { name: /Segmentation/ }).click();
    const seg = page.getByRole('table', { name: 'Segments' });
    const mixed = seg.locator('tr[data-segment="10.3.1.0/24"]');
    await expect(mixed.getAttribute('class')).resolves.toContain('rk-mixed');
    await expect(mixed.innerText()).resolves.toMatch(/mixed/);
    await page.getByText(/Move the 2 medical devices on 10\.3\.1\.0\/24 to a medical-only segment/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'risk-segmentation.png'), fullPage: true });
  });

  it('exports the report to .xlsx with every term, the verdicts, and formula-like cells escaped', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .xlsx' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Wardwalk risk report \d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Worklist', 'Score terms', 'Matches', 'Summary', 'Locations', 'Segments']);
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name]!;
      for (const [k, c] of Object.entries(ws)) if (!k.startsWith('!')) expect((c as XLSX.CellObject).f, `${name}!${k}`).toBeUndefined();
    }
    const worklist = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Worklist']!);
    const evil = worklist.find((r) => String(r['Device']).includes('HYPERLINK'))!;
    expect(evil['Device']).toBe(`'${EVIL_TAG} · GE Healthcare CARESCAPE Telemetry Server`);
    expect(evil['Department']).toBe("'+Emergency");
    // the UI's terms for ICU-0001 are exactly the export's
    const mx = worklist.find((r) => String(r['Device']).startsWith('ICU-0001'))!;
    const terms = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Score terms']!).filter((r) => r['Rank'] === mx['Rank']);
    const ui = (globalThis as { uiTerms?: string[][] }).uiTerms!;
    expect(terms.map((t) => [t['Term'], t['Value'], t['Explanation']])).toEqual(ui.map((c) => [c[0], Number(c[1]!.replace('−', '-').replace('+', '')), c[2]]));
    expect(Math.round(terms.reduce((a, t) => a + Number(t['Value']), 0) * 10) / 10).toBe(mx['Score']);
    const matches = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Matches']!);
    const verdict = (tag: string) => matches.find((m) => String(m['Device']).startsWith(tag) && m['Advisory'] === 'ICSMA-17-255-01')?.['Verdict'];
    expect([verdict('ICU-0001'), verdict('ICU-0002'), verdict('CAR-0003')]).toEqual(['affected', 'not affected', 'unknown — possible']);
    const summary = XLSX.utils.sheet_to_json<Record<string, string | number>>(wb.Sheets['Summary']!);
    expect(summary.find((r) => r['Department'] === 'ICU')).toMatchObject({ Devices: 2, 'Vulnerable (confirmed)': 1 });
  });

  it('prints the worklist and the per-department summary on their own', async () => {
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.rk-print').isVisible()).resolves.toBe(true);
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('.rk-screen').isVisible()).resolves.toBe(false);
    const pdf = join(RESULTS, 'risk-report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toMatch(/Risk worklist/);
    expect(text).toMatch(/Summary by department/);
    expect(text).toMatch(/ICU/);
    expect(text).toMatch(/clinical criticality/);
    expect(text).not.toMatch(/Import advisories/);
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts/); // A4 landscape
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(RESULTS, 'risk-report')]);
  });

  it('a newer revision replaces the older one (and drag and drop works)', async () => {
    // the older revision arrives by drag and drop
    const b64 = readFileSync(join(OLD, 'icsma-22-244-01-rev1.json')).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const t = new DataTransfer();
      t.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'icsma-22-244-01-rev1.json', { type: 'application/json' }));
      return t;
    }, b64);
    await page.locator('section.view-risk').dispatchEvent('drop', { dataTransfer: dt });
    await page.getByRole('status', { name: 'Last advisory import' }).getByText(/1 new/).waitFor({ timeout: 30_000 });
    expect((await storedAdvisories(page)).find((a) => a.trackingId === 'ICSMA-22-244-01')?.version).toBe('1');
    await advisoryInput().setInputFiles([join(ADV, 'icsma-22-244-01.json')]);
    await page.getByText('ICSMA-22-244-01: revision 1 replaced by 2').waitFor({ timeout: 30_000 });
    const stored = await storedAdvisories(page);
    expect(stored.find((a) => a.trackingId === 'ICSMA-22-244-01')?.version).toBe('2');
    expect(stored.length).toBe(4);
    // the older one again: not newer, nothing changes
    await advisoryInput().setInputFiles([join(OLD, 'icsma-22-244-01-rev1.json')]);
    await page.getByRole('status', { name: 'Last advisory import' }).getByText(/1 already up to date/).waitFor({ timeout: 30_000 });
    expect((await storedAdvisories(page)).find((a) => a.trackingId === 'ICSMA-22-244-01')?.version).toBe('2');
  });

  it('a damaged advisory file gives a clear message and loses nothing', async () => {
    const before = await storedAdvisories(page);
    const matchesTab = page.getByRole('tab', { name: /Advisory matches/ });
    const matchesBefore = await matchesTab.innerText();
    const damaged = readFileSync(FILES[0]!).subarray(0, 2500);
    await advisoryInput().setInputFiles({ name: 'icsma-damaged.json', mimeType: 'application/json', buffer: damaged });
    const alert = page.getByRole('alert', { name: 'Last advisory import' });
    await alert.waitFor({ timeout: 30_000 });
    const msg = await alert.innerText();
    expect(msg).toMatch(/icsma-damaged\.json/);
    expect(msg).toMatch(/could not be read/);
    expect(msg).toMatch(/Nothing already stored was changed/);
    await page.getByRole('alert').filter({ hasText: /could not be read/ }).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'risk-damaged-import.png'), fullPage: true });
    expect(await storedAdvisories(page)).toEqual(before);
    await expect(matchesTab.innerText()).resolves.toBe(matchesBefore);
    await page.getByRole('tab', { name: /Advisories & MDS2/ }).click();
    await page.getByRole('table', { name: 'Stored advisories' }).locator('tr[data-advisory="ICSMA-17-255-01"]').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('an MDS2 workbook sets patient-data, remote-service and patchability facts for every unit of its model', async () => {
    // laid out like the ANSI/NEMA HN 1-2019 form; the answers are invented for the test
    const form = [
      ['Manufacturer Disclosure Statement for Medical Device Security -- MDS2'],
      ['Question ID', 'Question', 'Answer', 'See note'],
      ['DOC-1', 'Manufacturer Name', 'Philips', ''],
      ['DOC-3', 'Device Model', 'IntelliVue MX40', ''],
      ['DOC-4', 'Document ID', 'MDS2-TEST-1', ''],
      ['MPII-2.2', 'Does the device store personally identifiable information persistently on internal media?', 'Yes', ''],
      ['RMOT-1', 'Does the device permit remote service connections for device analysis or repair?', 'Yes', ''],
      ['CSUP-2.1', 'Does the device documentation provide instructions for owner/operator installation of patches or software updates?', 'No', ''],
      ['CSUP-2.2', 'Does the device require vendor or vendor-authorized service to install patches or software updates?', 'Yes', ''],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(form), 'MDS2');
    const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    await page.getByRole('tab', { name: /Advisories & MDS2/ }).click();
    await page.locator('input[type=file][aria-label="MDS2 workbook"]').setInputFiles({ name: 'mx40-mds2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const forms = page.getByRole('table', { name: 'MDS2 forms' });
    await forms.getByText('IntelliVue MX40').waitFor({ timeout: 30_000 });
    await expect(forms.locator('tbody tr').first().innerText()).resolves.toMatch(/Philips\s+IntelliVue MX40\s+yes\s+yes\s+no/);
    await page.screenshot({ path: join(RESULTS, 'risk-library.png'), fullPage: true });
    // every MX40 picks the facts up: ICU-0001's score gains the MDS2 terms
    await page.getByRole('tab', { name: /Worklist/ }).click();
    const row = page.getByRole('table', { name: 'Risk worklist' }).locator('tr[data-subject="asset_mx_in"]');
    if ((await row.getByRole('button', { name: /Show details for/ }).count()) > 0) await row.getByRole('button', { name: /Show details for/ }).click();
    const terms = page.getByRole('table', { name: /^Score terms for ICU-0001/ });
    await terms.getByText('stores PHI (MDS2)').waitFor({ timeout: 30_000 });
    await terms.getByText('remote service (MDS2)').waitFor();
    await terms.getByText('not patchable (MDS2)').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
