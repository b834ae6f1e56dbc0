// Matchers: code that applies the rule data (rules/*) to a device's evidence and returns hits: which
// rule fired on which piece of evidence, and what it claims. No knowledge lives here; every claim
// comes from a rule with a source. Pure and deterministic: the same evidence gives the same hits in
// the same order, whatever order the evidence arrived in.
import type { Device } from '../model/device';
import type { ObservationKind } from '../model/observation';
import type { MacVendor } from './oui';
import { FINGERBANK_ROWS, type FingerbankRow } from './rules/fingerbank-dhcp';
import { canonicalMaker, isModuleMaker, MAKER_ALIASES, OUI_TYPE_RULES } from './rules/makers';
import { normalizeOs } from './rules/os';
import { BACNET_VENDOR_RULES, DICOM_ROOT_RULES, PEN_RULES } from './rules/registries';
import { PATTERN_RULES } from './rules/signals';
import type { SourceId } from './rules/sources';
import { clamp01, type Attribute, type Claim, type Family, type NumberRule, type PatternRule } from './rules/types';

export interface Hit {
  ruleId: string;
  family: Exclude<Family, 'auto'>;
  /** Human reason: "DHCP vendor class 'CareFusion…'". */
  reason: string;
  claims: Claim[];
  /** The evidence the rule read ("oui" for the MAC's registry entry). */
  evidence: { kind: ObservationKind | 'oui'; value: string };
  source: SourceId;
}

const KIND_FAMILY: Partial<Record<ObservationKind, Exclude<Family, 'auto'>>> = {
  'dhcp-vendor-class': 'dhcp', 'dhcp-prl': 'dhcp-fingerprint', hostname: 'hostname', fqdn: 'hostname',
  'nbns-name': 'nbns', 'llmnr-name': 'nbns', 'mdns-service': 'mdns', 'mdns-instance': 'mdns', 'mdns-txt': 'mdns',
  'ssdp-server': 'ssdp', 'ssdp-nt': 'ssdp', 'ssdp-usn': 'ssdp', 'ssdp-location': 'ssdp',
  'http-user-agent': 'http', 'http-server': 'http', 'tls-sni': 'tls', 'tls-cert-subject': 'tls', 'tls-cert-issuer': 'tls',
  'lldp-system-desc': 'lldp', 'lldp-system-name': 'lldp', 'lldp-capabilities': 'lldp',
  'cdp-platform': 'cdp', 'cdp-software': 'cdp', 'cdp-device-id': 'cdp', 'cdp-capabilities': 'cdp',
  'snmp-sys-descr': 'snmp', 'snmp-sys-object-id': 'snmp', 'snmp-sys-name': 'snmp',
  'dicom-impl-class-uid': 'dicom', 'dicom-impl-version': 'dicom', 'dicom-calling-ae': 'dicom', 'dicom-called-ae': 'dicom',
  'hl7-sending-app': 'hl7', 'hl7-sending-facility': 'hl7', 'bacnet-vendor-id': 'bacnet', 'dns-query': 'dns',
  os: 'stated', software: 'stated',
};

/**
 * Names a person can set (host names, AE titles, mDNS instance names) say less than strings firmware
 * writes (vendor class, SERVER header, sysDescr): rules that read many kinds are discounted on them.
 */
const KIND_WEIGHT: Partial<Record<ObservationKind, number>> = {
  hostname: 0.75, fqdn: 0.7, 'nbns-name': 0.7, 'llmnr-name': 0.7, 'mdns-instance': 0.85, 'snmp-sys-name': 0.7,
  'lldp-system-name': 0.7, 'cdp-device-id': 0.7, 'dicom-calling-ae': 0.6, 'tls-cert-subject': 0.8,
};

/** How a kind is named in reasons ("DHCP vendor class 'CareFusion…'"), for rules that read many kinds. */
const KIND_LABEL: Partial<Record<ObservationKind, string>> = {
  'dhcp-vendor-class': 'DHCP vendor class', hostname: 'host name', fqdn: 'FQDN', 'nbns-name': 'NetBIOS name',
  'mdns-instance': 'mDNS instance', 'mdns-txt': 'mDNS TXT', 'ssdp-server': 'SSDP SERVER', 'http-user-agent': 'HTTP User-Agent',
  'http-server': 'HTTP Server', 'snmp-sys-descr': 'SNMP sysDescr', 'snmp-sys-name': 'SNMP sysName',
  'lldp-system-desc': 'LLDP system description', 'lldp-system-name': 'LLDP system name', 'cdp-platform': 'CDP platform',
  'cdp-device-id': 'CDP device id', 'hl7-sending-app': 'HL7 sending application', 'dicom-impl-version': 'DICOM implementation version',
  'dicom-calling-ae': 'DICOM calling AE', 'tls-cert-subject': 'TLS certificate subject', software: 'stated software', os: 'stated OS',
};

/** Maker strength from an OUI registration: the registrant usually made the device… */
const OUI_MAKER_STRENGTH = 0.7;
/** …unless it makes radio modules / NICs / boards for others. */
const OUI_MODULE_MAKER_STRENGTH = 0.3;

