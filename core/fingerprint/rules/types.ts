// Rules are typed data (p0f keeps p0f.fp apart from its matchers): each says which evidence it reads,
// what it must match, what it then claims about the device and how strongly, and where that knowledge
// comes from. Matchers (../match.ts) are code; they never hold knowledge of their own.
import type { ObservationKind } from '../../model/observation';
import type { SourceId } from './sources';

/** The attributes identification decides. */
export const ATTRIBUTES = ['type', 'maker', 'model', 'os', 'firmware', 'modality'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/**
 * Evidence families. Facts from one family are correlated (a device's DHCP hostname and vendor class
 * come from the same DHCP client), so within a family only the strongest claim counts; independent
 * families reinforce each other.
 */
export type Family =
  | 'oui'
  | 'dhcp'
  | 'dhcp-fingerprint'
  | 'hostname'
  | 'mdns'
  | 'ssdp'
  | 'http'
  | 'tls'
  | 'lldp'
  | 'cdp'
  | 'snmp'
  | 'dicom'
  | 'hl7'
  | 'bacnet'
  | 'dns'
  | 'nbns'
  | 'stated'
  /** Take the family of the evidence kind the rule matched (rules that read many kinds). */
  | 'auto';

/** One thing a rule says when it fires. strength: 0..1, how much this alone supports the value. */
export interface Claim {
  attribute: Attribute;
  value: string;
  strength: number;
}

/** A claim whose value comes from a regex capture group ("$1"), e.g. a model name in a banner. */
export interface CaptureClaim {
  attribute: Attribute;
  /** Template with $1..$9 replaced by capture groups; a claim with an empty result is dropped. */
  template: string;
  strength: number;
}

export interface RuleBase {
  /** Stable id: "<area>.<name>", shown in verdicts for traceability. */
  id: string;
  family: Family;
  /** Short human label of what matched, with {v} replaced by the (clipped) evidence value. */
  label: string;
  claims: Claim[];
  captures?: CaptureClaim[];
  source: SourceId;
  /** Extra provenance: the exact document, section or registry row. */
  ref?: string;
}

/** Regex over the value of one or more evidence kinds. */
export interface PatternRule extends RuleBase {
  kinds: readonly ObservationKind[];
  pattern: RegExp;
}

/** An organisation number registry entry (IANA PEN, BACnet vendor id). */
export interface NumberRule extends RuleBase {
  number: number;
}

/** An OID/UID root (DICOM implementation class UID roots). */
export interface RootRule extends RuleBase {
  root: string;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
