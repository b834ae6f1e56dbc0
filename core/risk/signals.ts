// Risk signals: facts about one device that raise (or lower) its risk, each with the evidence that
// produced it. Sources: advisory matches (core/advisories), end-of-support OS (./eos), what was seen on
// the wire (Observation kinds 'protocol', 'snmp-community', 'snmp-version', 'peer-external'), where
// the device sits (./segmentation), and MDS2 facts for its model (./mds2).
import type { AdvisoryMatch } from '../advisories/match';
import type { DeviceCategory } from '../model/device';
import type { ObservationKind } from '../model/observation';
import type { EndOfSupport } from './eos';
import { findEndOfSupport } from './eos';
import type { Mds2Facts } from './mds2';

export type SignalSeverity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export type SignalKind =
  | 'known-vulnerability'
  | 'possible-vulnerability'
  | 'end-of-support-os'
  | 'cleartext-protocol'
  | 'default-snmp-community'
  | 'internet-peer'
  | 'flat-network'
  | 'mds2-phi'
  | 'mds2-remote-service'
  | 'mds2-not-patchable';

export interface RiskSignal {
  kind: SignalKind;
  severity: SignalSeverity;
  title: string;
  detail: string;
  /** Where the fact came from (advisory id, observation value, MDS2 question id, lifecycle page). */
  source?: string;
}

/** What risk needs to know about one device (an inventory asset, a discovered device, or both). */
export interface RiskSubject {
  id: string;
  label: string;
  category?: DeviceCategory;
  /** Taxonomy type id ("infusion-pump", "ventilator"). */
  type?: string;
  os?: string;
  ips: string[];
  vlan?: string;
  highRisk?: boolean;
  lifeSupport?: boolean;
  site?: string;
  floor?: string;
  department?: string;
  /** Identity facts seen for it (Device.evidence fits). */
  evidence: readonly { kind: ObservationKind; value: string }[];
  matches: readonly AdvisoryMatch[];
  mds2?: Mds2Facts;
  /** Compensating controls a person recorded ("dedicated medical VLAN with ACL", "no wireless"). */
  compensating?: readonly { name: string; reduction: number }[];
}

/** Cleartext or legacy protocols (value of an Observation of kind 'protocol') and why each matters. */
export const CLEARTEXT_PROTOCOLS: Readonly<Record<string, { title: string; why: string; severity: SignalSeverity }>> = {
  telnet: { title: 'Telnet', why: 'remote login in cleartext (RFC 854): credentials readable on the wire', severity: 'high' },
  ftp: { title: 'FTP', why: 'file transfer with cleartext credentials (RFC 959)', severity: 'medium' },
  'http-login': { title: 'HTTP login', why: 'a login form or Basic authentication over plain HTTP', severity: 'medium' },
  smbv1: { title: 'SMBv1', why: 'SMB version 1 (MS17-010 / WannaCry); Microsoft deprecated it in 2014', severity: 'high' },
  tftp: { title: 'TFTP', why: 'unauthenticated file transfer (RFC 1350)', severity: 'medium' },
  rlogin: { title: 'rlogin', why: 'remote login trusting host names, in cleartext', severity: 'high' },
  vnc: { title: 'VNC', why: 'remote desktop, often with weak or no password', severity: 'medium' },
};

const DEFAULT_COMMUNITIES = new Set(['public', 'private', 'community', 'admin', 'manager', 'snmp']);

export interface SignalOptions {
  /** ISO date for end-of-support checks. */
  today: string;
  /** Segment key → is it a mixed segment (medical beside IT/IoT/guest)? From ./segmentation. */
  mixedSegment?: { key: string; others: string[] };
}