function clip(v: string, n = 48): string {
  return v.length > n ? v.slice(0, n - 1) + '…' : v;
}

const patternIndex: Map<ObservationKind, PatternRule[]> = (() => {
  const m = new Map<ObservationKind, PatternRule[]>();
  for (const r of PATTERN_RULES) {
    for (const k of r.kinds) {
      let list = m.get(k);
      if (!list) m.set(k, (list = []));
      list.push(r);
    }
  }
  return m;
})();

const penIndex = new Map(PEN_RULES.map((r) => [r.number, r]));
const bacnetIndex = new Map(BACNET_VENDOR_RULES.map((r) => [r.number, r]));
const dicomRoots = [...DICOM_ROOT_RULES].sort((a, b) => b.root.length - a.root.length);

let fingerbankIndex: Map<string, FingerbankRow[]> | undefined;
function fingerbankByPrl(): Map<string, FingerbankRow[]> {
  if (fingerbankIndex) return fingerbankIndex;
  const m = new Map<string, FingerbankRow[]>();
  for (const row of FINGERBANK_ROWS) {
    for (const fp of row.fp ?? []) {
      let list = m.get(fp);
      if (!list) m.set(fp, (list = []));
      if (!list.includes(row)) list.push(row);
    }
  }
  return (fingerbankIndex = m);
}

/** Fingerbank class → our type, with how much a DHCP fingerprint alone supports it. */
const FINGERBANK_CLASS_TYPE: Record<number, [string, number]> = {
  2: ['workstation', 0.4],
  3: ['ip-phone', 0.45],
  4: ['network-device', 0.4],
  7: ['media-player', 0.35],
  8: ['printer', 0.45],
  9: ['switch', 0.4],
  10: ['nas', 0.35],
  11: ['mobile-phone', 0.45],
  20: ['tv-display', 0.35],
  21: ['thin-client', 0.4],
};
const FINGERBANK_OS_CLASSES = new Set([1, 2, 5, 14, 16, 19]);
const FINGERBANK_OS_STRENGTH = 0.5;

function resolveCaptures(rule: PatternRule, m: RegExpExecArray): Claim[] {
  const out: Claim[] = [];
  for (const c of rule.captures ?? []) {
    let missing = false;
    const value = c.template
      .replace(/\$(\d)/g, (_, d: string) => {
        const g = m[Number(d)];
        if (g === undefined || g === '') missing = true;
        return g ?? '';
      })
      .trim();
    if (!missing && value) out.push({ attribute: c.attribute, value, strength: c.strength });
  }
  return out;
}

function normalizeClaim(c: Claim): Claim {
  if (c.attribute === 'os') return { ...c, value: normalizeOs(c.value) };
  if (c.attribute === 'maker') return { ...c, value: canonicalMaker(c.value) };
  return c;
}

function numberHit(rule: NumberRule, kind: ObservationKind, value: string): Hit {
  return { ruleId: rule.id, family: rule.family === 'auto' ? 'stated' : rule.family, reason: rule.label, claims: rule.claims.map(normalizeClaim), evidence: { kind, value }, source: rule.source };
}

/** Hits for the MAC's registry entry (none for randomized / unregistered MACs). */
export function matchOui(vendor: MacVendor | undefined): Hit[] {
  if (!vendor?.name) return [];
  const name = vendor.name;
  const module = isModuleMaker(name);
  const hits: Hit[] = [
    {
      ruleId: module ? 'oui.module-maker' : 'oui.maker',
      family: 'oui',
      reason: module ? `OUI of ${name} (radio/NIC module maker: says little about the device's maker)` : `OUI of ${name}`,
      claims: [{ attribute: 'maker', value: canonicalMaker(name), strength: module ? OUI_MODULE_MAKER_STRENGTH : OUI_MAKER_STRENGTH }],
      evidence: { kind: 'oui', value: `${vendor.prefix ?? ''} ${name}`.trim() },
      source: 'ieee-ra',
    },
  ];
  for (const r of OUI_TYPE_RULES) {
    if (!r.pattern.test(name)) continue;
    hits.push({ ruleId: r.id, family: 'oui', reason: r.label.replace('{v}', name), claims: r.claims.map(normalizeClaim), evidence: { kind: 'oui', value: name }, source: r.source });
  }
  return hits;
}

