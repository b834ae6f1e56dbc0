// SNMPv2c GetRequest of the system group, and its GetResponse (RFC 3416 PDUs, RFC 3418 system group,
// BER per X.690). A minimal codec of our own: core/decoders/snmp.ts did not exist when this was
// written. Encoding builds only GetRequest-PDU (tag 0xA0): there is no code path that makes a SET.
// Decoding is bounds-checked and returns undefined on anything malformed; it never throws.

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;
export type SystemField = keyof typeof SYSTEM_OIDS;
const FIELD_BY_OID = new Map<string, SystemField>(Object.entries(SYSTEM_OIDS).map(([k, v]) => [v, k as SystemField]));

export const T_INTEGER = 0x02;
export const T_OCTETS = 0x04;
export const T_NULL = 0x05;
export const T_OID = 0x06;
export const T_SEQUENCE = 0x30;
export const T_GET_REQUEST = 0xa0;
export const T_GET_RESPONSE = 0xa2;
export const T_REPORT = 0xa8;

function len(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, body: number[]): number[] {
  return [tag, ...len(body.length), ...body];
}

export function int(v: number): number[] {
  // two's complement, minimal length (request ids are kept to 31 bits)
  const out: number[] = [];
  let x = v;
  do {
    out.unshift(x & 0xff);
    x = Math.floor(x / 256);
  } while (x > 0);
  if (out[0]! & 0x80) out.unshift(0);
  return tlv(T_INTEGER, out);
}

export function encodeOid(oid: string): number[] {
  const arcs = oid.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isInteger(a) || a < 0)) throw new Error(`bad OID ${oid}`);
  const body = [arcs[0]! * 40 + arcs[1]!];
  for (const a of arcs.slice(2)) {
    const b: number[] = [a & 0x7f];
    let x = Math.floor(a / 128);
    while (x > 0) {
      b.unshift(0x80 | (x & 0x7f));
      x = Math.floor(x / 128);
    }
    body.push(...b);
  }
  return tlv(T_OID, body);
}

export const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A v2c GetRequest for `oids` (each with a NULL value, as RFC 3416 §4.2.1 asks). Only GET exists here. */
export function encodeGet(community: string, requestId: number, oids: readonly string[]): Uint8Array {
  return Uint8Array.from(tlv(T_SEQUENCE, [...int(1 /* v2c */), ...tlv(T_OCTETS, ascii(community)), ...getPdu(requestId, oids)]));
}

/** GetRequest-PDU (tag 0xA0), shared by v2c and v3. */
export function getPdu(requestId: number, oids: readonly string[]): number[] {
  const varbinds = oids.map((oid) => tlv(T_SEQUENCE, [...encodeOid(oid), T_NULL, 0]));
  return tlv(T_GET_REQUEST, [...int(requestId & 0x7fffffff), ...int(0), ...int(0), ...tlv(T_SEQUENCE, varbinds.flat())]);
}

/** The one request the executor sends: GET of the five system-group scalars. */
export function encodeSystemGet(community: string, requestId: number): Uint8Array {
  return encodeGet(community, requestId, Object.values(SYSTEM_OIDS));
}

// ---------------------------------------------------------------------------------------------

export interface Tlv {
  tag: number;
  start: number; // value start
  end: number; // value end (exclusive)
}

export function readTlv(b: Uint8Array, off: number, limit: number): Tlv | undefined {
  if (off + 2 > limit) return undefined;
  const tag = b[off]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags never appear in SNMP
  let l = b[off + 1]!;
  let p = off + 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    if (n === 0 || n > 3 || p + n > limit) return undefined;
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[p++]!;
  }
  if (p + l > limit) return undefined;
  return { tag, start: p, end: p + l };
}

export function readInt(b: Uint8Array, t: Tlv): number | undefined {
  if (t.tag !== T_INTEGER || t.end - t.start < 1 || t.end - t.start > 4) return undefined;
  let v = b[t.start]! & 0x80 ? -1 : 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + b[i]!;
  return v;
}

