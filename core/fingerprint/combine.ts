// Evidence → Identification. Each attribute (type, maker, model, OS, firmware, modality; category
// follows the type) is decided on its own:
//
//  1. Every hit's claims are grouped by value. Within one evidence family (DHCP, OUI, SSDP…) only the
//     strongest claim for a value counts: a device repeating itself is not corroboration.
//  2. Independent families combine as a noisy-OR: support = 1 − Π(1 − s_family).
//  3. A generic value (type "medical-device", OS "Linux") is consistent with its refinements
//     ("infusion-pump", "Linux 3.14"): families that only say the generic thing lend a refinement half
//     their strength (GENERIC_SHARE), never the full amount, so a generic hint cannot make a guess.
//  4. Incompatible values compete: confidence = support × (1 − CONFLICT_WEIGHT × r), where r is the
//     strongest rival's support rescaled above RIVAL_FLOOR (a rival at or below the floor costs nothing).
//  5. Below ANSWER_THRESHOLD the answer is "unknown" (the candidates are listed, not chosen).
//
// Everything here is a function of the set of hits, never of their order, so the verdict does not
// depend on which packet came first (tested by shuffling). A person's override always wins and is
// never flipped by evidence, while the inferred verdict and its evidence stay visible beside it.
import type { AttributeVerdict, Device, DeviceCategory, Identification } from '../model/device';
import type { DeviceId } from '../model/ids';
import type { IdentityOverrides, OverridableAttribute } from '../model/identity-override';
import { matchDevice, type Hit } from './match';
import type { MacVendor, OuiLookup } from './oui';
import { isModuleMaker } from './rules/makers';
import { endOfSupport } from './rules/os';
import { SOURCES } from './rules/sources';
import { ATTRIBUTES, type Attribute } from './rules/types';
import { CATEGORY_LABELS, categoryOf, MODALITY_KINDS, typeInfo, typeLabel } from './taxonomy';

export const ANSWER_THRESHOLD = 0.6;
export const CONFLICT_WEIGHT = 0.6;
export const GENERIC_SHARE = 0.5;
/** Rivals weaker than this are noise (a generic DHCP fingerprint, a module maker's OUI): no penalty. */
export const RIVAL_FLOOR = 0.3;

const GENERIC_TYPES = new Set(['medical-device', 'iot-device', 'network-device']);

export interface IdentifyOptions {
  /** MAC-vendor lookup (electron/services/oui-table.ts loadOuiLookup()). Without it, no OUI evidence. */
  oui?: OuiLookup;
}

interface Support {
  value: string;
  /** family → strongest hit for this value in that family */
  own: Map<string, { strength: number; hit: Hit }>;
}

const key = (attr: Attribute, v: string) => (attr === 'maker' || attr === 'type' || attr === 'modality' ? v : v.toLowerCase());