/** Hits for one piece of evidence. */
export function matchEvidence(kind: ObservationKind, value: string): Hit[] {
  const hits: Hit[] = [];
  for (const rule of patternIndex.get(kind) ?? []) {
    const m = rule.pattern.exec(value);
    if (!m) continue;
    const auto = rule.family === 'auto';
    const family = auto ? (KIND_FAMILY[kind] ?? 'stated') : (rule.family as Exclude<Family, 'auto'>);
    const w = auto ? (KIND_WEIGHT[kind] ?? 1) : 1;
    const claims = [...rule.claims, ...resolveCaptures(rule, m)].map((c) => normalizeClaim({ ...c, strength: clamp01(c.strength * w) }));
    const label = rule.label.replace('{v}', clip(value));
    const reason = auto && KIND_LABEL[kind] ? `${KIND_LABEL[kind]} ${label}` : label;
    hits.push({ ruleId: rule.id, family, reason, claims, evidence: { kind, value }, source: rule.source });
  }

  if (kind === 'snmp-sys-object-id') {
    const m = /^\.?1\.3\.6\.1\.4\.1\.(\d+)(\.|$)/.exec(value);
    const rule = m ? penIndex.get(Number(m[1])) : undefined;
    if (rule) hits.push(numberHit(rule, kind, value));
  } else if (kind === 'bacnet-vendor-id') {
    const n = Number(value);
    hits.push({
      ruleId: 'bacnet.device', family: 'bacnet', reason: 'answers BACnet Who-Is (I-Am): a building automation device',
      claims: [{ attribute: 'type', value: 'building-controller', strength: 0.7 }], evidence: { kind, value }, source: 'ashrae-bacnet-vendors',
    });
    const rule = Number.isInteger(n) ? bacnetIndex.get(n) : undefined;
    if (rule) hits.push(numberHit(rule, kind, value));
  } else if (kind === 'dicom-impl-class-uid') {
    const rule = dicomRoots.find((r) => value === r.root || value.startsWith(r.root + '.'));
    if (rule) hits.push({ ruleId: rule.id, family: 'dicom', reason: rule.label, claims: rule.claims.map(normalizeClaim), evidence: { kind, value }, source: rule.source });
  } else if (kind === 'dicom-calling-ae') {
    hits.push({
      ruleId: 'dicom.speaker', family: 'dicom', reason: `opens DICOM associations (calling AE '${clip(value, 16)}')`,
      claims: [{ attribute: 'type', value: 'medical-device', strength: 0.5 }], evidence: { kind, value }, source: 'dicom-ps3.7-impl',
    });
  } else if (kind === 'hl7-sending-app') {
    hits.push({
      ruleId: 'hl7.speaker', family: 'hl7', reason: `sends HL7 v2 (MSH-3 '${clip(value, 24)}')`,
      claims: [{ attribute: 'type', value: 'medical-device', strength: 0.35 }], evidence: { kind, value }, source: 'hl7-v2-msh',
    });
  } else if (kind === 'dhcp-prl') {
    const hit = fingerbankHit(value);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Fingerbank: claims only what every entry listing this option-55 list agrees on. */
function fingerbankHit(prl: string): Hit | undefined {
  const rows = fingerbankByPrl().get(prl.replace(/\s+/g, ''));
  if (!rows?.length) return undefined;
  const claims: Claim[] = [];
  const oses = new Set(rows.map((r) => (r.c !== undefined && FINGERBANK_OS_CLASSES.has(r.c) ? normalizeOs(r.d) : '')));
  const [onlyOs] = [...oses];
  if (oses.size === 1 && onlyOs) claims.push({ attribute: 'os', value: onlyOs, strength: FINGERBANK_OS_STRENGTH });
  const types = new Set(rows.map((r) => (r.c !== undefined ? (FINGERBANK_CLASS_TYPE[r.c]?.[0] ?? '') : '')));
  const [onlyType] = [...types];
  if (types.size === 1 && onlyType) claims.push({ attribute: 'type', value: onlyType, strength: FINGERBANK_CLASS_TYPE[rows[0]!.c!]![1] });
  // Only device entries name a maker: an OS entry ("Microsoft Windows XP") says nothing about who made the machine.
  const makers = new Set(rows.map((r) => (r.c !== undefined && FINGERBANK_OS_CLASSES.has(r.c) ? '' : (MAKER_ALIASES.find((a) => a.pattern.test(r.d))?.canonical ?? ''))));
  const [onlyMaker] = [...makers];
  if (makers.size === 1 && onlyMaker) claims.push({ attribute: 'maker', value: onlyMaker, strength: 0.5 });
  const names = rows.map((r) => r.d).slice(0, 3).join(' / ');
  return {
    ruleId: `fingerbank.${rows.map((r) => r.id).join('+')}`,
    family: 'dhcp-fingerprint',
    reason: `DHCP parameter list ${clip(prl, 40)} (Fingerbank: ${clip(names, 60)}${rows.length > 3 ? '…' : ''})`,
    claims,
    evidence: { kind: 'dhcp-prl', value: prl },
    source: 'fingerbank',
  };
}

/** Every hit for a device, in a canonical order (independent of evidence order). */
export function matchDevice(device: Pick<Device, 'evidence'>, macVendor?: MacVendor): Hit[] {
  const hits: Hit[] = [...matchOui(macVendor)];
  const seen = new Set<string>();
  const ev = [...device.evidence].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  for (const e of ev) {
    const key = e.kind + '\u0000' + e.value;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(...matchEvidence(e.kind, e.value));
  }
  return hits;
}

export type { Attribute };
