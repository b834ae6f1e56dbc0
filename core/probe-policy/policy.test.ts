import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/asset';
import type { Device } from '../model/device';
import type { AssetId, DeviceId, Mac } from '../model/ids';
import { AuditLog, auditToCsv, auditToJson, csvCell, recordApproval } from './audit';
import { DENIED_PORTS, KIND_SPECS, MAX_RATE_PPS, QUERY_KINDS, deniedPort } from './kinds';
import type { PlanEntry, ProbeCandidate, ProbePlan } from './policy';
import {
  ApprovalError,
  ProbeApproval,
  approvePlan,
  assertApproval,
  buildPlan,
  candidatesFrom,
  isIssuedApproval,
  redactPlan,
  riskReasons,
  validateEntry,
} from './policy';

const did = (s: string) => s as DeviceId;
const NOW = 1_700_000_000_000;

const candidates: ProbeCandidate[] = [
  { deviceId: did('d-pacs'), ip: '10.9.0.2', mac: '02:00:00:00:00:02' as Mac, type: 'pacs-server', services: ['tcp/11112', 'udp/161'] },
  { deviceId: did('d-pump'), ip: '10.9.0.3', mac: '02:00:00:00:00:03' as Mac, type: 'infusion-pump' },
  { deviceId: did('d-vent'), ip: '10.9.0.4', type: 'workstation', lifeSupport: true },
  { deviceId: did('d-printer'), ip: '10.9.0.5', mac: '02:00:00:00:00:05' as Mac, type: 'printer', services: ['tcp/9100', 'tcp/80'] },
];

const settings = { kinds: [...QUERY_KINDS], snmpCommunity: 'wardwalk-ro', aeTitle: 'WARDWALK', localSubnets: ['10.9.0.0/24'] };

function plan(extra: Partial<Parameters<typeof buildPlan>[0]> = {}) {
  return buildPlan({ candidates, deviceIds: ['d-pacs', 'd-pump', 'd-vent', 'd-printer'], settings, now: NOW, planId: 'p1', ...extra });
}

