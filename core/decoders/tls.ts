// TLS (RFC 8446 / RFC 5246) handshake records seen at the start of a segment. From a ClientHello:
// the server_name extension (RFC 6066 §3), a name the client asked for. From a TLS ≤1.2 Certificate
// message (cleartext before 1.3): the first certificate's subject and issuer DNs (RFC 5280 §4.1),
// which name the server. Only whole structures inside this segment are read; nothing is buffered.
import type { AppDecoder, DecodeStatus, Emit, PacketContext } from './types';
import { put, srcOf, u16, u24, latin1, utf8 } from './wire';
import { readTlv, oidText } from './ber';

const PROTO = 'tls';
const MAX_RECORDS = 8;

export interface TlsSummary {
  sni?: string;
  certSubject?: string;
  certIssuer?: string;
  handshakeTypes: number[];
}

/** True for a TLS record header: content type 20-23, version 3.0-3.4. */
export function looksLikeTls(b: Uint8Array): boolean {
  return b.length >= 5 && b[0]! >= 0x14 && b[0]! <= 0x17 && b[1] === 0x03 && b[2]! <= 0x04;
}

function clientHelloSni(b: Uint8Array, hs: number, end: number): string | undefined {
  let p = hs + 4 + 2 + 32; // header, client_version, random
  if (p + 1 > end) return undefined;
  p += 1 + b[p]!; // session id
  if (p + 2 > end) return undefined;
  p += 2 + u16(b, p); // cipher suites
  if (p + 1 > end) return undefined;
  p += 1 + b[p]!; // compression methods
  if (p + 2 > end) return undefined;
  const extEnd = Math.min(end, p + 2 + u16(b, p));
  p += 2;
  for (let n = 0; p + 4 <= extEnd && n < 64; n++) {
    const type = u16(b, p);
    const len = u16(b, p + 2);
    const v = p + 4;
    if (type === 0) {
      // server_name_list: length(2), then name_type(1) length(2) name
      let q = v + 2;
      const listEnd = Math.min(v + 2 + u16(b, v), v + len, extEnd);
      while (q + 3 <= listEnd) {
        const nt = b[q]!;
        const nl = u16(b, q + 1);
        if (q + 3 + nl > listEnd) return undefined;
        if (nt === 0) return latin1(b, q + 3, q + 3 + nl, 255);
        q += 3 + nl;
      }
      return undefined;
    }
    p = v + len;
  }
  return undefined;
}

const ATTR: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.9', 'street'],
  ['2.5.4.17', 'postalCode'],
  ['2.5.4.12', 'title'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
]);

/** RFC 4514-style text of a Name (RDNs in reverse order, as Zeek and OpenSSL's RFC2253 print them). */
export function dnText(b: Uint8Array, start: number, end: number): string | undefined {
  const parts: string[] = [];
  let p = start;
  while (p < end && parts.length < 16) {
    const set = readTlv(b, p, end);
    if (!set || set.tag !== 0x31) return undefined;
    let q = set.start;
    while (q < set.end) {
      const atv = readTlv(b, q, set.end);
      if (!atv || atv.tag !== 0x30) return undefined;
      const oid = readTlv(b, atv.start, atv.end);
      if (!oid || oid.tag !== 0x06) return undefined;
      const val = readTlv(b, oid.end, atv.end);
      if (!val) return undefined;
      const o = oidText(b, oid.start, oid.end);
      const name = (o && ATTR.get(o)) ?? o ?? '?';
      const text = val.tag === 0x1e ? '' : utf8(b, val.start, val.end, 128);
      parts.push(`${name}=${text.replace(/([,+"\\<>;])/g, '\\$1')}`);
      q = atv.end;
    }
    p = set.end;
  }
  return parts.reverse().join(',');
}

function certificateNames(b: Uint8Array, hs: number, end: number): { subject?: string; issuer?: string } {
  const out: { subject?: string; issuer?: string } = {};
  const listStart = hs + 4 + 3;
  if (listStart + 3 > end) return out;
  const certLen = u24(b, listStart);
  const c = listStart + 3;
  if (c + certLen > end) return out;
  const cert = readTlv(b, c, c + certLen);
  if (!cert || cert.tag !== 0x30) return out;
  const tbs = readTlv(b, cert.start, cert.end);
  if (!tbs || tbs.tag !== 0x30) return out;
  let p = tbs.start;
  let t = readTlv(b, p, tbs.end);
  if (t && t.tag === 0xa0) {
    p = t.end;
    t = readTlv(b, p, tbs.end);
  }
  // serial, signature algorithm, issuer, validity, subject
  const fields: { start: number; end: number; tag: number }[] = [];
  for (let i = 0; i < 5 && t; i++) {
    fields.push(t);
    p = t.end;
    t = readTlv(b, p, tbs.end);
  }
  const issuer = fields[2];
  const subject = fields[4];
  if (issuer?.tag === 0x30) {
    const s = dnText(b, issuer.start, issuer.end);
    if (s !== undefined) out.issuer = s;
  }
  if (subject?.tag === 0x30) {
    const s = dnText(b, subject.start, subject.end);
    if (s !== undefined) out.subject = s;
  }
  return out;
}

/** Walk the handshake records at the start of a segment. */
export function parseTls(b: Uint8Array): TlsSummary | 'skip' | 'violation' {
  if (!looksLikeTls(b)) return 'skip';
  const sum: TlsSummary = { handshakeTypes: [] };
  let r = 0;
  for (let n = 0; r + 5 <= b.length && n < MAX_RECORDS; n++) {
    const type = b[r]!;
    if (type < 0x14 || type > 0x17 || b[r + 1] !== 0x03) return n === 0 ? 'skip' : sum;
    const len = u16(b, r + 3);
    if (len === 0 || len > 18432) return 'violation';
    const recEnd = Math.min(b.length, r + 5 + len);
    if (type === 0x16) {
      let h = r + 5;
      while (h + 4 <= recEnd && sum.handshakeTypes.length < 16) {
        const ht = b[h]!;
        const hl = u24(b, h + 1);
        sum.handshakeTypes.push(ht);
        const hEnd = Math.min(recEnd, h + 4 + hl);
        if (ht === 1 && sum.sni === undefined) {
          const s = clientHelloSni(b, h, hEnd);
          if (s !== undefined) sum.sni = s;
        } else if (ht === 11 && sum.certSubject === undefined && h + 4 + hl <= recEnd) {
          const names = certificateNames(b, h, hEnd);
          if (names.subject !== undefined) sum.certSubject = names.subject;
          if (names.issuer !== undefined) sum.certIssuer = names.issuer;
        }
        if (h + 4 + hl > recEnd) break;
        h += 4 + hl;
      }
    }
    r += 5 + len;
  }
  return sum;
}

function emitTls(sum: TlsSummary, ctx: PacketContext, emit: Emit): void {
  const me = srcOf(ctx);
  if (sum.sni) put(emit, ctx, me, 'tls-sni', sum.sni, PROTO);
  if (sum.certSubject) put(emit, ctx, me, 'tls-cert-subject', sum.certSubject, PROTO);
  if (sum.certIssuer) put(emit, ctx, me, 'tls-cert-issuer', sum.certIssuer, PROTO);
}

export const tlsDecoder: AppDecoder = (b, ctx, emit): DecodeStatus => {
  const sum = parseTls(b);
  if (sum === 'skip' || sum === 'violation') return sum;
  emitTls(sum, ctx, emit);
  return 'ok';
};
