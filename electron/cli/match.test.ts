import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { assetFromJson, run } from './match';

const ADV = join(__dirname, '../../test/fixtures/advisories');
const tmp = mkdtempSync(join(tmpdir(), 'wardwalk-match-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io(): CliIo & { out: string; err: string } {
  const o: CliIo & { out: string; err: string } = {
    out: '',
    err: '',
    stderrIsTty: false,
    stdout: (s: string) => {
      o.out += s;
    },
    stderr: (s: string) => {
      o.err += s;
    },
    writeFile: async () => {},
  };
  return o;
}

const INVENTORY = [
  { assetTag: 'BME-001', maker: 'BD', model: 'Alaris 8015 PC Unit', softwareVersion: '9.19' },
  { assetTag: 'BME-002', maker: 'Phillips', model: 'IntelliVue MX40', softwareVersion: 'B.06.18' },
  { assetTag: 'BME-003', maker: 'GE', model: 'B650' },
  { assetTag: 'IT-004', maker: 'HP', model: 'LaserJet M404' },
];

describe('wardwalk match', () => {
  it('prints each matched asset with advisory, CVEs, CVSS, confidence, reasons and the version verdict', async () => {
    const inv = join(tmp, 'inv.json');
    writeFileSync(inv, JSON.stringify(INVENTORY));
    const o = io();
    const code = await run(['--advisories', join(ADV, 'csaf-icsma'), '--advisories', join(ADV, 'csaf-icsma-older-revisions'), '--inventory', inv], o);
    expect(code).toBe(0);
    expect(o.err).toBe('');
    expect(o.out).toMatch(/^BME-001 {2}BD · Alaris 8015 PC Unit · 9\.19$/m);
    expect(o.out).toMatch(/ICSMA-17-017-02 \(rev 4\) {2}AFFECTED {2}match {2}confidence 0\.95 {2}CVSS 6\.8 CVSS:3\.0\//);
    expect(o.out).toMatch(/CVE-2016-8375, CVE-2016-9355/);
    expect(o.out).toMatch(/version: version 9\.19 within <=9\.33/);
    expect(o.out).toMatch(/ICSMA-17-255-01 \(rev 1\) {2}not affected {2}match/);
    expect(o.out).toMatch(/ICSMA-20-023-01 \(rev 1\) {2}UNKNOWN {2}possible/);
    expect(o.out).not.toMatch(/IT-004/);
    expect(o.out).toMatch(/note: ICSMA-22-244-01 revision 2 replaces revision 1/);
    expect(o.out).toMatch(/4 assets, 135 advisories: 3 assets matched/);
  });

  it('--json gives the same matches as data; --affected-only drops the ones outside the range', async () => {
    const inv = join(tmp, 'inv2.json');
    writeFileSync(inv, JSON.stringify({ assets: INVENTORY }));
    const o = io();
    expect(await run(['--advisories', join(ADV, 'csaf-icsma'), '--inventory', inv, '--json', '--affected-only'], o)).toBe(0);
    const j = JSON.parse(o.out) as { summary: { notAffected: number; assets: number }; matches: { assetId: string; advisoryId: string; verdict: string; reasons: string[]; cves: string[] }[] };
    expect(j.summary.assets).toBe(4);
    expect(j.summary.notAffected).toBe(0);
    expect(j.matches.some((m) => m.assetId === 'BME-002')).toBe(false);
    const alaris = j.matches.find((m) => m.assetId === 'BME-001' && m.advisoryId === 'ICSMA-17-017-02')!;
    expect(alaris.verdict).toBe('affected');
    expect(alaris.reasons.length).toBeGreaterThan(3);
  });

  it('reads a workbook inventory through the spreadsheet importer', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Biomedical equipment — ICU'],
        [],
        ['Asset Tag', 'Manufacturer', 'Model', 'Software Version', 'Room'],
        ['BME-001', 'CareFusion', 'Alaris PC Unit Model 8015', '9.35', 'ICU-301'],
        ['BME-002', 'GE Healthcare', 'CARESCAPE Telemetry Server', '4.3', 'ICU-NS'],
      ]),
      'Inventory',
    );
    const file = join(tmp, 'inv.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const o = io();
    expect(await run(['--advisories', join(ADV, 'csaf-icsma'), '--inventory', file, '--json'], o)).toBe(0);
    const j = JSON.parse(o.out) as { matches: { assetId: string; advisoryId: string; verdict: string }[] };
    expect(j.matches.find((m) => m.assetId === 'BME-001' && m.advisoryId === 'ICSMA-17-017-02')?.verdict).toBe('not-affected');
    expect(j.matches.find((m) => m.assetId === 'BME-002' && m.advisoryId === 'ICSMA-20-023-01')?.verdict).toBe('affected');
  });

  it('--worklist writes the risk worklist, term by term, to .xlsx', async () => {
    const inv = join(tmp, 'inv3.json');
    writeFileSync(
      inv,
      JSON.stringify([
        { ...INVENTORY[0], type: 'infusion-pump', category: 'medical', department: 'ICU', ips: ['10.1.2.10'] },
        { assetTag: 'WS-9', maker: 'Dell', model: 'OptiPlex 7010', os: 'Windows 7 Professional', category: 'it', department: '=HYPERLINK("x")', ips: ['10.1.2.11'] },
        INVENTORY[3],
      ]),
    );
    const out = join(tmp, 'worklist.xlsx');
    const o = io();
    expect(await run(['--advisories', join(ADV, 'csaf-icsma'), '--inventory', inv, '--worklist', out, '--today', '2026-11-29', '--json'], o)).toBe(0);
    expect(o.err).toMatch(/worklist: 2 assets at risk/);
    const wb = XLSX.read(readFileSync(out));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false });
    expect(rows[0]).toEqual(['Rank', 'Score', 'Band', 'Device', 'Site', 'Floor', 'Department', 'Action', 'Mitigation', 'Advisory', 'Score terms', 'Signals']);
    expect(rows[1]![3]).toBe('BME-001 · BD · Alaris 8015 PC Unit');
    expect(rows[1]![10]).toMatch(/^vulnerability \+\d+(\.\d)? \(ICSMA-/);
    expect(rows[1]![10]).toMatch(/flat network/);
    expect(rows[2]![7]).toBe('upgrade-os');
    expect(rows[2]![6]).toBe(`'=HYPERLINK("x")`); // escaped, never a formula
  });

  it('usage errors exit 2 and say what is missing', async () => {
    const o = io();
    expect(await run(['--inventory', 'x.json'], o)).toBe(2);
    expect(o.err).toMatch(/missing --advisories/);
    const p = io();
    expect(await run(['--advisories'], p)).toBe(2);
    expect(p.err).toMatch(/--advisories needs a value/);
    const h = io();
    expect(await run(['--help'], h)).toBe(0);
    expect(h.out).toMatch(/^usage: wardwalk match/);
  });

  it('copies only known fields from untrusted JSON', () => {
    const a = assetFromJson(JSON.parse('{"__proto__": {"x": 1}, "maker": "BD", "model": 8015, "constructor": "y", "version": "9.1"}'), 0)!;
    expect(a).toEqual({ id: 'row-1', maker: 'BD', model: '8015', softwareVersion: '9.1' });
    expect(assetFromJson('nope', 1)).toBeUndefined();
  });
});
