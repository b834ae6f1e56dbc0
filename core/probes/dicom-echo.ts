// DICOM Verification (C-ECHO) over the Upper Layer protocol: the PDUs a well-behaved SCU sends for one
// echo, and the parsing of what the SCP answers. References: DICOM PS3.8 §9.3 (A-ASSOCIATE-RQ/AC/RJ,
// P-DATA-TF, A-RELEASE-RQ/RP, A-ABORT), PS3.7 §9.3.5 (C-ECHO-RQ/RSP) and Annex E (command dictionary),
// PS3.5 §10 (transfer syntaxes), PS3.4 Annex A (Verification SOP class 1.2.840.10008.1.1).
// Only a command set is ever sent (no data set, no patient data); decoding keeps identity fields only.

export const VERIFICATION_SOP_CLASS = '1.2.840.10008.1.1';
export const IMPLICIT_VR_LE = '1.2.840.10008.1.2';
export const APPLICATION_CONTEXT = '1.2.840.10008.3.1.1.1';
/** Wardwalk's implementation class UID: a UUID-derived UID (PS3.5 §B.2), so no org root is claimed. */
export const WARDWALK_IMPL_CLASS_UID = '2.25.167163429014245716930471396722151528011';
export const WARDWALK_IMPL_VERSION = 'WARDWALK_0.1';

const enc = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0x7f);
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** An AE title field: 16 bytes, space padded (PS3.8 §9.3.2). */
function aeField(ae: string): number[] {
  const b = enc(ae.slice(0, 16));
  while (b.length < 16) b.push(0x20);
  return b;
}

function item(type: number, body: number[]): number[] {
  return [type, 0, ...u16(body.length), ...body];
}

/** A-ASSOCIATE-RQ proposing only Verification with Implicit VR Little Endian. */
export function encodeAssociateRq(callingAe: string, calledAe: string, maxPdu = 16384): Uint8Array {
  const pc = item(0x20, [1, 0, 0, 0, ...item(0x30, enc(VERIFICATION_SOP_CLASS)), ...item(0x40, enc(IMPLICIT_VR_LE))]);
  const user = item(0x50, [...item(0x51, u32(maxPdu)), ...item(0x52, enc(WARDWALK_IMPL_CLASS_UID)), ...item(0x55, enc(WARDWALK_IMPL_VERSION))]);
  const body = [...u16(1), 0, 0, ...aeField(calledAe), ...aeField(callingAe), ...new Array<number>(32).fill(0), ...item(0x10, enc(APPLICATION_CONTEXT)), ...pc, ...user];
  return Uint8Array.from([0x01, 0, ...u32(body.length), ...body]);
}

function element(group: number, el: number, value: number[]): number[] {
  return [...le16(group), ...le16(el), ...le32(value.length), ...value];
}

/** P-DATA-TF carrying one C-ECHO-RQ command set (Implicit VR LE), presentation context 1. */
export function encodeEchoRq(messageId: number): Uint8Array {
  const uid = enc(VERIFICATION_SOP_CLASS);
  if (uid.length % 2) uid.push(0); // UI values are padded to even length with NUL (PS3.5 §6.2)
  const rest = [
    ...element(0x0000, 0x0002, uid), // Affected SOP Class UID
    ...element(0x0000, 0x0100, le16(0x0030)), // Command Field: C-ECHO-RQ
    ...element(0x0000, 0x0110, le16(messageId & 0xffff)), // Message ID
    ...element(0x0000, 0x0800, le16(0x0101)), // Command Data Set Type: no data set
  ];
  const cmd = [...element(0x0000, 0x0000, le32(rest.length)), ...rest];
  const pdv = [1 /* pc id */, 0x03 /* command, last fragment */, ...cmd];
  const body = [...u32(pdv.length), ...pdv];
  return Uint8Array.from([0x04, 0, ...u32(body.length), ...body]);
}

export function encodeReleaseRq(): Uint8Array {
  return Uint8Array.from([0x05, 0, ...u32(4), 0, 0, 0, 0]);
}

export function encodeAbort(): Uint8Array {
  return Uint8Array.from([0x07, 0, ...u32(4), 0, 0, 0, 0]);
}

// ---------------------------------------------------------------------------------------------

