import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsafText } from '../advisories/csaf';
import { buildAdvisoryIndex, matchAsset } from '../advisories/match';
import { END_OF_SUPPORT, findEndOfSupport } from './eos';
import { scoreRisk } from './score';
import { subnetOf, summarizeSegments } from './segmentation';
import type { RiskSubject } from './signals';
import { collectSignals } from './signals';
import { buildRiskReport } from './worklist';

const TODAY = '2026-11-29';
const FIX = join(__dirname, '../../test/fixtures/advisories/csaf-icsma');
const adv = (f: string) => {
  const r = parseCsafText(readFileSync(join(FIX, f), 'utf8'), f);
  if (!r.ok) throw new Error(r.error);
  return r.advisory;
};
const index = buildAdvisoryIndex(['icsma-17-017-02.json', 'icsma-20-023-01.json', 'icsma-17-255-01.json', 'icsma-20-170-06.json'].map(adv));

function subject(p: Partial<RiskSubject> & { id: string }): RiskSubject {
  return { label: p.id, ips: [], evidence: [], matches: [], ...p };
}

describe('end-of-support OS table', () => {
  it.each([
    ['Microsoft Windows XP Professional SP3', 'win-xp'],
    ['Windows XP Embedded', 'win-xp-embedded'],
    ['Windows Embedded Standard 7 SP1', 'win-embedded-7'],
    ['Windows Embedded Standard 2009', 'win-embedded-2009'],
    ['Windows 7 Professional 6.1.7601', 'win-7'],
    ['Windows Server 2008 R2 Standard', 'win-server-2008'],
    ['Windows Server 2012 R2', 'win-server-2012'],
    ['Windows 8.1 Pro', 'win-8.1'],
    ['Windows Vista Business', 'win-vista'],
    ['Windows 10 Enterprise 1809', 'win-10-1809'],
    ['Windows 10 Pro 22H2', 'win-10'],
    ['CentOS Linux release 7.9.2009', 'centos-7'],
    ['CentOS release 6.10', 'centos-6'],
    ['Linux 2.6.32-754.el6.x86_64', 'linux-2.6'],
    ['Linux version 4.14.98', 'linux-4.14'],
  ])('%s → %s', (os, id) => {
    const e = findEndOfSupport(os, TODAY);
    expect(e?.id).toBe(id);
    expect(e!.since <= TODAY).toBe(true);
    expect(e!.source).toMatch(/^https:\/\//);
  });
  it('leaves supported systems alone, by date', () => {
    expect(findEndOfSupport('Windows 10 Enterprise LTSC 2019', TODAY)).toBeUndefined();
    expect(findEndOfSupport('Windows 11 Pro', TODAY)).toBeUndefined();
    expect(findEndOfSupport('Linux 6.1.0-18-amd64', TODAY)).toBeUndefined();
    expect(findEndOfSupport('Windows 10 Pro 22H2', '2025-01-01')).toBeUndefined();
    expect(findEndOfSupport(undefined, TODAY)).toBeUndefined();
  });
  it('every entry has a source and an ISO date', () => {
    for (const e of END_OF_SUPPORT) {
      expect(e.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.source).toMatch(/^https:\/\//);
    }
  });
});

describe('signals', () => {
  it('reads cleartext protocols, default SNMP communities and internet peers from evidence', () => {
    const s = subject({
      id: 'd1',
      category: 'medical',
      evidence: [
        { kind: 'protocol', value: 'telnet' },
        { kind: 'protocol', value: 'ftp' },
        { kind: 'protocol', value: 'https' },
        { kind: 'snmp-community', value: 'public' },
        { kind: 'snmp-version', value: 'v2c' },
        { kind: 'peer-external', value: '203.0.113.9' },
      ],
    });
    const sig = collectSignals(s, { today: TODAY });
    expect(sig.map((x) => x.kind)).toEqual(['cleartext-protocol', 'cleartext-protocol', 'default-snmp-community', 'internet-peer']);
    expect(sig[2]!.title).toBe("SNMP v2c with default community 'public'");
    expect(sig[3]!.severity).toBe('high');
  });
  it('does not count a community that is not a default one', () => {
    const sig = collectSignals(subject({ id: 'd', evidence: [{ kind: 'snmp-community', value: 'w4rd-7x!' }] }), { today: TODAY });
    expect(sig).toEqual([]);
  });
});

describe('risk score', () => {
  const pump = matchAsset(index, { id: 'p', maker: 'BD', model: 'Alaris 8015 PC Unit', softwareVersion: '9.19' });
  const base = {
    ips: ['10.20.30.41'],
    os: 'Windows XP Embedded',
    evidence: [{ kind: 'protocol' as const, value: 'telnet' }],
    matches: pump,
  };
  it('is the exact sum of named terms, each explained', () => {
    const r = scoreRisk(subject({ id: 'pump', category: 'medical', type: 'infusion-pump', ...base }), { today: TODAY });
    const sum = Math.round(r.terms.reduce((a, t) => a + t.value, 0) * 10) / 10;
    expect(r.score).toBe(sum);
    expect(r.terms.map((t) => t.name)).toEqual(['vulnerability', 'more advisories', 'end-of-support OS', 'cleartext protocols', 'clinical criticality']);
    for (const t of r.terms) expect(t.explanation.length).toBeGreaterThan(5);
    // worst confirmed CVSS of the Alaris 8015 advisories × 3
    const worst = Math.max(...pump.filter((m) => m.certainty === 'match').map((m) => m.cvss!.score));
    expect(r.terms[0]!.value).toBeCloseTo(worst * 3, 5);
    expect(r.terms.at(-1)!.explanation).toMatch(/life-sustaining \/ therapy type 'infusion-pump': \+50%/);
  });
  it('orders by clinical criticality for the same technical facts', () => {
    const lifeSupport = scoreRisk(subject({ id: 'a', category: 'medical', lifeSupport: true, ...base }), { today: TODAY }).score;
    const highRisk = scoreRisk(subject({ id: 'b', category: 'medical', highRisk: true, ...base }), { today: TODAY }).score;
    const medical = scoreRisk(subject({ id: 'c', category: 'medical', ...base }), { today: TODAY }).score;
    const it = scoreRisk(subject({ id: 'd', category: 'it', ...base }), { today: TODAY }).score;
    expect(lifeSupport).toBeGreaterThan(highRisk);
    expect(highRisk).toBeGreaterThan(medical);
    expect(medical).toBeGreaterThan(it);
  });
  it('counts an uncertain match at half and a not-affected match not at all', () => {
    const unknown = matchAsset(index, { id: 'b', maker: 'GE', model: 'B650' });
    expect(unknown[0]!.certainty).toBe('possible');
    const r = scoreRisk(subject({ id: 'b', matches: unknown }), { today: TODAY });
    expect(r.terms[0]!.value).toBeCloseTo(unknown[0]!.cvss!.score * 3 * 0.5, 5);
    const outside = matchAsset(index, { id: 'c', maker: 'GE', model: 'CARESCAPE Telemetry Server', softwareVersion: '4.4' });
    expect(outside[0]!.verdict).toBe('not-affected');
    expect(scoreRisk(subject({ id: 'c', matches: outside }), { today: TODAY }).score).toBe(0);
  });
  it('compensating controls lower the score, never below 10% of it', () => {
    const plain = scoreRisk(subject({ id: 'x', category: 'medical', ...base }), { today: TODAY });
    const comp = scoreRisk(subject({ id: 'x', category: 'medical', ...base, compensating: [{ name: 'medical VLAN with ACL', reduction: 0.6 }, { name: 'no wireless', reduction: 0.6 }] }), { today: TODAY });
    expect(comp.score).toBeCloseTo(plain.score * 0.1, 0);
    expect(comp.terms.filter((t) => t.value < 0).map((t) => t.name)).toEqual(['compensating: medical VLAN with ACL', 'compensating: no wireless']);
    expect(comp.score).toBe(Math.round(comp.terms.reduce((a, t) => a + t.value, 0) * 10) / 10);
  });
});

describe('segmentation', () => {
  it('groups by VLAN when known, else /24, and highlights medical beside IT/IoT/guest', () => {
    const s = summarizeSegments([
      { id: 'pump1', category: 'medical', ips: ['10.1.2.10'] },
      { id: 'tv', category: 'iot', ips: ['10.1.2.77'] },
      { id: 'pc', category: 'it', ips: ['10.1.3.5'] },
      { id: 'mon', category: 'medical', ips: ['10.1.4.9'], vlan: '40' },
      { id: 'mon2', category: 'medical', ips: ['10.1.9.9'], vlan: '40' },
      { id: 'v6', category: 'it', ips: ['2001:db8:0:1::5', 'fe80::1'] },
    ]);
    expect(s.segments.map((g) => g.key)).toEqual(['10.1.2.0/24', '10.1.3.0/24', '2001:db8:0:1::/64', 'VLAN 40']);
    expect(s.mixed).toEqual(['10.1.2.0/24']);
    expect(s.segments[0]!.note).toBe('1 medical beside 1 iot');
    expect(s.suggestions.map((x) => `${x.category}→${x.to}`)).toEqual(['medical→a medical-only segment (VLAN with ACLs to the systems they need)', 'iot→an IoT segment']);
    expect(s.segments[3]!.note).toBe('only medical');
  });
  it('subnetOf', () => {
    expect(subnetOf('192.168.7.200')).toBe('192.168.7.0/24');
    expect(subnetOf('300.1.1.1')).toBeUndefined();
    expect(subnetOf('fe80::1')).toBeUndefined();
    expect(subnetOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});

describe('worklist', () => {
  it('orders by risk and recommends the advisory mitigation, else what the signals call for', () => {
    const pumpMatches = matchAsset(index, { id: 'p', maker: 'BD', model: 'Alaris 8015 PC Unit', softwareVersion: '9.19' });
    const report = buildRiskReport(
      [
        subject({ id: 'pump', label: 'Alaris 8015 #12', category: 'medical', type: 'infusion-pump', ips: ['10.1.2.10'], matches: pumpMatches, department: 'ICU' }),
        subject({ id: 'tv', label: 'Lobby TV', category: 'iot', ips: ['10.1.2.77'], evidence: [{ kind: 'protocol', value: 'telnet' }], department: 'ICU' }),
        subject({ id: 'ws', label: 'Nurse PC', category: 'it', ips: ['10.1.3.5'], os: 'Windows 7 Professional', department: 'Ward 3' }),
        subject({ id: 'ok', label: 'Printer', category: 'it', ips: ['10.1.3.6'], department: 'Ward 3' }),
      ],
      TODAY,
    );
    expect(report.worklist.map((w) => w.subjectId)).toEqual(['pump', 'ws', 'tv']);
    expect(report.worklist.map((w) => w.rank)).toEqual([1, 2, 3]);
    const [pump, ws, tv] = report.worklist;
    expect(pump!.advisoryId).toMatch(/^ICSMA-/);
    expect(pump!.risk.terms.map((t) => t.name)).toContain('flat network'); // beside the IoT TV in 10.1.2.0/24
    expect(tv!.action).toBe('disable-service');
    expect(tv!.mitigation).toMatch(/disable Telnet/);
    expect(ws!.action).toBe('upgrade-os');
    for (let i = 1; i < report.worklist.length; i++) expect(report.worklist[i - 1]!.score).toBeGreaterThanOrEqual(report.worklist[i]!.score);
    expect(report.segmentation.mixed).toEqual(['10.1.2.0/24']);
    expect(report.byDepartment.map((d) => [d.key, d.devices, d.atRisk])).toEqual([
      ['ICU', 2, 2],
      ['Ward 3', 2, 1],
    ]);
  });
});
