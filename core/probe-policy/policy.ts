// What may be probed, and the approval every executor requires.
//
// Passive is the default: nothing is sent unless a person builds a plan, reads it (which device, which
// query, why, at what rate) and approves it. Devices flagged high-risk or life-support in the
// inventory, or whose type is one that keeps a patient alive or is attached to one, are left out unless
// a person overrides per device with a reason. Exclusions by IP, CIDR range, MAC and type are absolute.
// A ProbeApproval can only be made here (private constructor, ES private field, a registry of issued
// approvals), so an executor that takes one cannot be called with a hand-built object: it does not
// compile, and a cast is caught at run time by isIssuedApproval().
import type { Asset } from '../model/asset';
import type { Device } from '../model/device';
import type { DeviceId, Mac } from '../model/ids';
import { parseMac } from '../model/ids';
import { cleanText } from '../model/observation';
import {
  DEFAULT_BUDGET_PACKETS,
  DEFAULT_RATE_PPS,
  DEFAULT_TIMEOUT_MS,
  KIND_SPECS,
  MAX_BUDGET_PACKETS,
  MAX_RATE_PPS,
  MAX_RETRIES,
  MAX_TIMEOUT_MS,
  MIN_DEVICE_GAP_MS,
  MIN_TIMEOUT_MS,
  QUERY_KINDS,
  SNMP_V3_EXTRA_PACKETS,
  deniedPort,
  isQueryKind,
} from './kinds';
import type { QueryKind } from './kinds';
import { isHighRiskType, isLifeSupportType, typeLabel } from '../fingerprint/taxonomy';
import { cidrContains, parseCidr, parseIPv4, subnetHosts } from './net';

/** One device the policy may consider: what the inventory and the network say about it. */
export interface ProbeCandidate {
  deviceId?: DeviceId;
  ip: string;
  mac?: Mac;
  /** Taxonomy type id or free text ("infusion-pump", "Patient monitor"). */
  type?: string;
  label?: string;
  highRisk?: boolean;
  lifeSupport?: boolean;
  /** Server ports seen passively ("tcp/104", "udp/161"): they choose ports for kinds with several. */
  services?: string[];
  /** A called AE title seen passively for this device (DICOM). */
  dicomCalledAe?: string;
}

export interface Exclusions {
  ips?: string[];
  cidrs?: string[];
  macs?: string[];
  /** Matched as case-insensitive substrings of the candidate's type ("pump" excludes every pump). */
  types?: string[];
}

export interface ProbeSettings {
  kinds: QueryKind[];
  /** Packets per second for the whole run (clamped to 1..MAX_RATE_PPS). */
  ratePps: number;
  /** Packets the whole run may send, retries included. */
  budgetPackets: number;
  timeoutMs: number;
  /** Gap between queries to one device (never below MIN_DEVICE_GAP_MS). */
  deviceGapMs: number;
  maxRetries: number;
  /** SNMPv2c community the user supplies (a secret: redacted in views and the audit log). */
  snmpCommunity?: string;
  /** SNMPv3 USM credentials (secrets: redacted). When given, SNMP queries use v3 instead of v2c. */
  snmpV3?: SnmpV3Credentials;
  /** The user's own (calling) AE title for DICOM. */
  aeTitle?: string;
  /** Called AE title when the device's own is not known. */
  calledAeTitle?: string;
  /** DICOM ports to try when the device shows none (subset of 104, 11112, 4242). */
  dicomPorts?: number[];
  /** Subnets the probing machine is directly attached to (ARP is only sent there). */
  localSubnets?: string[];
}

export interface SnmpV3Credentials {
  user: string;
  /** HMAC-SHA-96 (RFC 3414) or HMAC-SHA-256-192 (RFC 7860). */
  authProtocol: 'sha1' | 'sha256';
  authPassword: string;
  /** AES-128-CFB (RFC 3826); without it the level is authNoPriv. */
  privProtocol?: 'aes128';
  privPassword?: string;
}

export interface OverrideRequest {
  /** deviceId, or the IP for devices without one. */
  device: string;
  reason: string;
  by: string;
}

export interface RiskOverride extends OverrideRequest {
  at: number;
  /** The risk reasons that were overridden, as shown to the person. */
  risks: string[];
}

