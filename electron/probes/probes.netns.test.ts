// Probes against real daemons in network namespaces made by this test, checked on the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceId, Mac } from '../../core/model/ids';
import type { AuditRecord } from '../../core/probe-policy/audit';
import { KIND_SPECS } from '../../core/probe-policy/kinds';
import type { QueryKind } from '../../core/probe-policy/kinds';
import { approvePlan, buildPlan } from '../../core/probe-policy/policy';
import type { OverrideRequest, ProbeCandidate, ProbePlan, ProbeSettings } from '../../core/probe-policy/policy';
import { startRun } from './runner';
import type { RunSummary } from './runner';
import { PACS_AE, SNMP_COMMUNITY, SSDP_SERVER, V3_USERS, labUnavailable, openLab } from './testing/netns-lab';
import type { Lab, LabDevice } from './testing/netns-lab';
import { maxInWindow } from './testing/pcap-lite';
import type { WirePacket } from './testing/pcap-lite';

const skip = labUnavailable();
if (skip) console.warn(`probe wire tests skipped: ${skip}`);

let lab: Lab;

function candidates(l: Lab): ProbeCandidate[] {
  return [
    { deviceId: 'dev-pacs' as DeviceId, ip: l.pacs.ip, mac: l.pacs.mac as Mac, type: 'pacs-gateway', label: 'PACS-GW', services: ['tcp/11112'] },
    { deviceId: 'dev-vent' as DeviceId, ip: l.vent.ip, mac: l.vent.mac as Mac, type: 'Ventilator', label: 'VENT-07', lifeSupport: true, services: ['tcp/11112'] },
  ];
}

function makePlan(l: Lab, kinds: QueryKind[], extra: { overrides?: OverrideRequest[]; settings?: Partial<ProbeSettings> } = {}): ProbePlan {
  const { plan, problems } = buildPlan({
    candidates: candidates(l),
    deviceIds: ['dev-pacs', 'dev-vent'],
    settings: {
      kinds,
      snmpCommunity: SNMP_COMMUNITY,
      aeTitle: 'WARDWALK',
      calledAeTitle: PACS_AE,
      localSubnets: [l.pacs.cidr, l.vent.cidr],
      ratePps: 20, // low on purpose: the cap must show on the wire
      timeoutMs: 2000,
      ...extra.settings,
    },
    overrides: extra.overrides ?? [],
    now: Date.now(),
    planId: `plan-${Math.random().toString(36).slice(2, 8)}`,
  });
  expect(problems).toEqual([]);
  return plan;
}

/** Packets we sent on a link (by our MAC). */
const ours = (pk: WirePacket[], dev: LabDevice) => pk.filter((p) => p.srcMac === dev.hostMac);

/** Query starts on the wire: TCP SYNs, UDP datagrams and ARP requests we sent. */
function queryStarts(pk: WirePacket[], dev: LabDevice) {
  return ours(pk, dev).filter((p) => (p.ip?.tcp && (p.ip.tcp.flags & 0x12) === 0x02) || p.ip?.udp || p.arp?.op === 1);
}

/** Every packet we sent must belong to a planned query (or be ARP bookkeeping for the planned host). */
function unplanned(pk: WirePacket[], dev: LabDevice, plan: ProbePlan): WirePacket[] {
  const tcpPorts = new Set(plan.entries.filter((e) => e.target.ip === dev.ip && KIND_SPECS[e.kind].transport === 'tcp').map((e) => e.port));
  const udpPorts = new Set(plan.entries.filter((e) => e.target.ip === dev.ip && KIND_SPECS[e.kind].transport === 'udp').map((e) => e.port));
  return ours(pk, dev).filter((p) => {
    if (p.arp) return !(p.arp.tpa === dev.ip && p.arp.spa === dev.hostIp); // requests to / replies for the planned host only
    if (!p.ip || p.ip.dst !== dev.ip) return true;
    if (p.ip.tcp) return !tcpPorts.has(p.ip.tcp.dport);
    if (p.ip.udp) return !udpPorts.has(p.ip.udp.dport);
    return true; // ICMP or anything else from us is not a planned query
  });
}