export function decodeOid(b: Uint8Array, t: Tlv): string | undefined {
  if (t.tag !== T_OID || t.end <= t.start || t.end - t.start > 128) return undefined;
  const first = b[t.start]!;
  const arcs = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  let v = 0;
  let open = false;
  for (let i = t.start + 1; i < t.end; i++) {
    const x = b[i]!;
    v = v * 128 + (x & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) return undefined;
    open = (x & 0x80) !== 0;
    if (!open) {
      arcs.push(v);
      v = 0;
    }
  }
  if (open) return undefined;
  return arcs.join('.');
}

/** Printable text of an OCTET STRING (bounded; non-printables become spaces). */
function octets(b: Uint8Array, t: Tlv, max = 512): string {
  let s = '';
  for (let i = t.start; i < Math.min(t.end, t.start + max); i++) {
    const c = b[i]!;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : c >= 0xa0 ? String.fromCharCode(c) : ' ';
  }
  return s;
}

export interface SystemGetResponse {
  requestId: number;
  errorStatus: number;
  errorIndex: number;
  values: Partial<Record<SystemField, string>>;
  /** Fields the agent said it does not have (noSuchObject / noSuchInstance / endOfMibView). */
  missing: SystemField[];
}

/** Decode a v2c GetResponse; undefined when the bytes are not one. */
export function decodeSystemResponse(b: Uint8Array): SystemGetResponse | undefined {
  const msg = readTlv(b, 0, b.length);
  if (!msg || msg.tag !== T_SEQUENCE) return undefined;
  const ver = readTlv(b, msg.start, msg.end);
  if (!ver || readInt(b, ver) !== 1) return undefined;
  const comm = readTlv(b, ver.end, msg.end);
  if (!comm || comm.tag !== T_OCTETS) return undefined;
  const pdu = readTlv(b, comm.end, msg.end);
  if (!pdu || pdu.tag !== T_GET_RESPONSE) return undefined;
  return decodePdu(b, pdu);
}

/** The body of a GetResponse (or Report) PDU: request id, error status/index and system values. */
export function decodePdu(b: Uint8Array, pdu: Tlv): SystemGetResponse | undefined {
  const rid = readTlv(b, pdu.start, pdu.end);
  const est = rid && readTlv(b, rid.end, pdu.end);
  const eix = est && readTlv(b, est.end, pdu.end);
  const vbl = eix && readTlv(b, eix.end, pdu.end);
  if (!rid || !est || !eix || !vbl || vbl.tag !== T_SEQUENCE) return undefined;
  const requestId = readInt(b, rid);
  const errorStatus = readInt(b, est);
  const errorIndex = readInt(b, eix);
  if (requestId === undefined || errorStatus === undefined || errorIndex === undefined) return undefined;
  const out: SystemGetResponse = { requestId, errorStatus, errorIndex, values: {}, missing: [] };
  let p = vbl.start;
  let n = 0;
  while (p < vbl.end && n++ < 64) {
    const vb = readTlv(b, p, vbl.end);
    if (!vb || vb.tag !== T_SEQUENCE) return undefined;
    const name = readTlv(b, vb.start, vb.end);
    const val = name && readTlv(b, name.end, vb.end);
    if (!name || !val) return undefined;
    const oid = decodeOid(b, name);
    if (oid === undefined) return undefined;
    const field = FIELD_BY_OID.get(oid);
    if (field) {
      if (val.tag === T_OCTETS) out.values[field] = octets(b, val);
      else if (val.tag === T_OID) {
        const o = decodeOid(b, val);
        if (o !== undefined) out.values[field] = o;
      } else if (val.tag >= 0x80 && val.tag <= 0x82) out.missing.push(field);
    }
    p = vb.end;
  }
  return out;
}