export interface PlanTarget {
  ip: string;
  mac?: Mac;
  deviceId?: DeviceId;
  label?: string;
  /** Risk reasons a person overrode for this target (see ProbePlan.overrides). */
  risks?: string[];
}

export interface PlanEntry {
  id: string;
  target: PlanTarget;
  kind: QueryKind;
  port: number;
  tls: boolean;
  why: string;
  sends: string;
  /** Upper bound of packets one attempt sends (counted against the caps). */
  packets: number;
  /** The rate in words, as shown in the plan. */
  rate: string;
  /** DICOM only. */
  calledAe?: string;
  /** SNMP only. */
  snmpVersion?: 'v2c' | 'v3';
}

export interface ExcludedTarget {
  target: PlanTarget;
  reasons: string[];
  /** True when the only reasons are risk flags (a person may override per device, with a reason). */
  overridable: boolean;
}

export interface ProbePlan {
  id: string;
  createdAt: number;
  settings: ProbeSettings;
  entries: PlanEntry[];
  excluded: ExcludedTarget[];
  overrides: RiskOverride[];
  /** Things the person should know: kinds skipped for lack of a community, AE title… */
  notes: string[];
  estimate: { packets: number; minDurationMs: number };
}

// ---------------------------------------------------------------------------------------------
// Risk by type. Word lists, not a taxonomy lookup, because types arrive as free text from legacy sheets.

const RISKY_TYPES: ReadonlyArray<{ re: RegExp; label: string }> = [
  { re: /infusion|syringe[\s-]*(pump|driver)|\bpca\b|\bpump\b/i, label: 'infusion pump' },
  { re: /ventilat|respirator|\bcpap\b|\bbipap\b/i, label: 'ventilator' },
  { re: /an(a)?esthe|anaesthe/i, label: 'anaesthesia' },
  { re: /patient[\s-]*monitor|vital[\s-]*sign|bedside[\s-]*monitor|telemetry/i, label: 'patient monitor' },
  { re: /central[\s-]*(station|monitor)/i, label: 'central station' },
  { re: /dialys|hemodial|haemodial|\bcrrt\b/i, label: 'dialysis' },
  { re: /radiotherap|radiation[\s-]*therap|linac|linear[\s-]*accel|brachy/i, label: 'radiotherapy' },
  { re: /implant|pacemaker[\s-]*program|\bicd\b[\s-]*program|programmer/i, label: 'implant programmer' },
  { re: /defibrillat|\baed\b/i, label: 'defibrillator' },
  { re: /\becmo\b|heart[\s-]*lung|bypass|balloon[\s-]*pump|\biabp\b/i, label: 'circulatory support' },
  { re: /incubator|infant[\s-]*warmer/i, label: 'neonatal incubator' },
];

/** Why a candidate is risky to probe (empty when it is not). */
export function riskReasons(c: ProbeCandidate): string[] {
  const out: string[] = [];
  if (c.lifeSupport) out.push('inventory: life-support');
  if (c.highRisk) out.push('inventory: high-risk');
  if (c.type) {
    // A taxonomy type id (from identification) says it directly; free text (legacy sheets) by words.
    if (isLifeSupportType(c.type)) out.push(`type: ${typeLabel(c.type)} (life-support)`);
    else if (isHighRiskType(c.type)) out.push(`type: ${typeLabel(c.type)} (high-risk)`);
    else for (const t of RISKY_TYPES) if (t.re.test(c.type)) out.push(`type: ${t.label} ("${cleanText(c.type, 60)}")`);
  }
  return out;
}

/** Why a candidate is excluded by the person's exclusion lists (empty when it is not). */
export function exclusionReasons(c: ProbeCandidate, ex: Exclusions | undefined): string[] {
  if (!ex) return [];
  const out: string[] = [];
  const ip = parseIPv4(c.ip);
  for (const x of ex.ips ?? []) if (x.trim() === c.ip) out.push(`excluded IP ${x.trim()}`);
  for (const x of ex.cidrs ?? []) {
    const cidr = parseCidr(x);
    if (cidr && ip !== undefined && cidrContains(cidr, ip)) out.push(`excluded range ${cidr.text}`);
  }
  for (const x of ex.macs ?? []) {
    const m = parseMac(x);
    if (m && c.mac && m === c.mac) out.push(`excluded MAC ${m}`);
  }
  for (const x of ex.types ?? []) {
    const t = x.trim().toLowerCase();
    if (t && c.type && c.type.toLowerCase().includes(t)) out.push(`excluded type "${x.trim()}"`);
  }
  return out;
}

