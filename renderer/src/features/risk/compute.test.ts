// The risk computation the worker runs, on real CISA advisories: verdicts inside / outside / without
// a version, device-only subjects never claimed on weak identification, the score adds up term by
// term, the dashboard counts, and the workbook escapes formula-like cells.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import mx40Text from '../../../../test/fixtures/advisories/csaf-icsma/icsma-17-255-01.json?raw';
import carescapeText from '../../../../test/fixtures/advisories/csaf-icsma/icsma-20-023-01.json?raw';
import type { Advisory } from '../../../../core/advisories/csaf';
import { parseCsafText } from '../../../../core/advisories/csaf';
import type { Asset } from '../../../../core/model/asset';
import type { Device, Evidence } from '../../../../core/model/device';
import { computeRisk, dashboardRows, verdictLabel } from './compute';
import { riskWorkbook } from './xlsx-export';

const adv = (t: string): Advisory => {
  const r = parseCsafText(t);
  if (!r.ok) throw new Error(r.error);
  return r.advisory;
};
const advisories = [adv(mx40Text), adv(carescapeText)];

let n = 0;
function asset(p: Partial<Asset>): Asset {
  return { id: `a${++n}` as Asset['id'], macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 1, ...p };
}
const ev = (kind: Evidence['kind'], value: string): Evidence => ({ kind, value, proto: 'x', source: 'pcap' as Evidence['source'], count: 1, firstSeen: 1, lastSeen: 1 });
function device(id: string, p: Partial<Device>): Device {
  return { id: id as Device['id'], ips: [], hostnames: [], firstSeen: 1, lastSeen: 1, packets: 1, evidence: [], ...p };
}
const verdict = (value: string, confidence: number) => ({ value, confidence, reasons: ['test'], rules: [] });

const assets = [
  asset({ assetTag: 'MX-IN', maker: 'Phillips', model: 'IntelliVue MX40', softwareVersion: 'B.05.12', department: 'ICU', site: 'North', floor: '3', ips: ['10.3.1.10'], highRisk: true }),
  asset({ assetTag: 'MX-OUT', maker: 'Philips', model: 'IntelliVue MX40', softwareVersion: 'B.06.18', department: 'ICU', site: 'North', floor: '3', ips: ['10.3.1.11'] }),
  asset({ assetTag: 'MX-NOVER', maker: 'Philips', model: 'IntelliVue MX40', department: 'Cardiology', site: 'North', floor: '2' }),
  asset({ assetTag: '=HYPERLINK("http://evil")', maker: 'GE Healthcare', model: 'CARESCAPE Telemetry Server', softwareVersion: '4.3', department: '+ER', site: 'North', floor: '1', lifeSupport: true }),
  asset({ assetTag: 'OLD', maker: 'Philips', model: 'IntelliVue MX40', softwareVersion: 'B.05.12', status: 'retired' }),
];
const devices = [
  // an IoT TV on the ICU subnet speaking telnet and talking to the internet: mixed segment
  device('d-tv', { ips: ['10.3.1.50'], identity: { category: verdict('iot', 0.9), maker: verdict('Samsung', 0.9) }, evidence: [ev('protocol', 'telnet'), ev('peer-external', '203.0.113.7')] }),
  // a monitor known only from traffic, with a weakly identified model: never claimed
  device('d-mx', { ips: ['10.3.9.20'], identity: { category: verdict('medical', 0.8), maker: verdict('Philips', 0.7), model: verdict('IntelliVue MX40', 0.6) } }),
];

const result = computeRisk({ assets, devices, advisories, mds2: [], today: '2026-01-01' });
const byTag = (tag: string) => result.matches.filter((m) => m.assetTag === tag);

describe('computeRisk', () => {
  it('gives the right verdict inside, just outside, and without a version', () => {
    expect(byTag('MX-IN').map((m) => [m.advisoryId, m.verdict, m.certainty])).toEqual([['ICSMA-17-255-01', 'affected', 'match']]);
    expect(byTag('MX-OUT').map((m) => [m.advisoryId, m.verdict])).toEqual([['ICSMA-17-255-01', 'not-affected']]);
    const nover = byTag('MX-NOVER');
    expect(nover.map((m) => [m.verdict, m.certainty])).toEqual([['unknown', 'possible']]);
    expect(verdictLabel(nover[0]!)).toBe('unknown — possible');
    expect(byTag('OLD')).toEqual([]); // retired assets are not on the list
  });

  it('never claims a match on a device identified weakly from traffic', () => {
    const m = result.matches.filter((x) => x.assetId === 'd-mx');
    expect(m.length).toBe(1);
    expect(m[0]!.certainty).toBe('possible');
    expect(m[0]!.reasons.join(' ')).toMatch(/identified from network traffic/);
  });

  it('scores add up term by term, and the worklist is ordered by score', () => {
    const wl = result.report.worklist;
    expect(wl.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < wl.length; i++) expect(wl[i - 1]!.score).toBeGreaterThanOrEqual(wl[i]!.score);
    for (const w of wl) {
      const sum = Math.round(w.risk.terms.reduce((a, t) => a + t.value, 0) * 10) / 10;
      expect(sum).toBe(w.score);
      for (const t of w.risk.terms) expect(t.explanation.length).toBeGreaterThan(3);
    }
    const tv = wl.find((w) => w.subjectId === 'd-tv')!;
    expect(tv.risk.terms.map((t) => t.name)).toEqual(expect.arrayContaining(['internet exposure', 'cleartext protocols']));
    const mx = wl.find((w) => w.label.startsWith('MX-IN'))!;
    expect(mx.risk.terms.map((t) => t.name)).toEqual(expect.arrayContaining(['vulnerability', 'flat network', 'clinical criticality']));
    expect(wl.some((w) => w.label.startsWith('MX-OUT'))).toBe(true); // flat network, though not affected
    expect(wl.find((w) => w.label.startsWith('MX-OUT'))!.risk.terms.map((t) => t.name)).not.toContain('vulnerability');
  });

  it('finds the mixed segment and counts per department', () => {
    expect(result.report.segmentation.mixed).toEqual(['10.3.1.0/24']);
    const icu = dashboardRows(result, 'department').find((r) => r.key === 'ICU')!;
    expect(icu).toMatchObject({ devices: 2, vulnerable: 1, mixedSegment: 2 });
    const floors = dashboardRows(result, 'floor').map((r) => r.key);
    expect(floors).toEqual(expect.arrayContaining(['North / 3', 'North / 2', '(no site) / (no floor)']));
  });

  it('writes a workbook with every term and escaped formula-like cells', () => {
    const wb = XLSX.read(riskWorkbook(result, 'department'), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Worklist', 'Score terms', 'Matches', 'Summary', 'Locations', 'Segments']);
    const terms = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Score terms']!);
    expect(terms.length).toBe(result.report.worklist.reduce((a, w) => a + w.risk.terms.length, 0));
    const ws = wb.Sheets['Worklist']!;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.f)).toBe(false);
    const labels = XLSX.utils.sheet_to_json<Record<string, string>>(ws).map((r) => r['Device']);
    expect(labels).toContain(`'=HYPERLINK("http://evil") · GE Healthcare CARESCAPE Telemetry Server`);
    expect(XLSX.utils.sheet_to_json<Record<string, string>>(ws).map((r) => r['Department'])).toContain("'+ER");
  });
});
