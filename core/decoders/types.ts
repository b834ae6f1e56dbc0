// The decoder contract (after cap's decode(bytes, offset) → { value, next } and Zeek's "violation"
// instead of a crash). Decoders are pure, never throw, and never keep payload: they emit identity
// observations only.
import type { Mac } from '../model/ids';
import type { EvidenceSource, Observation } from '../model/observation';

/** What the lower layers learned about the packet an application decoder is looking at. */
export interface PacketContext {
  ts: number;
  source: EvidenceSource;
  srcMac?: Mac;
  dstMac?: Mac;
  vlan?: number;
  srcIp?: string;
  dstIp?: string;
  transport?: 'udp' | 'tcp';
  srcPort?: number;
  dstPort?: number;
}

/**
 * ok: decoded (observations may have been emitted);
 * violation: the bytes do not follow the protocol (counted, never fatal);
 * skip: not this protocol after all (a port is a hint, never proof).
 */
export type DecodeStatus = 'ok' | 'violation' | 'skip';

export type Emit = (o: Observation) => void;

/** An application (or link-level, e.g. LLDP) decoder: bytes in, observations out. */
export type AppDecoder = (payload: Uint8Array, ctx: PacketContext, emit: Emit) => DecodeStatus;