/** Exclusion lists that do not parse are refused whole (a typo must not silently let a device through). */
export function checkExclusions(ex: Exclusions | undefined): string[] {
  if (!ex) return [];
  const bad: string[] = [];
  for (const x of ex.ips ?? []) if (parseIPv4(x) === undefined) bad.push(`not an IPv4 address: "${x}"`);
  for (const x of ex.cidrs ?? []) if (!parseCidr(x)) bad.push(`not a CIDR range: "${x}"`);
  for (const x of ex.macs ?? []) if (!parseMac(x)) bad.push(`not a MAC address: "${x}"`);
  return bad;
}

// ---------------------------------------------------------------------------------------------
// Candidates from the inventory and the discovered devices.

const SERVICE_RE = /^(tcp|udp)\/(\d{1,5})$/;

/** Join discovered devices with inventory assets (by link, then MAC, then IP): one candidate per IPv4. */
export function candidatesFrom(devices: readonly Device[], assets: readonly Asset[]): ProbeCandidate[] {
  const live = assets.filter((a) => !a.deleted);
  const out: ProbeCandidate[] = [];
  for (const d of devices) {
    const asset =
      live.find((a) => a.deviceId === d.id) ??
      (d.mac ? live.find((a) => a.macs.includes(d.mac!)) : undefined) ??
      live.find((a) => a.ips.some((ip) => d.ips.includes(ip)));
    const services = d.evidence.filter((e) => e.kind === 'service' && SERVICE_RE.test(e.value)).map((e) => e.value);
    const calledAe = d.evidence.find((e) => e.kind === 'dicom-called-ae')?.value;
    const type = asset?.type ?? d.identity?.type?.value;
    const label = asset?.assetTag ?? d.hostnames[0];
    for (const ip of d.ips) {
      if (parseIPv4(ip) === undefined) continue;
      const c: ProbeCandidate = { deviceId: d.id, ip, services };
      if (d.mac && !d.router) c.mac = d.mac;
      if (type) c.type = type;
      if (label) c.label = label;
      if (asset?.highRisk) c.highRisk = true;
      if (asset?.lifeSupport) c.lifeSupport = true;
      if (calledAe) c.dicomCalledAe = calledAe;
      out.push(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Settings.

const AE_RE = /^[\x20-\x5b\x5d-\x7e]{1,16}$/; // PS3.5 §6.2 AE: 16 chars, no backslash, no control chars

export function normaliseSettings(s: Partial<ProbeSettings>): { settings: ProbeSettings; problems: string[] } {
  const problems: string[] = [];
  const kinds = [...new Set((s.kinds ?? []).filter(isQueryKind))];
  if (s.kinds && kinds.length !== s.kinds.length) problems.push('unknown query kinds were dropped');
  const clamp = (v: number | undefined, lo: number, hi: number, dflt: number, what: string): number => {
    if (v === undefined || !Number.isFinite(v)) return dflt;
    if (v < lo || v > hi) problems.push(`${what} ${v} is outside ${lo}..${hi}; using ${Math.min(hi, Math.max(lo, v))}`);
    return Math.floor(Math.min(hi, Math.max(lo, v)));
  };
  const maxCharge = Math.max(1, ...kinds.map((k) => KIND_SPECS[k].packets));
  const settings: ProbeSettings = {
    kinds,
    ratePps: clamp(s.ratePps, maxCharge, MAX_RATE_PPS, Math.max(DEFAULT_RATE_PPS, maxCharge), 'rate (packets/s)'),
    budgetPackets: clamp(s.budgetPackets, 1, MAX_BUDGET_PACKETS, DEFAULT_BUDGET_PACKETS, 'packet budget'),
    timeoutMs: clamp(s.timeoutMs, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 'timeout (ms)'),
    deviceGapMs: clamp(s.deviceGapMs, MIN_DEVICE_GAP_MS, 600_000, MIN_DEVICE_GAP_MS, 'gap between queries to one device (ms)'),
    maxRetries: clamp(s.maxRetries, 0, MAX_RETRIES, MAX_RETRIES, 'retries'),
  };
  if (s.snmpCommunity !== undefined) {
    if (/^[\x21-\x7e]{1,64}$/.test(s.snmpCommunity)) settings.snmpCommunity = s.snmpCommunity;
    else problems.push('SNMP community must be 1..64 printable characters');
  }
  if (s.snmpV3 !== undefined) {
    const v = s.snmpV3;
    const pw = (x: string | undefined) => x !== undefined && /^[\x20-\x7e]{8,64}$/.test(x); // RFC 3414 §11.2: ≥ 8 characters
    if (!/^[\x21-\x7e]{1,32}$/.test(v.user ?? '')) problems.push('SNMPv3 user must be 1..32 printable characters');
    else if (v.authProtocol !== 'sha1' && v.authProtocol !== 'sha256') problems.push('SNMPv3 authentication must be SHA-1 or SHA-256');
    else if (!pw(v.authPassword)) problems.push('SNMPv3 passwords must be 8..64 printable characters');
    else if (v.privProtocol !== undefined && (v.privProtocol !== 'aes128' || !pw(v.privPassword))) problems.push('SNMPv3 privacy must be AES-128 with a password of 8..64 characters');
    else {
      const c: SnmpV3Credentials = { user: v.user, authProtocol: v.authProtocol, authPassword: v.authPassword };
      if (v.privProtocol) {
        c.privProtocol = v.privProtocol;
        c.privPassword = v.privPassword!;
      }
      settings.snmpV3 = c;
    }
  }
  // an SNMPv3 query costs one datagram more: the cap must still fit one whole query
  if (settings.snmpV3 && kinds.includes('snmp-get-system')) settings.ratePps = Math.max(settings.ratePps, KIND_SPECS['snmp-get-system'].packets + SNMP_V3_EXTRA_PACKETS);
  if (s.aeTitle !== undefined) {
    if (AE_RE.test(s.aeTitle) && s.aeTitle.trim()) settings.aeTitle = s.aeTitle.trim();
    else problems.push('AE title must be 1..16 printable characters without backslash');
  }
  if (s.calledAeTitle !== undefined) {
    if (AE_RE.test(s.calledAeTitle) && s.calledAeTitle.trim()) settings.calledAeTitle = s.calledAeTitle.trim();
    else problems.push('called AE title must be 1..16 printable characters without backslash');
  }
  if (s.dicomPorts) {
    const ok = s.dicomPorts.filter((p) => KIND_SPECS['dicom-echo'].ports.includes(p));
    if (ok.length !== s.dicomPorts.length) problems.push('DICOM ports are limited to 104, 11112 and 4242');
    settings.dicomPorts = [...new Set(ok)];
  }
  if (s.localSubnets) {
    settings.localSubnets = s.localSubnets.map((x) => parseCidr(x)?.text).filter((x): x is string => !!x);
  }
  return { settings, problems };
}

// ---------------------------------------------------------------------------------------------
// Plans.

export interface PlanRequest {
  candidates: readonly ProbeCandidate[];
  /** Probe these devices… */
  deviceIds?: readonly string[];
  /** …and/or everything known in this subnet (and ARP every host address, when ARP is chosen). */
  subnet?: string;
  settings: Partial<ProbeSettings>;
  exclusions?: Exclusions;
  overrides?: readonly OverrideRequest[];
  now: number;
  planId: string;
}

/** Largest subnet an ARP plan may cover (a /22). */
export const MAX_ARP_HOSTS = 1022;

function portsFor(kind: QueryKind, c: ProbeCandidate, settings: ProbeSettings): number[] {
  const spec = KIND_SPECS[kind];
  const seen = new Set<number>();
  for (const s of c.services ?? []) {
    const m = SERVICE_RE.exec(s);
    if (!m) continue;
    const proto = m[1] === 'tcp' ? 'tcp' : 'udp';
    const port = Number(m[2]);
    if (proto === spec.transport && spec.ports.includes(port)) seen.add(port);
  }
  if (kind === 'dicom-echo') {
    if (seen.size) return [...seen].sort((a, b) => a - b);
    return [...(settings.dicomPorts ?? [])];
  }
  for (const p of spec.defaultPorts) seen.add(p);
  return [...seen].sort((a, b) => a - b);
}

function targetOf(c: ProbeCandidate): PlanTarget {
  const t: PlanTarget = { ip: c.ip };
  if (c.mac) t.mac = c.mac;
  if (c.deviceId) t.deviceId = c.deviceId;
  if (c.label) t.label = cleanText(c.label, 80);
  return t;
}

/**
 * Build the plan a person reads before anything is sent. Pure: the same request gives the same plan.
 * Returns problems instead of throwing (an empty plan with problems is a valid answer).
 */
export function buildPlan(req: PlanRequest): { plan: ProbePlan; problems: string[] } {
  const { settings, problems } = normaliseSettings(req.settings);
  const badExclusions = checkExclusions(req.exclusions);
  problems.push(...badExclusions);
  const notes: string[] = [];
  const plan: ProbePlan = {
    id: req.planId,
    createdAt: req.now,
    settings,
    entries: [],
    excluded: [],
    overrides: [],
    notes,
    estimate: { packets: 0, minDurationMs: 0 },
  };
  if (badExclusions.length) return { plan, problems }; // an exclusion list that does not parse: plan nothing
  if (!settings.kinds.length) {
    problems.push('choose at least one query kind');
    return { plan, problems };
  }

  // Which candidates were chosen.
  const chosen: ProbeCandidate[] = [];
  const byKey = new Set<string>();
  const want = new Set(req.deviceIds ?? []);
  const subnet = req.subnet !== undefined ? parseCidr(req.subnet) : undefined;
  if (req.subnet !== undefined && !subnet) problems.push(`not a CIDR range: "${req.subnet}"`);
  for (const c of req.candidates) {
    const ip = parseIPv4(c.ip);
    if (ip === undefined) continue;
    const picked = (c.deviceId !== undefined && want.has(c.deviceId)) || want.has(c.ip) || (subnet && cidrContains(subnet, ip));
    if (!picked || byKey.has(c.ip)) continue;
    byKey.add(c.ip);
    chosen.push(c);
  }
  for (const id of want) {
    if (!req.candidates.some((c) => c.deviceId === id || c.ip === id)) problems.push(`unknown device "${cleanText(id, 60)}"`);
  }
  // ARP over a subnet reaches addresses nobody has seen yet: they are candidates with nothing known.
  if (subnet && settings.kinds.includes('arp')) {
    const hosts = subnetHosts(subnet, MAX_ARP_HOSTS);
    if (!hosts) problems.push(`subnet ${subnet.text} is larger than a /22; ARP is limited to ${MAX_ARP_HOSTS} hosts`);
    else
      for (const h of hosts) {
        if (byKey.has(h)) continue;
        chosen.push({ ip: h });
        byKey.add(h);
      }
  }

  const overrideFor = (c: ProbeCandidate): OverrideRequest | undefined =>
    req.overrides?.find((o) => o.device === c.deviceId || o.device === c.ip);

  let n = 0;
  for (const c of chosen) {
    let target = targetOf(c);
    const excl = exclusionReasons(c, req.exclusions);
    if (excl.length) {
      plan.excluded.push({ target, reasons: excl, overridable: false });
      continue;
    }
    const risks = riskReasons(c);
    if (risks.length) {
      const o = overrideFor(c);
      if (!o || cleanText(o.reason).length < 5 || !cleanText(o.by)) {
        plan.excluded.push({ target, reasons: risks, overridable: true });
        if (o) problems.push(`override for ${c.ip} needs who and a reason of at least 5 characters`);
        continue;
      }
      plan.overrides.push({ device: o.device, reason: cleanText(o.reason), by: cleanText(o.by, 80), at: req.now, risks });
      target = { ...target, risks };
    }
    const onlyArp = c.deviceId === undefined && c.type === undefined;
    for (const kind of QUERY_KINDS) {
      if (!settings.kinds.includes(kind)) continue;
      if (onlyArp && kind !== 'arp') continue;
      if (kind === 'arp') {
        const local = (settings.localSubnets ?? []).some((s) => {
          const cidr = parseCidr(s);
          return cidr !== undefined && cidrContains(cidr, parseIPv4(c.ip)!);
        });
        if (!local) continue;
      }
      if (kind === 'snmp-get-system' && !settings.snmpCommunity && !settings.snmpV3) continue;
      if (kind === 'dicom-echo' && !settings.aeTitle) continue;
      const spec = KIND_SPECS[kind];
      for (const port of portsFor(kind, c, settings)) {
        const entry: PlanEntry = {
          id: `${req.planId}:${++n}`,
          target,
          kind,
          port,
          tls: kind === 'http-get-root' && (port === 443 || port === 8443),
          why: spec.why,
          sends: spec.sends,
          packets: spec.packets + (kind === 'snmp-get-system' && settings.snmpV3 ? SNMP_V3_EXTRA_PACKETS : 0),
          rate: `one query at a time to this device, ≥ ${settings.deviceGapMs / 1000} s apart; ≤ ${settings.ratePps} packets/s overall`,
        };
        if (kind === 'snmp-get-system') entry.snmpVersion = settings.snmpV3 ? 'v3' : 'v2c';
        if (kind === 'dicom-echo') entry.calledAe = c.dicomCalledAe && AE_RE.test(c.dicomCalledAe) ? c.dicomCalledAe : settings.calledAeTitle ?? 'ANY-SCP';
        plan.entries.push(entry);
      }
    }
  }
  if (settings.kinds.includes('snmp-get-system') && !settings.snmpCommunity && !settings.snmpV3) notes.push('SNMP left out: no community given');
  if (settings.kinds.includes('dicom-echo') && !settings.aeTitle) notes.push('DICOM C-ECHO left out: no AE title given');
  if (settings.kinds.includes('dicom-echo') && settings.aeTitle && !plan.entries.some((e) => e.kind === 'dicom-echo'))
    notes.push('DICOM C-ECHO: no device showed a DICOM port and none was chosen');
  if (settings.kinds.includes('arp') && !settings.localSubnets?.length) notes.push('ARP left out: no local subnet known');
  for (const e of plan.entries) {
    const why = validateEntry(e);
    if (why) problems.push(why); // cannot happen through buildPlan; kept as a tripwire
  }
  plan.entries = plan.entries.filter((e) => !validateEntry(e));
  plan.estimate = estimate(plan);
  return { plan, problems };
}

function estimate(plan: ProbePlan): { packets: number; minDurationMs: number } {
  const perDevice = new Map<string, number>();
  let packets = 0;
  for (const e of plan.entries) {
    packets += e.packets;
    perDevice.set(e.target.ip, (perDevice.get(e.target.ip) ?? 0) + 1);
  }
  const most = Math.max(0, ...perDevice.values());
  const byDevice = most > 0 ? (most - 1) * plan.settings.deviceGapMs : 0;
  const byRate = Math.ceil((Math.min(packets, plan.settings.budgetPackets) / plan.settings.ratePps) * 1000);
  return { packets, minDurationMs: Math.max(byDevice, byRate) };
}

/** The invariant every entry must hold, checked when planning, approving and again before sending. */
export function validateEntry(e: PlanEntry): string | undefined {
  if (!isQueryKind(e.kind)) return `entry ${e.id}: unknown query kind`;
  const spec = KIND_SPECS[e.kind];
  if (!spec.ports.includes(e.port)) return `entry ${e.id}: port ${e.port} is not allowed for ${e.kind}`;
  const denied = deniedPort(e.port);
  if (denied) return `entry ${e.id}: port ${e.port} is never probed (${denied})`;
  if (parseIPv4(e.target.ip) === undefined) return `entry ${e.id}: target is not an IPv4 address`;
  const ip = parseIPv4(e.target.ip)!;
  if (ip >>> 28 >= 14 || ip === 0xffffffff) return `entry ${e.id}: multicast/broadcast targets are not probed`;
  if (e.kind === 'snmp-get-system' && e.snmpVersion !== 'v2c' && e.snmpVersion !== 'v3') return `entry ${e.id}: SNMP version must be v2c or v3`;
  const charge = spec.packets + (e.snmpVersion === 'v3' ? SNMP_V3_EXTRA_PACKETS : 0);
  if (e.packets !== charge) return `entry ${e.id}: packet charge differs from the policy's`;
  return undefined;
}

/** A plan view safe to show and to send over IPC: the SNMP community is redacted. */
export function redactPlan(plan: ProbePlan): ProbePlan {
  const settings = { ...plan.settings };
  if (settings.snmpCommunity !== undefined) settings.snmpCommunity = '•••';
  if (settings.snmpV3 !== undefined) {
    const v: SnmpV3Credentials = { ...settings.snmpV3, authPassword: '•••' };
    if (v.privPassword !== undefined) v.privPassword = '•••';
    settings.snmpV3 = v;
  }
  return { ...plan, settings };
}

// ---------------------------------------------------------------------------------------------
// Approval.

const issued = new WeakSet<object>();

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

/** Approvals last a working session at most; a stale approval must be renewed by a person. */
export const APPROVAL_TTL_MS = 8 * 3600 * 1000;

export class ProbeApproval {
  readonly #plan: ProbePlan;
  readonly id: string;
  readonly approver: string;
  readonly reason: string | undefined;
  readonly approvedAt: number;
  readonly expiresAt: number;

  private constructor(plan: ProbePlan, approver: string, reason: string | undefined, at: number, ttl: number) {
    this.#plan = deepFreeze(JSON.parse(JSON.stringify(plan)) as ProbePlan);
    this.id = `${plan.id}@${at}`;
    this.approver = approver;
    this.reason = reason;
    this.approvedAt = at;
    this.expiresAt = at + ttl;
    Object.freeze(this);
    issued.add(this);
  }

  /** The approved plan, frozen: what the executors may send and nothing else. */
  get plan(): ProbePlan {
    return this.#plan;
  }

  entry(id: string): PlanEntry | undefined {
    return this.#plan.entries.find((e) => e.id === id);
  }

  /** @internal Used by approvePlan only (the constructor is private). */
  static issue(plan: ProbePlan, approver: string, reason: string | undefined, at: number, ttl: number): ProbeApproval {
    return new ProbeApproval(plan, approver, reason, at, ttl);
  }
}

export class ApprovalError extends Error {}

/**
 * A person approves a plan. The plan is checked again (every entry against the kind/port/deny lists;
 * every risky target must carry a recorded override) and frozen into the approval.
 */
export function approvePlan(
  plan: ProbePlan,
  approver: string,
  reason?: string,
  opts: { now?: number; ttlMs?: number } = {},
): ProbeApproval {
  const who = cleanText(approver ?? '', 80);
  if (!who) throw new ApprovalError('an approval needs the name of the person approving');
  if (!plan.entries.length) throw new ApprovalError('the plan sends nothing');
  for (const e of plan.entries) {
    const why = validateEntry(e);
    if (why) throw new ApprovalError(why);
  }
  for (const x of plan.excluded) {
    if (plan.entries.some((e) => e.target.ip === x.target.ip)) throw new ApprovalError(`${x.target.ip} is excluded but has entries`);
  }
  for (const e of plan.entries) {
    // a risky target without its recorded override (e.g. the override was dropped after planning): refuse
    if (!e.target.risks?.length) continue;
    const o = plan.overrides.find((x) => x.device === e.target.deviceId || x.device === e.target.ip);
    if (!o || cleanText(o.reason).length < 5 || !o.by) throw new ApprovalError(`${e.target.ip} is risky and has no override`);
  }
  const r = reason === undefined ? undefined : cleanText(reason, 500) || undefined;
  const ttl = Math.min(opts.ttlMs ?? APPROVAL_TTL_MS, APPROVAL_TTL_MS);
  return ProbeApproval.issue(plan, who, r, opts.now ?? Date.now(), ttl);
}

/** Run-time guard for values that claim to be approvals (a cast defeats the compiler, not this). */
export function isIssuedApproval(a: unknown): a is ProbeApproval {
  return typeof a === 'object' && a !== null && issued.has(a);
}

/** Throws unless `a` is a live approval issued here. Executors call this before sending anything. */
export function assertApproval(a: ProbeApproval, now: number): void {
  if (!isIssuedApproval(a)) throw new ApprovalError('not an approval issued by the probe policy');
  if (now > a.expiresAt) throw new ApprovalError('the approval has expired; ask for a new one');
  if (now < a.approvedAt - 60_000) throw new ApprovalError('the approval is from the future');
}