function run(plan: ProbePlan, approver = 'Lab Tester') {
  const approval = approvePlan(plan, approver, 'wire test');
  const r = startRun(approval, { runId: `run-${plan.id}` });
  return { approval, r };
}

const queries = (recs: readonly AuditRecord[]) => recs.filter((x) => x.event === 'query');

describe.skipIf(!!skip)('probes on the wire (network namespaces, real daemons)', () => {
  beforeAll(async () => {
    lab = await openLab();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  });

  let summary: RunSummary;
  let wireA: WirePacket[];
  let wireB: WirePacket[];
  let plan: ProbePlan;
  let audit: readonly AuditRecord[];

  it('gets the right answers from snmpd, storescp, nginx and avahi; the ventilator is left alone', async () => {
    plan = makePlan(lab, ['arp', 'mdns', 'snmp-get-system', 'http-get-root', 'dicom-echo']);
    expect(plan.excluded.map((x) => [x.target.ip, x.reasons])).toEqual([[lab.vent.ip, ['inventory: life-support', 'type: ventilator ("Ventilator")']]]);
    const capA = await lab.capture(lab.pacs, 'main-a');
    const capB = await lab.capture(lab.vent, 'main-b');
    const { r } = run(plan);
    summary = await r.done;
    audit = r.audit.records();
    wireA = await capA.stop();
    wireB = await capB.stop();

    const got = (kind: string) => summary.observations.filter((o) => o.kind === kind).map((o) => o.value);
    expect(summary.results.map((x) => [x.kind, x.port, x.status])).toEqual([
      ['arp', 0, 'done'],
      ['mdns', 5353, 'done'],
      ['snmp-get-system', 161, 'done'],
      ['http-get-root', 80, 'done'],
      ['http-get-root', 443, 'done'],
      ['dicom-echo', 11112, 'done'],
    ]);
    expect(summary.observations.every((o) => o.source === 'probe' && o.ip === lab.pacs.ip)).toBe(true);
    expect(summary.observations.find((o) => o.proto === 'probe-arp')?.mac).toBe(lab.pacs.mac);
    expect(got('snmp-sys-location')).toEqual(['Ward 3B Room 12']);
    expect(got('snmp-sys-descr')).toEqual(['Wardwalk Lab PACS gateway 2.4.1']);
    expect(got('snmp-sys-name')).toEqual(['ward3b-pacs-gw']);
    expect(got('snmp-sys-object-id')).toEqual(['1.3.6.1.4.1.8072.3.2.10']);
    expect(got('snmp-sys-contact')).toEqual(['Biomedical Engineering <biomed@example.org>']);
    expect(got('mdns-service').sort()).toEqual(['_dicom._tcp', '_http._tcp']);
    expect(got('http-server')).toHaveLength(2);
    for (const s of got('http-server')) expect(s).toMatch(/^nginx\/\d/);
    expect(got('tls-cert-subject')).toEqual(['CN=ward3b-pacs-gw.example.org, O=Wardwalk Lab']);
    expect(got('dicom-called-ae')).toEqual([PACS_AE]);
    // dcmtk's implementation class UID lives under OFFIS's root 1.2.276.0.7230010.3
    expect(got('dicom-impl-class-uid')[0]).toMatch(/^1\.2\.276\.0\.7230010\.3\./);
    expect(got('dicom-impl-version')[0]).toMatch(/^OFFIS_DCMTK_/);
  });

  it('sent nothing but the planned queries, and nothing at all to the life-support device', () => {
    expect(unplanned(wireA, lab.pacs, plan)).toEqual([]);
    // the ventilator's link: not one packet from us, not even an ARP request
    expect(ours(wireB, lab.vent)).toEqual([]);
    expect(wireB.filter((p) => p.ip?.dst === lab.vent.ip || p.arp?.tpa === lab.vent.ip)).toEqual([]);
  });

  it('stayed within the caps on the wire: packets/s, per-device spacing, per-query packets', () => {
    const mine = ours(wireA, lab.pacs);
    const peak = maxInWindow(mine.map((p) => p.ts));
    console.log(`limiter on the wire: ${mine.length} packets sent, peak ${peak} in any 1 s window (cap ${plan.settings.ratePps}/s)`);
    expect(peak).toBeLessThanOrEqual(plan.settings.ratePps);
    // one device: query starts ≥ 1 s apart (ARP requests the kernel makes for its own neighbour cache
    // are bookkeeping, not queries: only our ARP probe, the first start, is counted)
    const starts = queryStarts(wireA, lab.pacs).filter((p, i) => !p.arp || i === 0);
    expect(starts.length).toBe(plan.entries.length);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!.ts - starts[i - 1]!.ts).toBeGreaterThanOrEqual(990);
    // each TCP connection sent no more packets than the policy charged for its kind
    const conns = new Map<number, number>();
    for (const p of mine) if (p.ip?.tcp) conns.set(p.ip.tcp.sport, (conns.get(p.ip.tcp.sport) ?? 0) + 1);
    for (const [sport, n] of conns) {
      const dport = mine.find((p) => p.ip?.tcp?.sport === sport)!.ip!.tcp!.dport;
      const kind = dport === 11112 ? 'dicom-echo' : 'http-get-root';
      expect(n, `tcp ${sport}→${dport}`).toBeLessThanOrEqual(KIND_SPECS[kind].packets);
    }
  });

  it('has every query on the wire in the audit log, written before it was sent', () => {
    const q = queries(audit);
    const starts = queryStarts(wireA, lab.pacs);
    const firstArp = starts.find((p) => p.arp)!;
    const wireQueries = starts.filter((p) => !p.arp || p === firstArp);
    expect(q).toHaveLength(wireQueries.length);
    for (const w of wireQueries) {
      const port = w.ip?.tcp?.dport ?? w.ip?.udp?.dport ?? 0;
      const rec = q.find((x) => x.port === port && x.targetIp === lab.pacs.ip && x.ts <= w.ts + 1);
      expect(rec, `audit record for ${port}`).toBeDefined();
    }
    expect(audit[0]).toMatchObject({ event: 'plan-approved', approver: 'Lab Tester' });
    expect(audit.filter((x) => x.event === 'result').map((x) => x.result)).toEqual(q.map(() => 'answered'));
    expect(JSON.stringify(audit)).not.toContain(SNMP_COMMUNITY);
  });

  it('probes the life-support device only after a person overrides it, with the override on record', async () => {
    const p = makePlan(lab, ['snmp-get-system'], { overrides: [{ device: 'dev-vent', reason: 'in biomed workshop, not connected to a patient', by: 'J. Biomed' }] });
    const capB = await lab.capture(lab.vent, 'override-b');
    const { r } = run(p);
    const s = await r.done;
    const wire = await capB.stop();
    expect(s.observations.filter((o) => o.ip === lab.vent.ip && o.kind === 'snmp-sys-name').map((o) => o.value)).toEqual(['icu-vent-07']);
    expect(queryStarts(wire, lab.vent).filter((x) => x.ip?.udp?.dport === 161)).toHaveLength(1);
    expect(unplanned(wire, lab.vent, p)).toEqual([]);
    expect(r.audit.records().find((x) => x.event === 'risk-override')).toMatchObject({ targetIp: lab.vent.ip, deviceId: 'dev-vent' });
  });

  it('reads the system group over SNMPv3 (authPriv SHA/AES and authNoPriv SHA-256), and a wrong password gets nothing', async () => {
    for (const [cred, ok] of [[V3_USERS.priv, true], [V3_USERS.auth256, true], [{ ...V3_USERS.priv, authPassword: 'not-the-password' }, false]] as const) {
      const p = makePlan(lab, ['snmp-get-system'], { settings: { snmpV3: { ...cred }, snmpCommunity: undefined } as Partial<ProbeSettings> });
      expect(p.entries.map((e) => [e.snmpVersion, e.packets])).toEqual([['v3', 3]]);
      const capA = await lab.capture(lab.pacs, `v3-${cred.user}-${ok}`);
      const { r } = run(p);
      const s = await r.done;
      const wire = await capA.stop();
      const loc = s.observations.filter((o) => o.kind === 'snmp-sys-location').map((o) => o.value);
      expect(loc).toEqual(ok ? ['Ward 3B Room 12'] : []);
      expect(s.results[0]!.detail).toMatch(ok ? /^v3 sysName=ward3b-pacs-gw/ : /report 1\.3\.6\.1\.6\.3\.15\.1\.1\.5\.0/); // usmStatsWrongDigests
      // discovery + GET: two datagrams, within the 3-packet charge with the ARP
      expect(queryStarts(wire, lab.pacs).filter((x) => x.ip?.udp?.dport === 161)).toHaveLength(2);
      expect(ours(wire, lab.pacs).length).toBeLessThanOrEqual(3);
      expect(JSON.stringify(r.audit.records())).not.toContain(cred.authPassword);
    }
  });

  it('reads NetBIOS names and the SSDP SERVER header (tiny responders: no nmbd or UPnP daemon in the image)', async () => {
    const c: ProbeCandidate = { deviceId: 'farm-gw' as DeviceId, ip: lab.farm.ip, type: 'gateway' };
    const { plan: p } = buildPlan({ candidates: [c], deviceIds: ['farm-gw'], settings: { kinds: ['ssdp', 'nbns-status'], timeoutMs: 2000 }, now: Date.now(), planId: 'nb' });
    const cap = await lab.capture(lab.farm, 'nb-ssdp');
    const { r } = run(p);
    const s = await r.done;
    const wire = await cap.stop();
    const got = (kind: string) => s.observations.filter((o) => o.kind === kind).map((o) => o.value);
    expect(got('ssdp-server')).toEqual([SSDP_SERVER]);
    expect(got('ssdp-location')).toEqual([`http://${lab.farm.ip}:49152/description.xml`]);
    expect(got('ssdp-usn')).toEqual(['uuid:2fac1234-31f8-11b4-a222-08002b34c003::upnp:rootdevice']);
    expect(got('nbns-name')).toEqual(['GUNNAR']); // the unique workstation name (suffix 00), not the group
    expect(unplanned(wire, lab.farm, p)).toEqual([]);
    expect(queryStarts(wire, lab.farm).filter((x) => !x.arp).map((x) => x.ip!.udp!.dport)).toEqual([1900, 137]);
  });

  it('stops a device at its first unreachable answer: no retries, no more queries to it', async () => {
    // nothing listens on udp/1900 in the lab: the kernel answers ICMP port unreachable
    const p = makePlan(lab, ['ssdp', 'snmp-get-system', 'http-get-root']);
    const capA = await lab.capture(lab.pacs, 'unreach-a');
    const { r } = run(p);
    const s = await r.done;
    const wire = await capA.stop();
    expect(s.results.map((x) => [x.kind, x.status])).toEqual([
      ['ssdp', 'failed'],
      ['snmp-get-system', 'skipped-device-stopped'],
      ['http-get-root', 'skipped-device-stopped'],
      ['http-get-root', 'skipped-device-stopped'],
    ]);
    const starts = queryStarts(wire, lab.pacs).filter((x) => !x.arp);
    expect(starts.map((x) => x.ip?.udp?.dport ?? x.ip?.tcp?.dport)).toEqual([1900]);
  });

  it('holds the global cap across devices on the wire', async () => {
    const p = makePlan(lab, ['snmp-get-system', 'http-get-root', 'dicom-echo'], {
      overrides: [{ device: 'dev-vent', reason: 'in biomed workshop, not connected to a patient', by: 'J. Biomed' }],
      settings: { ratePps: 40 },
    });
    const capA = await lab.capture(lab.pacs, 'cap-a');
    const capB = await lab.capture(lab.vent, 'cap-b');
    const { r } = run(p);
    const s = await r.done;
    const both = [...ours(await capA.stop(), lab.pacs), ...ours(await capB.stop(), lab.vent)];
    const peak = maxInWindow(both.map((x) => x.ts));
    const charged = maxInWindow(queries(r.audit.records()).flatMap((q) => Array<number>(q.packets ?? 0).fill(q.ts)));
    console.log(`limiter on the wire, two devices: ${both.length} packets, peak ${peak} in any 1 s window (cap ${p.settings.ratePps}/s; peak charged ${charged})`);
    expect(s.results.filter((x) => x.ip === lab.pacs.ip).every((x) => x.status === 'done')).toBe(true);
    expect(peak).toBeLessThanOrEqual(p.settings.ratePps);
    expect(charged).toBeLessThanOrEqual(p.settings.ratePps);
  });

  it('holds a binding global cap on the wire: twenty devices, 10 packets/s', async () => {
    const farm: ProbeCandidate[] = lab.farm.ips.map((ip, i) => ({ deviceId: `farm-${i}` as DeviceId, ip, type: 'sensor' }));
    const { plan: p, problems } = buildPlan({
      candidates: farm,
      deviceIds: farm.map((c) => c.deviceId!),
      settings: { kinds: ['snmp-get-system'], snmpCommunity: SNMP_COMMUNITY, ratePps: 10, timeoutMs: 2000 },
      now: Date.now(),
      planId: 'farm',
    });
    expect(problems).toEqual([]);
    const cap = await lab.capture(lab.farm, 'farm');
    const { r } = run(p);
    const s = await r.done;
    // What this run caused: its SNMP datagrams and the ARP requests resolving the planned addresses
    // (a kernel re-probe of an address an earlier test used is the OS's bookkeeping, not the run's).
    const wire = ours(await cap.stop(), lab.farm).filter((x) => !x.arp || lab.farm.ips.includes(x.arp.tpa));
    const peak = maxInWindow(wire.map((x) => x.ts));
    const snmpOnly = maxInWindow(wire.filter((x) => x.ip?.udp?.dport === 161).map((x) => x.ts));
    console.log(`limiter on the wire, 20 devices at cap 10/s: ${wire.length} packets (${wire.filter((x) => x.arp).length} kernel ARP) in ${Math.round(wire.at(-1)!.ts - wire[0]!.ts)} ms; peak ${peak} in any 1 s window, SNMP requests alone peak ${snmpOnly}`);
    expect(s.observations.filter((o) => o.kind === 'snmp-sys-name')).toHaveLength(20);
    expect(peak).toBeLessThanOrEqual(10);
    expect(snmpOnly).toBeGreaterThanOrEqual(4); // the cap binds: it is what spreads the run out
    expect(wire.every((x) => x.arp || (x.ip?.udp?.dport === 161 && lab.farm.ips.includes(x.ip.dst)))).toBe(true);
  });

  it('halts everything within 100 ms of stop()', async () => {
    const p = makePlan(lab, ['mdns', 'snmp-get-system', 'http-get-root', 'dicom-echo'], {
      overrides: [{ device: 'dev-vent', reason: 'in biomed workshop, not connected to a patient', by: 'J. Biomed' }],
    });
    const capA = await lab.capture(lab.pacs, 'stop-a');
    const capB = await lab.capture(lab.vent, 'stop-b');
    const approval = approvePlan(p, 'Lab Tester');
    let stopAt = 0;
    const r = startRun(approval, {
      runId: 'stop-run',
      onProgress: (pr) => {
        // stop while the run is busy: right after the second answer, with queries still pending
        if (pr.done >= 2 && !stopAt) {
          stopAt = Date.now();
          void r.stop();
        }
      },
    });
    const s = await r.done;
    const wireA = await capA.stop();
    const wireB = await capB.stop();
    expect(stopAt).toBeGreaterThan(0);
    expect(s.stopped).toBe(true);
    expect(s.results.filter((x) => x.status === 'stopped').length).toBeGreaterThan(0);
    const late = [...queryStarts(wireA, lab.pacs), ...queryStarts(wireB, lab.vent)].filter((x) => !x.arp && x.ts > stopAt + 100);
    expect(late).toEqual([]);
    // and nothing new at all (not even a data segment of a new exchange) later than 100 ms after stop
    const newData = [...ours(wireA, lab.pacs), ...ours(wireB, lab.vent)].filter((x) => x.ts > stopAt + 100 && (x.ip?.udp || (x.ip?.tcp && x.ip.tcp.payload > 0)));
    expect(newData).toEqual([]);
    expect(r.audit.records().at(-1)).toMatchObject({ event: 'run-stopped' });
  });
});