describe('buildPlan', () => {
  it('plans standard queries for ordinary devices and shows why and how fast', () => {
    const { plan: p, problems } = plan();
    expect(problems).toEqual([]);
    const pacs = p.entries.filter((e) => e.target.ip === '10.9.0.2');
    expect(pacs.map((e) => `${e.kind}:${e.port}`)).toEqual([
      'arp:0', 'mdns:5353', 'ssdp:1900', 'nbns-status:137', 'snmp-get-system:161', 'http-get-root:80', 'http-get-root:443', 'dicom-echo:11112',
    ]);
    for (const e of p.entries) {
      expect(e.why.length).toBeGreaterThan(10);
      expect(e.rate).toMatch(/≥ 1 s apart; ≤ 50 packets\/s overall/);
    }
    expect(p.entries.find((e) => e.port === 443)!.tls).toBe(true);
    expect(p.estimate.packets).toBe(p.entries.reduce((s, e) => s + e.packets, 0));
  });

  it('leaves out life-support and risky types unless a person overrides per device with a reason', () => {
    const { plan: p } = plan();
    expect(p.entries.some((e) => e.target.ip === '10.9.0.3' || e.target.ip === '10.9.0.4')).toBe(false);
    expect(p.excluded.map((x) => [x.target.ip, x.overridable, x.reasons[0]])).toEqual([
      ['10.9.0.3', true, 'type: Infusion pump (life-support)'],
      ['10.9.0.4', true, 'inventory: life-support'],
    ]);
    const weak = plan({ overrides: [{ device: 'd-vent', reason: 'ok', by: 'A. Nurse' }] });
    expect(weak.plan.entries.some((e) => e.target.ip === '10.9.0.4')).toBe(false);
    expect(weak.problems[0]).toMatch(/reason of at least 5/);
    const o = plan({ overrides: [{ device: 'd-vent', reason: 'out of service, on the bench in biomed', by: 'J. Biomed' }] });
    expect(o.plan.entries.some((e) => e.target.ip === '10.9.0.4')).toBe(true);
    expect(o.plan.overrides).toEqual([
      { device: 'd-vent', reason: 'out of service, on the bench in biomed', by: 'J. Biomed', at: NOW, risks: ['inventory: life-support'] },
    ]);
    // the pump was not overridden: still excluded
    expect(o.plan.entries.some((e) => e.target.ip === '10.9.0.3')).toBe(false);
  });

  it('recognises risky device types written in many ways', () => {
    for (const t of ['Infusion Pump', 'syringe driver', 'Ventilator', 'Anaesthesia workstation', 'anesthesia machine', 'Patient Monitor', 'central station', 'Haemodialysis unit', 'LINAC', 'pacemaker programmer'])
      expect(riskReasons({ ip: '10.0.0.1', type: t }), t).not.toEqual([]);
    for (const t of ['printer', 'PACS server', 'workstation']) expect(riskReasons({ ip: '10.0.0.1', type: t }), t).toEqual([]);
  });

  it('applies exclusions by IP, range, MAC and type, which no override lifts', () => {
    const over = [{ device: 'd-pump', reason: 'bench test, not in use', by: 'J. Biomed' }];
    const byIp = plan({ exclusions: { ips: ['10.9.0.2'] }, overrides: over }).plan;
    expect(byIp.entries.some((e) => e.target.ip === '10.9.0.2')).toBe(false);
    const byCidr = plan({ exclusions: { cidrs: ['10.9.0.0/30'] }, overrides: over }).plan;
    expect(byCidr.entries.map((e) => e.target.ip).filter((ip) => ip < '10.9.0.4')).toEqual([]);
    expect(byCidr.excluded.find((x) => x.target.ip === '10.9.0.3')).toMatchObject({ overridable: false, reasons: ['excluded range 10.9.0.0/30'] });
    const byMac = plan({ exclusions: { macs: ['02-00-00-00-00-05'] } }).plan;
    expect(byMac.entries.some((e) => e.target.ip === '10.9.0.5')).toBe(false);
    const byType = plan({ exclusions: { types: ['PACS'] } }).plan;
    expect(byType.entries.some((e) => e.target.ip === '10.9.0.2')).toBe(false);
    const bad = plan({ exclusions: { cidrs: ['10.9.0.0/33'] } });
    expect(bad.plan.entries).toEqual([]);
    expect(bad.problems).toContain('not a CIDR range: "10.9.0.0/33"');
  });

  it('never plans anything to printer, HL7 or serial-over-IP ports, whatever the device advertises', () => {
    const { plan: p } = plan();
    for (const e of p.entries) expect(deniedPort(e.port)).toBeUndefined();
    expect(p.entries.some((e) => e.target.ip === '10.9.0.5' && e.port === 9100)).toBe(false);
    for (const port of [9100, 9101, 2575, 515, 631, 2217, 4001, 4016, 10001]) expect(deniedPort(port), String(port)).toBeDefined();
    // every allowed port of every kind is clear of the deny list (the two lists never overlap)
    for (const k of QUERY_KINDS) for (const port of KIND_SPECS[k].ports) expect(deniedPort(port)).toBeUndefined();
    expect(DENIED_PORTS.length).toBeGreaterThan(5);
  });

  it('refuses entries that break the rules at validation and at approval', () => {
    const { plan: p } = plan();
    const e = p.entries.find((x) => x.kind === 'http-get-root')!;
    const tampered: PlanEntry[] = [
      { ...e, port: 9100 },
      { ...e, kind: 'dicom-echo', port: 2575 },
      { ...e, kind: 'snmp-get-system', port: 162 },
      { ...e, target: { ip: '224.0.0.251' } },
      { ...e, target: { ip: '10.9.0.255/24' } },
      { ...e, packets: 1 },
      { ...e, kind: 'port-scan' as never },
    ];
    for (const t of tampered) {
      expect(validateEntry(t), JSON.stringify(t)).toBeDefined();
      expect(() => approvePlan({ ...p, entries: [t] }, 'J. Biomed')).toThrow(ApprovalError);
    }
  });

  it('plans ARP for every host of a local subnet, and nothing else for unknown addresses', () => {
    const { plan: p } = buildPlan({ candidates, subnet: '10.9.0.0/29', settings, now: NOW, planId: 'p2' });
    const arp = p.entries.filter((e) => e.kind === 'arp').map((e) => e.target.ip);
    expect(arp).toEqual(['10.9.0.2', '10.9.0.5', '10.9.0.1', '10.9.0.6']);
    expect(p.entries.filter((e) => e.target.ip === '10.9.0.1').map((e) => e.kind)).toEqual(['arp']);
    const far = buildPlan({ candidates, subnet: '10.8.0.0/16', settings: { kinds: ['arp'], localSubnets: ['10.8.0.0/16'] }, now: NOW, planId: 'p3' });
    expect(far.plan.entries).toEqual([]);
    expect(far.problems[0]).toMatch(/larger than a \/22/);
  });

  it('clamps rates to the ceiling and leaves out SNMP/DICOM without credentials', () => {
    const { plan: p, problems } = plan({ settings: { kinds: ['snmp-get-system', 'dicom-echo', 'ssdp'], ratePps: 5000 } });
    expect(p.settings.ratePps).toBe(MAX_RATE_PPS);
    expect(problems[0]).toMatch(/outside/);
    expect(p.entries.every((e) => e.kind === 'ssdp')).toBe(true);
    expect(p.notes).toEqual(['SNMP left out: no community given', 'DICOM C-ECHO left out: no AE title given']);
    // a cap lower than one query's packets is raised to that query's charge, never to more
    expect(plan({ settings: { kinds: ['ssdp'], ratePps: 0.5 } }).plan.settings.ratePps).toBe(2);
  });

  it('redacts the community in views', () => {
    expect(redactPlan(plan().plan).settings.snmpCommunity).toBe('•••');
  });

  it('builds candidates from devices joined with inventory flags', () => {
    const dev: Device = {
      id: did('dev1'), mac: '02:00:00:00:00:09' as Mac, ips: ['10.9.0.9', 'fe80::1'], hostnames: ['vent-7'], firstSeen: 0, lastSeen: 0, packets: 1,
      evidence: [
        { kind: 'service', value: 'tcp/104', proto: 'tcp', source: 'pcap', count: 1, firstSeen: 0, lastSeen: 0 },
        { kind: 'dicom-called-ae', value: 'CT_SCAN', proto: 'dicom', source: 'pcap', count: 1, firstSeen: 0, lastSeen: 0 },
      ],
    };
    const asset: Asset = { id: 'a1' as AssetId, macs: ['02:00:00:00:00:09' as Mac], ips: [], extra: {}, original: {}, version: 1, updatedAt: 0, lifeSupport: true, type: 'ventilator', assetTag: 'BM-1' };
    expect(candidatesFrom([dev], [asset])).toEqual([
      { deviceId: 'dev1', ip: '10.9.0.9', mac: '02:00:00:00:00:09', type: 'ventilator', label: 'BM-1', lifeSupport: true, services: ['tcp/104'], dicomCalledAe: 'CT_SCAN' },
    ]);
  });
});