/** u is a strictly more generic statement than v (consistent with v, says less). */
function generalizes(attr: Attribute | 'category', u: string, v: string): boolean {
  if (u === v) return false;
  if (attr === 'type') return GENERIC_TYPES.has(u) && !GENERIC_TYPES.has(v) && categoryOf(u) === categoryOf(v);
  if (attr === 'os' || attr === 'model') {
    const a = u.toLowerCase();
    const b = v.toLowerCase();
    return b.length > a.length && b.startsWith(a) && /[\s/(.-]/.test(b.charAt(a.length));
  }
  return false;
}

function compatible(attr: Attribute | 'category', u: string, v: string): boolean {
  return u === v || generalizes(attr, u, v) || generalizes(attr, v, u);
}

function noisyOr(strengths: Iterable<number>): number {
  let p = 1;
  for (const s of strengths) p *= 1 - s;
  return 1 - p;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Scored {
  value: string;
  confidence: number;
  support: number;
  contributors: Array<{ strength: number; hit: Hit }>;
}

/** Score every candidate value of one attribute from the claims in hits. Deterministic order. */
function score(attr: Attribute | 'category', claims: Array<{ value: string; strength: number; hit: Hit }>): Scored[] {
  const byValue = new Map<string, Support>();
  for (const c of claims) {
    const k = attr === 'category' || attr === 'type' || attr === 'maker' || attr === 'modality' ? c.value : key(attr, c.value);
    let s = byValue.get(k);
    if (!s) byValue.set(k, (s = { value: c.value, own: new Map() }));
    // Prefer the most specific spelling deterministically when case differs.
    if (c.value < s.value) s.value = c.value;
    const prev = s.own.get(c.hit.family);
    if (!prev || c.strength > prev.strength || (c.strength === prev.strength && c.hit.ruleId < prev.hit.ruleId)) {
      s.own.set(c.hit.family, { strength: c.strength, hit: c.hit });
    }
  }
  const values = [...byValue.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const ownSupport = new Map(values.map((s) => [s.value, noisyOr([...s.own.values()].map((x) => x.strength))]));

  const scored: Scored[] = [];
  for (const s of values) {
    const perFamily = new Map<string, { strength: number; hit: Hit }>();
    for (const [f, x] of s.own) perFamily.set(f, x);
    for (const g of values) {
      if (!generalizes(attr, g.value, s.value)) continue;
      for (const [f, x] of g.own) {
        if (s.own.has(f)) continue; // that family already spoke about the specific value
        const lent = x.strength * GENERIC_SHARE;
        const prev = perFamily.get(f);
        if (!prev || lent > prev.strength) perFamily.set(f, { strength: lent, hit: x.hit });
      }
    }
    const support = noisyOr([...perFamily.values()].map((x) => x.strength));
    let rival = 0;
    for (const o of values) if (!compatible(attr, o.value, s.value)) rival = Math.max(rival, ownSupport.get(o.value) ?? 0);
    const contributors = [...perFamily.values()].sort((a, b) => b.strength - a.strength || (a.hit.ruleId < b.hit.ruleId ? -1 : 1));
    const r = Math.max(0, rival - RIVAL_FLOOR) / (1 - RIVAL_FLOOR);
    scored.push({ value: s.value, support, confidence: support * (1 - CONFLICT_WEIGHT * r), contributors });
  }
  const specificity = (v: string) => (attr === 'type' && GENERIC_TYPES.has(v) ? 0 : v.length);
  scored.sort(
    (a, b) =>
      b.confidence - a.confidence || specificity(b.value) - specificity(a.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return scored;
}

function verdictFrom(attr: Attribute | 'category', scoredIn: Scored[]): AttributeVerdict | undefined {
  let scored = scoredIn;
  let best = scored[0];
  if (!best) return undefined;
  // A generic answer gives way to a consistent, more specific one that is itself good enough
  // ("medical-device" 0.91 with "infusion-pump" 0.88 → infusion pump).
  const refined = scored.find((s) => s.confidence >= ANSWER_THRESHOLD && generalizes(attr, best!.value, s.value));
  if (refined) {
    best = refined;
    scored = [refined, ...scored.filter((s) => s !== refined)];
  }
  const alternatives = scored.slice(best.confidence >= ANSWER_THRESHOLD ? 1 : 0, 4).map((s) => ({ value: s.value, confidence: round(s.confidence) }));
  const evidence: Array<{ kind: string; value: string }> = [];
  const seenEv = new Set<string>();
  for (const c of best.contributors) {
    const k = c.hit.evidence.kind + '\u0000' + c.hit.evidence.value;
    if (seenEv.has(k)) continue;
    seenEv.add(k);
    evidence.push({ kind: c.hit.evidence.kind, value: c.hit.evidence.value });
  }
  if (best.confidence < ANSWER_THRESHOLD) {
    return {
      value: 'unknown',
      confidence: round(best.confidence),
      reasons: [
        `not enough evidence: best candidate ${display(attr, best.value)} at ${best.confidence.toFixed(2)} (needs ${ANSWER_THRESHOLD})`,
        ...uniq(best.contributors.map((c) => c.hit.reason)),
      ],
      rules: [],
      evidence,
      alternatives,
    };
  }
  return {
    value: best.value,
    confidence: round(best.confidence),
    reasons: uniq(best.contributors.map((c) => c.hit.reason)),
    rules: uniq(best.contributors.map((c) => c.hit.ruleId)),
    evidence,
    ...(alternatives.length ? { alternatives } : {}),
  };
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function display(attr: Attribute | 'category', value: string): string {
  if (attr === 'type') return typeLabel(value).toLowerCase();
  if (attr === 'category') return CATEGORY_LABELS[value as DeviceCategory] ?? value;
  if (attr === 'modality') return `${value} (${MODALITY_KINDS[value as keyof typeof MODALITY_KINDS] ?? value})`;
  return `'${value}'`;
}

/** "DHCP vendor class 'CareFusion…' + OUI of BD → infusion pump, 0.93" */
export function explain(attr: Attribute | 'category', v: AttributeVerdict): string {
  if (v.byPerson) return `${v.reasons[0] ?? 'set by a person'} → ${display(attr, v.value)}`;
  if (v.value === 'unknown') return `${v.reasons[0] ?? 'no evidence'}`;
  return `${v.reasons.slice(0, 3).join(' + ')} → ${display(attr, v.value)}, ${v.confidence.toFixed(2)}`;
}

function categoryVerdict(hits: Hit[], type: AttributeVerdict | undefined): AttributeVerdict | undefined {
  const claims: Array<{ value: string; strength: number; hit: Hit }> = [];
  for (const h of hits) {
    for (const c of h.claims) {
      if (c.attribute !== 'type') continue;
      const cat = categoryOf(c.value);
      if (cat !== 'unknown') claims.push({ value: cat, strength: c.strength, hit: h });
    }
  }
  const scored = score('category', claims);
  const v = verdictFrom('category', scored);
  if (type && type.value !== 'unknown') {
    const cat = categoryOf(type.value);
    const same = scored.find((s) => s.value === cat);
    const conf = Math.max(type.confidence, same ? round(same.confidence) : 0);
    return { value: cat, confidence: conf, reasons: [`${typeLabel(type.value)} is ${CATEGORY_LABELS[cat]}`, ...type.reasons], rules: type.rules, evidence: type.evidence ?? [] };
  }
  return v;
}

function applyOverride(attr: OverridableAttribute, inferred: AttributeVerdict | undefined, o: NonNullable<IdentityOverrides[OverridableAttribute]>): AttributeVerdict {
  const when = new Date(o.at).toISOString().slice(0, 10);
  const reasons = [`set by ${o.by} on ${when}${o.note ? ` (${o.note})` : ''}`];
  if (inferred) {
    if (inferred.value === o.value) reasons.push(`evidence agrees (${inferred.confidence.toFixed(2)})`);
    else if (inferred.value === 'unknown') reasons.push('evidence alone does not decide');
    else reasons.push(`evidence suggests ${display(attr, inferred.value)} (${inferred.confidence.toFixed(2)}); the person's value stands`);
    reasons.push(...inferred.reasons);
  }
  return {
    value: o.value,
    confidence: 1,
    reasons,
    rules: inferred?.rules ?? [],
    byPerson: true,
    evidence: inferred?.evidence ?? [],
    ...(inferred && inferred.value !== o.value && inferred.value !== 'unknown'
      ? { alternatives: [{ value: inferred.value, confidence: inferred.confidence }] }
      : {}),
  };
}

function macVendorOf(device: Pick<Device, 'mac'>, oui?: OuiLookup): MacVendor | undefined {
  if (!device.mac) return undefined;
  if (!oui) return undefined;
  return oui.lookup(device.mac);
}

/**
 * Identify one device from its evidence. Pure and deterministic: the same device, overrides and
 * lookup give the same Identification, whatever order the evidence is in.
 */
export function identify(device: Pick<Device, 'mac' | 'evidence'>, overrides?: IdentityOverrides, options: IdentifyOptions = {}): Identification {
  const vendor = macVendorOf(device, options.oui);
  const hits = matchDevice(device, vendor);
  const out: Identification = {};

  const inferred: Partial<Record<Attribute | 'category', AttributeVerdict>> = {};
  for (const attr of ATTRIBUTES) {
    const claims: Array<{ value: string; strength: number; hit: Hit }> = [];
    for (const h of hits) for (const c of h.claims) if (c.attribute === attr) claims.push({ value: c.value, strength: c.strength, hit: h });
    const v = verdictFrom(attr, score(attr, claims));
    if (v) inferred[attr] = v;
  }
  inferred.category = categoryVerdict(hits, inferred.type);

  const final: Partial<Record<Attribute | 'category', AttributeVerdict>> = { ...inferred };
  for (const attr of ['type', 'maker', 'model', 'os', 'firmware', 'modality'] as const) {
    const o = overrides?.[attr];
    if (o) final[attr] = applyOverride(attr, inferred[attr], o);
  }
  // Category follows a person's type unless the person also set the category.
  if (overrides?.category) final.category = applyOverride('category', inferred.category, overrides.category);
  else if (overrides?.type) {
    const cat = categoryOf(overrides.type.value);
    if (cat !== 'unknown') final.category = { value: cat, confidence: 1, byPerson: true, reasons: [`from the type set by ${overrides.type.by}`], rules: [], evidence: [] };
  }
  // A modality only makes sense for imaging types.
  const t = final.type?.value;
  if (final.modality && !final.modality.byPerson && t && t !== 'unknown' && t !== 'imaging-modality' && t !== 'ultrasound') delete final.modality;

  if (final.category) out.category = final.category;
  if (final.type) out.type = final.type;
  if (final.modality) out.modality = final.modality;
  if (final.maker) out.maker = final.maker;
  if (final.model) out.model = final.model;
  if (final.os) out.os = final.os;
  if (final.firmware) out.firmware = final.firmware;

  const os = final.os?.value;
  if (os && os !== 'unknown') {
    const eos = endOfSupport(os);
    if (eos) {
      out.endOfSupport = {
        os: eos.os,
        since: eos.since,
        reason: `${eos.os} is out of vendor support since ${eos.since} (${SOURCES[eos.source].title})${eos.note ? `; ${eos.note}` : ''}`,
      };
    }
  }

  if (device.mac && options.oui) {
    const v = vendor ?? {};
    const mv: NonNullable<Identification['macVendor']> = {};
    if (v.name) mv.name = v.name;
    if (v.prefix) mv.prefix = v.prefix;
    if (v.randomized) mv.randomized = true;
    if (v.note) mv.note = v.note;
    else if (v.name && isModuleMaker(v.name)) mv.note = 'registered to a radio/NIC module maker: the device itself is probably made by someone else';
    out.macVendor = mv;
  }
  return out;
}

/** How much evidence a device has (for the "unknown devices" worklist: most evidence first). */
export function evidenceWeight(device: Pick<Device, 'evidence'>): number {
  const kinds = new Set(device.evidence.map((e) => e.kind));
  kinds.delete('ip');
  return kinds.size;
}

/**
 * Identify every device (the CLI's and services' entry point): returns copies with `identity` set.
 * overrides: a person's corrections by device id.
 */
export function identifyAll<D extends Pick<Device, 'id' | 'mac' | 'evidence'>>(
  devices: readonly D[],
  oui?: OuiLookup,
  overrides?: ReadonlyMap<DeviceId, IdentityOverrides> | Readonly<Record<string, IdentityOverrides>>,
): Array<D & { identity: Identification }> {
  const get = (id: DeviceId): IdentityOverrides | undefined =>
    overrides instanceof Map ? overrides.get(id) : (overrides as Readonly<Record<string, IdentityOverrides>> | undefined)?.[id];
  return devices.map((d) => ({ ...d, identity: identify(d, get(d.id), oui ? { oui } : {}) }));
}

/** Is the type known well enough to treat the device as that type (probe policy, worklists)? */
export function knownType(id: Identification | undefined): string | undefined {
  const v = id?.type?.value;
  return v && v !== 'unknown' && typeInfo(v) ? v : undefined;
}
