// HL7 v2 over MLLP (HL7 v2.x Implementation Guide: Transport Specification MLLP, Release 2: a
// message framed as 0x0b … 0x1c 0x0d). ONLY the MSH segment is read (HL7 v2.5 §2.14.9): the field
// separator is MSH's fourth character, the component separator the first encoding character.
// Kept: MSH-3/4 sending application and facility, MSH-5/6 receiving application and facility, MSH-9
// message type, MSH-12 version; each component is short and cleaned. The scan stops at the MSH
// segment terminator (CR, or LF / the MLLP trailer from sloppy senders): PID, OBX and every other
// segment, which carry patient data, are never looked at.
import type { ObservationKind } from '../model/observation';
import type { AppDecoder, DecodeStatus } from './types';
import { put, srcOf, dstOf, latin1, startsWith } from './wire';

export interface Hl7Header {
  sendingApp: string;
  sendingFacility: string;
  receivingApp: string;
  receivingFacility: string;
  messageType: string;
  version: string;
}

/** Longest MSH segment we look at; anything after this is left unread. */
const MAX_MSH = 1024;
const MAX_COMPONENT = 64;
const MAX_COMPONENTS = 4;

/** True when the payload starts an HL7 message: MLLP start block then "MSH", or a bare "MSH|". */
export function looksLikeHl7(b: Uint8Array): boolean {
  if (b[0] === 0x0b) return startsWith(b, 1, 'MSH') && b.length > 4;
  return startsWith(b, 0, 'MSH') && b.length > 3 && b[3] === 0x7c;
}

/** Index of the MSH segment end (exclusive) starting at s, bounded by MAX_MSH. */
function mshEnd(b: Uint8Array, s: number): number {
  const lim = Math.min(b.length, s + MAX_MSH);
  for (let i = s; i < lim; i++) {
    const c = b[i]!;
    if (c === 0x0d || c === 0x0a || c === 0x1c) return i;
  }
  return lim;
}

export function parseMsh(b: Uint8Array): Hl7Header | 'skip' | 'violation' {
  const s = b[0] === 0x0b ? 1 : 0;
  if (!startsWith(b, s, 'MSH') || b.length < s + 8) return 'skip';
  const fs = b[s + 3]!;
  // the field separator is printable and not alphanumeric
  if (fs < 0x21 || fs > 0x7e || (fs >= 0x30 && fs <= 0x39) || (fs >= 0x41 && fs <= 0x5a) || (fs >= 0x61 && fs <= 0x7a)) {
    return 'violation';
  }
  const end = mshEnd(b, s);
  // Split only the MSH segment into fields; field[n] is MSH-(n+1) since MSH-1 is the separator.
  const fields: string[] = ['MSH'];
  let f = s + 4;
  while (f <= end && fields.length < 12) {
    let e = f;
    while (e < end && b[e] !== fs) e++;
    fields.push(latin1(b, f, e, 256));
    f = e + 1;
  }
  const enc = fields[1] ?? '';
  const cs = enc.length > 0 ? enc[0]! : '^';
  const field = (n: number): string => {
    const raw = fields[n - 1] ?? '';
    const comps = raw.split(cs).slice(0, MAX_COMPONENTS).map((c) => c.slice(0, MAX_COMPONENT).trim());
    while (comps.length && !comps[comps.length - 1]) comps.pop();
    return comps.join('^');
  };
  return {
    sendingApp: field(3),
    sendingFacility: field(4),
    receivingApp: field(5),
    receivingFacility: field(6),
    messageType: field(9),
    version: field(12).split('^')[0] ?? '',
  };
}

const PROTO = 'hl7';

const SENDER: readonly [keyof Hl7Header, ObservationKind][] = [
  ['sendingApp', 'hl7-sending-app'],
  ['sendingFacility', 'hl7-sending-facility'],
  ['messageType', 'hl7-message-type'],
  ['version', 'hl7-version'],
];
const RECEIVER: readonly [keyof Hl7Header, ObservationKind][] = [
  ['receivingApp', 'hl7-receiving-app'],
  ['receivingFacility', 'hl7-receiving-facility'],
];

export const hl7Decoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  const h = parseMsh(b);
  if (h === 'skip' || h === 'violation') return h;
  const me = srcOf(ctx);
  const peer = dstOf(ctx);
  for (const [k, kind] of SENDER) if (h[k]) put(emit, ctx, me, kind, h[k], PROTO, 128);
  for (const [k, kind] of RECEIVER) if (h[k]) put(emit, ctx, peer, kind, h[k], PROTO, 128);
  return 'ok';
};
