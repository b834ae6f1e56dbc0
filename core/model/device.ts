// A device is what the network shows: observations merged by MAC (or by IP for devices seen only by
// address, e.g. behind a router). Identification (core/fingerprint) adds verdicts with evidence.
import type { DeviceId, Mac } from './ids';
import type { EvidenceSource, ObservationKind } from './observation';

/** One distinct fact about a device, with how often and when it was seen. */
export interface Evidence {
  kind: ObservationKind;
  value: string;
  proto: string;
  source: EvidenceSource;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

/** A verdict on one attribute (type, maker, model, os…) with its confidence and reasons. */
export interface AttributeVerdict {
  value: string;
  /** 0..1 */
  confidence: number;
  /** Human-readable reasons, strongest first: "DHCP vendor class 'CareFusion…'". */
  reasons: string[];
  /** Rule ids that fired, for traceability to rule data and its provenance. */
  rules: string[];
  /** True when a person set it: it outranks every inference. */
  byPerson?: boolean;
  /** The evidence behind the verdict (kind and value), strongest first. Added by core/fingerprint. */
  evidence?: Array<{ kind: string; value: string }>;
  /** Other values the evidence supported, with their confidence (shown when the answer is "unknown"). */
  alternatives?: Array<{ value: string; confidence: number }>;
}

export type DeviceCategory = 'medical' | 'it' | 'iot' | 'building' | 'network' | 'unknown';

export interface Identification {
  category?: AttributeVerdict;
  type?: AttributeVerdict;
  /** Imaging modality kind (CT, MR, XR, US…) when type is an imaging modality. */
  modality?: AttributeVerdict;
  maker?: AttributeVerdict;
  model?: AttributeVerdict;
  os?: AttributeVerdict;
  firmware?: AttributeVerdict;
  /** OS known to be out of vendor support. */
  endOfSupport?: { os: string; since: string; reason: string };
  /** Vendor registered for the MAC's OUI (often the NIC chip maker), or why there is none. */
  macVendor?: { name?: string; prefix?: string; randomized?: boolean; note?: string };
}

export interface Device {
  id: DeviceId;
  mac?: Mac;
  ips: string[];
  hostnames: string[];
  firstSeen: number;
  lastSeen: number;
  packets: number;
  /** MAC fronts many IPs (a router or gateway): its IPs are not its own identity. */
  router?: boolean;
  /** Known only by IP (no MAC seen, e.g. beyond a router or from a log without MACs). */
  ipOnly?: boolean;
  evidence: Evidence[];
  identity?: Identification;
  /** When Wardwalk first stored this device (wall clock), for "new since the last survey". */
  recordedAt?: number;
}