/** All signals for one subject. Deterministic: same input, same signals in the same order. */
export function collectSignals(s: RiskSubject, opts: SignalOptions): RiskSignal[] {
  const out: RiskSignal[] = [];
  for (const m of s.matches) {
    if (m.verdict === 'not-affected') continue;
    const cvss = m.cvss ? `CVSS ${m.cvss.score} (${m.cvss.severity.toLowerCase()})` : 'no CVSS score';
    const sure = m.certainty === 'match' && m.verdict === 'affected';
    out.push({
      kind: sure ? 'known-vulnerability' : 'possible-vulnerability',
      severity: severityFromCvss(m.cvss?.score, sure),
      title: `${sure ? '' : 'possibly '}affected by ${m.advisoryId}`,
      detail: `${m.product}: ${m.cves.join(', ') || 'no CVE listed'}; ${cvss}; ${m.versionReason}${m.condition ? `; only if ${m.condition}` : ''}`,
      source: m.advisoryId,
    });
  }
  const eos: EndOfSupport | undefined = findEndOfSupport(s.os, opts.today);
  if (eos) out.push({ kind: 'end-of-support-os', severity: 'high', title: `${eos.os} out of support`, detail: eos.reason, source: eos.source });

  const protocols = new Set<string>();
  const communities = new Set<string>();
  const snmpVersions = new Set<string>();
  const peers = new Set<string>();
  for (const e of s.evidence) {
    const v = e.value.trim().toLowerCase();
    if (e.kind === 'protocol') protocols.add(v);
    else if (e.kind === 'snmp-community') communities.add(e.value.trim());
    else if (e.kind === 'snmp-version') snmpVersions.add(v);
    else if (e.kind === 'peer-external') peers.add(e.value.trim());
  }
  for (const p of [...protocols].sort()) {
    const info = CLEARTEXT_PROTOCOLS[p];
    if (!info) continue;
    out.push({ kind: 'cleartext-protocol', severity: info.severity, title: `${info.title} in use`, detail: info.why, source: `protocol '${p}' seen` });
  }
  const defaults = [...communities].filter((c) => DEFAULT_COMMUNITIES.has(c.toLowerCase())).sort();
  if (defaults.length) {
    // Communities travel in cleartext only in v1/v2c (RFC 3584); seeing one means v1/v2c is in use.
    const ver = [...snmpVersions].filter((v) => v !== '3' && v !== 'v3').join('/') || 'v1/v2c';
    out.push({
      kind: 'default-snmp-community',
      severity: defaults.some((c) => c.toLowerCase() === 'private') ? 'high' : 'medium',
      title: `SNMP ${ver} with default community ${defaults.map((c) => `'${c}'`).join(', ')}`,
      detail: 'anyone on the network can read (and with a write community, change) the device configuration',
      source: 'snmp-community seen in cleartext',
    });
  }
  if (peers.size) {
    const list = [...peers].sort();
    out.push({
      kind: 'internet-peer',
      severity: s.category === 'medical' ? 'high' : 'medium',
      title: `talks to ${peers.size} internet address${peers.size > 1 ? 'es' : ''}`,
      detail: `${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`,
      source: 'peer-external',
    });
  }
  if (opts.mixedSegment && s.category === 'medical') {
    out.push({
      kind: 'flat-network',
      severity: 'medium',
      title: `shares ${opts.mixedSegment.key} with ${opts.mixedSegment.others.join(', ')} devices`,
      detail: 'a compromised non-medical device on the same broadcast domain can reach it directly',
      source: opts.mixedSegment.key,
    });
  }
  if (s.mds2) {
    const m = s.mds2;
    if (m.storesPhi) out.push({ kind: 'mds2-phi', severity: 'medium', title: 'stores patient data (MDS2)', detail: m.evidence.storesPhi ?? 'MDS2: PHI stored', source: m.source });
    if (m.remoteService) out.push({ kind: 'mds2-remote-service', severity: 'medium', title: 'remote service access (MDS2)', detail: m.evidence.remoteService ?? 'MDS2: remote service', source: m.source });
    if (m.patchable === false) out.push({ kind: 'mds2-not-patchable', severity: 'medium', title: 'cannot be patched by the hospital (MDS2)', detail: m.evidence.patchable ?? 'MDS2: not patchable', source: m.source });
  }
  return out;
}

function severityFromCvss(score: number | undefined, sure: boolean): SignalSeverity {
  if (score === undefined) return sure ? 'medium' : 'low';
  const s: SignalSeverity = score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (sure) return s;
  return s === 'critical' ? 'high' : s === 'high' ? 'medium' : 'low';
}