/** Split a byte stream into PDUs: { type, body } each, and how many bytes were used. */
export function splitPdus(b: Uint8Array, maxLen = 1 << 20): { pdus: Array<{ type: number; body: Uint8Array }>; used: number; bad: boolean } {
  const pdus: Array<{ type: number; body: Uint8Array }> = [];
  let p = 0;
  while (p + 6 <= b.length) {
    const type = b[p]!;
    const len = ((b[p + 2]! << 24) >>> 0) + (b[p + 3]! << 16) + (b[p + 4]! << 8) + b[p + 5]!;
    if (type < 1 || type > 7 || len > maxLen) return { pdus, used: p, bad: true };
    if (p + 6 + len > b.length) break;
    pdus.push({ type, body: b.subarray(p + 6, p + 6 + len) });
    p += 6 + len;
  }
  return { pdus, used: p, bad: false };
}

const text = (b: Uint8Array, s: number, e: number) => {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === 0) continue;
    out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ' ';
  }
  return out.trim();
};

export interface AssociateAc {
  calledAe: string;
  callingAe: string;
  /** Presentation context result: 0 acceptance, 1 user-rejection, 2 no-reason, 3 abstract syntax, 4 transfer syntax. */
  pcResult: number | undefined;
  implClassUid?: string;
  implVersion?: string;
  maxPdu?: number;
}

/** A-ASSOCIATE-AC body (after the 6-byte PDU header); undefined when malformed. */
export function decodeAssociateAc(body: Uint8Array): AssociateAc | undefined {
  if (body.length < 68) return undefined;
  const out: AssociateAc = { calledAe: text(body, 4, 20), callingAe: text(body, 20, 36), pcResult: undefined };
  let p = 68;
  while (p + 4 <= body.length) {
    const type = body[p]!;
    const len = (body[p + 2]! << 8) | body[p + 3]!;
    const s = p + 4;
    const e = s + len;
    if (e > body.length) return undefined;
    if (type === 0x21 && len >= 4 && out.pcResult === undefined) out.pcResult = body[s + 2];
    if (type === 0x50) {
      let q = s;
      while (q + 4 <= e) {
        const st = body[q]!;
        const sl = (body[q + 2]! << 8) | body[q + 3]!;
        const ss = q + 4;
        if (ss + sl > e) return undefined;
        if (st === 0x52) out.implClassUid = text(body, ss, ss + Math.min(sl, 64));
        if (st === 0x55) out.implVersion = text(body, ss, ss + Math.min(sl, 16));
        if (st === 0x51 && sl === 4) out.maxPdu = ((body[ss]! << 24) >>> 0) + (body[ss + 1]! << 16) + (body[ss + 2]! << 8) + body[ss + 3]!;
        q = ss + sl;
      }
    }
    p = e;
  }
  return out;
}

/** A-ASSOCIATE-RJ body: result (1 permanent, 2 transient), source, reason (PS3.8 Table 9-21). */
export function decodeAssociateRj(body: Uint8Array): { result: number; source: number; reason: number } | undefined {
  if (body.length < 4) return undefined;
  return { result: body[1]!, source: body[2]!, reason: body[3]! };
}

/** Status of a C-ECHO-RSP inside a P-DATA-TF body; undefined when it is not one. */
export function decodeEchoRsp(body: Uint8Array): { status: number; messageIdBeingRespondedTo?: number } | undefined {
  let p = 0;
  let commandField: number | undefined;
  let status: number | undefined;
  let respondedTo: number | undefined;
  while (p + 6 <= body.length) {
    const len = ((body[p]! << 24) >>> 0) + (body[p + 1]! << 16) + (body[p + 2]! << 8) + body[p + 3]!;
    const s = p + 4;
    const e = s + len;
    if (len < 2 || e > body.length) return undefined;
    const ctrl = body[s + 1]!;
    if (ctrl & 1) {
      let q = s + 2;
      while (q + 8 <= e) {
        const g = body[q]! | (body[q + 1]! << 8);
        const el = body[q + 2]! | (body[q + 3]! << 8);
        const vl = (body[q + 4]! | (body[q + 5]! << 8) | (body[q + 6]! << 16) | (body[q + 7]! << 24)) >>> 0;
        const vs = q + 8;
        if (vs + vl > e) return undefined;
        if (g === 0 && vl === 2) {
          const v = body[vs]! | (body[vs + 1]! << 8);
          if (el === 0x0100) commandField = v;
          if (el === 0x0900) status = v;
          if (el === 0x0120) respondedTo = v;
        }
        q = vs + vl;
      }
    }
    p = e;
  }
  if (commandField !== 0x8030 || status === undefined) return undefined;
  return respondedTo === undefined ? { status } : { status, messageIdBeingRespondedTo: respondedTo };
}