describe('approval', () => {
  it('is issued only by approvePlan, frozen, and checked at run time', () => {
    const { plan: p } = plan();
    const a = approvePlan(p, 'J. Biomed', 'annual survey, ward 3B', { now: NOW });
    expect(isIssuedApproval(a)).toBe(true);
    expect(a.approver).toBe('J. Biomed');
    expect(Object.isFrozen(a.plan.entries[0])).toBe(true);
    expect(() => ((a.plan.entries as PlanEntry[])[0]!.port = 9100)).toThrow();
    // changing the plan after approval does not change what was approved
    p.entries[0]!.port = 9100;
    expect(a.plan.entries[0]!.port).not.toBe(9100);
    expect(() => assertApproval(a, NOW + 1000)).not.toThrow();
    expect(() => assertApproval(a, NOW + 9 * 3600 * 1000)).toThrow(/expired/);
    const forged = Object.create(ProbeApproval.prototype) as ProbeApproval;
    expect(isIssuedApproval(forged)).toBe(false);
    expect(() => assertApproval(forged, NOW)).toThrow(/not an approval/);
    expect(() => assertApproval({ ...a } as unknown as ProbeApproval, NOW)).toThrow(/not an approval/);
  });

  it('needs a person and a non-empty plan', () => {
    expect(() => approvePlan(plan().plan, '  ')).toThrow(/name of the person/);
    expect(() => approvePlan(plan({ deviceIds: ['d-pump'] }).plan, 'J. Biomed')).toThrow(/sends nothing/);
  });

  it('refuses a risky target whose override was removed after planning', () => {
    const { plan: p } = plan({ overrides: [{ device: 'd-vent', reason: 'bench test, not in use', by: 'J. Biomed' }] });
    const stripped: ProbePlan = { ...p, overrides: [] };
    expect(() => approvePlan(stripped, 'J. Biomed')).toThrow(/risky and has no override/);
  });

  it('does not compile with a hand-built approval (type-level test)', () => {
    const { plan: p } = plan();
    const takesApproval = (a: ProbeApproval) => a.plan.entries.length;
    const fake = { id: 'x', approver: 'me', reason: undefined, approvedAt: 0, expiresAt: Infinity, plan: p, entry: () => undefined };
    // @ts-expect-error — an object literal is not a ProbeApproval (ES private field: nominal type)
    expect(() => takesApproval(fake)).not.toThrow();
    // @ts-expect-error — the constructor is private
    expect(() => new ProbeApproval(p, 'me', undefined, 0, 1)).not.toThrow();
    expect(takesApproval(approvePlan(p, 'J. Biomed'))).toBeGreaterThan(0);
  });
});

describe('audit log', () => {
  it('records the approval, overrides and queries and exports CSV/JSON evidence', () => {
    const { plan: p } = plan({ overrides: [{ device: 'd-vent', reason: 'bench test, not in use', by: 'J. Biomed' }] });
    const a = approvePlan(p, 'J. Biomed', 'survey', { now: NOW });
    const log = new AuditLog(a);
    recordApproval(log, a);
    const e = a.plan.entries.find((x) => x.kind === 'snmp-get-system')!;
    log.append({ ts: NOW + 5, event: 'query', runId: 'r1', kind: e.kind, targetIp: e.target.ip, port: e.port, query: e.sends, packets: 1, attempt: 0, result: 'answered', detail: '=HYPERLINK("http://x")' });
    const recs = log.records();
    expect(recs.map((r) => r.event)).toEqual(['plan-approved', 'risk-override', 'query']);
    expect(recs[1]).toMatchObject({ targetIp: '10.9.0.4', deviceId: 'd-vent' });
    expect(recs.every((r) => r.approver === 'J. Biomed')).toBe(true);
    const csv = auditToCsv(recs);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain('wardwalk-ro'); // the community never appears
    const json = JSON.parse(auditToJson(recs, NOW)) as { records: Array<{ time: string }> };
    expect(json.records[2]!.time).toBe(new Date(NOW + 5).toISOString());
  });

  it('escapes every formula-leading character', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x']) expect(csvCell(s).replace(/^"/, '').startsWith("'"), JSON.stringify(s)).toBe(true);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('policy properties (fast-check, fixed seed)', () => {
  const typeArb = fc.constantFrom(undefined, 'printer', 'pacs-server', 'Infusion pump', 'ventilator', 'patient monitor', 'workstation', 'dialysis machine');
  const candArb = fc.record({
    host: fc.integer({ min: 1, max: 30 }),
    type: typeArb,
    lifeSupport: fc.boolean(),
    highRisk: fc.boolean(),
    services: fc.array(fc.constantFrom('tcp/9100', 'tcp/2575', 'tcp/515', 'tcp/631', 'tcp/104', 'tcp/11112', 'tcp/4242', 'tcp/8443', 'udp/161', 'tcp/23', 'tcp/4001'), { maxLength: 5 }),
    overridden: fc.boolean(),
  });
  it('never plans to an excluded, un-overridden risky or denied target, and every entry validates', () => {
    fc.assert(
      fc.property(
        fc.array(candArb, { maxLength: 20 }),
        fc.subarray([...QUERY_KINDS], { minLength: 1 }),
        fc.record({ ips: fc.array(fc.integer({ min: 1, max: 30 }).map((h) => `10.7.0.${h}`), { maxLength: 3 }), types: fc.subarray(['printer', 'pacs']) }),
        fc.option(fc.constantFrom('10.7.0.0/27', '10.7.0.0/28'), { nil: undefined }),
        (raw, kinds, exclusions, subnet) => {
          const cs: ProbeCandidate[] = raw.map((r, i) => {
            const c: ProbeCandidate = { deviceId: did(`d${i}`), ip: `10.7.0.${r.host}`, services: r.services, lifeSupport: r.lifeSupport, highRisk: r.highRisk };
            if (r.type) c.type = r.type;
            return c;
          });
          const overrides = raw.flatMap((r, i) => (r.overridden ? [{ device: `d${i}`, reason: 'bench, not in clinical use', by: 'J. Biomed' }] : []));
          const req: Parameters<typeof buildPlan>[0] = {
            candidates: cs,
            deviceIds: cs.map((c) => c.deviceId!),
            settings: { kinds, snmpCommunity: 'x', aeTitle: 'WW', dicomPorts: [104], localSubnets: ['10.7.0.0/24'] },
            exclusions,
            overrides,
            now: NOW,
            planId: 'p',
          };
          if (subnet) req.subnet = subnet;
          const { plan: p } = buildPlan(req);
          for (const e of p.entries) {
            expect(validateEntry(e)).toBeUndefined();
            expect(deniedPort(e.port)).toBeUndefined();
            expect(kinds).toContain(e.kind);
            expect(exclusions.ips).not.toContain(e.target.ip);
            // the first candidate holding this IP decides (one candidate per IP)
            const c = cs.find((x) => x.ip === e.target.ip);
            if (c) {
              if (c.type) for (const t of exclusions.types) expect(c.type.toLowerCase().includes(t)).toBe(false);
              if (riskReasons(c).length) expect(overrides.some((o) => o.device === c.deviceId)).toBe(true);
            } else {
              expect(e.kind).toBe('arp'); // addresses nobody has seen get ARP only
            }
          }
          if (p.entries.length) expect(() => approvePlan(p, 'J. Biomed')).not.toThrow();
        },
      ),
      { seed: 0x5eed, numRuns: 300 },
    );
  });
});

describe('SNMPv3 settings', () => {
  it('plans v3 queries with the discovery datagram charged, and redacts the passwords', () => {
    const v3 = { user: 'biomed', authProtocol: 'sha256' as const, authPassword: 'correct-horse', privProtocol: 'aes128' as const, privPassword: 'battery-staple' };
    const { plan: p, problems } = plan({ settings: { kinds: ['snmp-get-system'], snmpV3: v3 } });
    expect(problems).toEqual([]);
    expect(p.entries.map((e) => [e.snmpVersion, e.packets])).toEqual([['v3', 3], ['v3', 3]]);
    const shown = JSON.stringify(redactPlan(p));
    expect(shown).not.toContain('correct-horse');
    expect(shown).not.toContain('battery-staple');
    expect(validateEntry({ ...p.entries[0]!, packets: 2 })).toMatch(/packet charge/);
    expect(validateEntry({ ...p.entries[0]!, snmpVersion: undefined })).toMatch(/SNMP version/);
    expect(plan({ settings: { kinds: ['snmp-get-system'], snmpV3: v3, ratePps: 1 } }).plan.settings.ratePps).toBe(3); // one whole v3 query fits
    const bad = plan({ settings: { kinds: ['snmp-get-system'], snmpV3: { ...v3, authPassword: 'short' } } });
    expect(bad.problems).toContain('SNMPv3 passwords must be 8..64 printable characters');
    expect(bad.plan.entries).toEqual([]);
  });
});
