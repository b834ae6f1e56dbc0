// Small, allocation-light helpers shared by the application decoders: big-endian reads that the
// caller has bounds-checked, bounded text extraction (latin-1 and UTF-8, never more than `max`
// characters), hex, IP text, and one emit helper that cleans values and drops facts with no subject.
// Nothing here keeps a reference to the payload: every value returned is a fresh string or number.
import type { Mac } from '../model/ids';
import { macFromBytes } from '../model/ids';
import type { ObservationKind, Observation } from '../model/observation';
import { cleanText, MAX_VALUE } from '../model/observation';
import { ipv4ToString, ipv6ToString } from '../bytes/ip';
import type { Emit, PacketContext } from './types';

/** Byte at i, or 0 past the end (callers check lengths first; this only satisfies the index type). */
export function u8(b: Uint8Array, i: number): number {
  return b[i] ?? 0;
}
export function u16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
export function u24(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
}
export function u32(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

/** Latin-1 text of b[start, end), at most `max` characters (end is clamped to the buffer). */
export function latin1(b: Uint8Array, start: number, end: number, max = MAX_VALUE): string {
  const e = Math.min(end, b.length, start + max);
  let s = '';
  for (let i = Math.max(0, start); i < e; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/**
 * UTF-8 text of b[start, end), at most `max` code units; malformed sequences become U+FFFD
 * (core/ has no TextDecoder: lib is ES2022 without DOM).
 */
export function utf8(b: Uint8Array, start: number, end: number, max = MAX_VALUE): string {
  const e = Math.min(end, b.length);
  let s = '';
  let i = Math.max(0, start);
  while (i < e && s.length < max) {
    const c = b[i]!;
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
    } else {
      s += '\ufffd';
      i++;
      continue;
    }
    if (i + need >= e) {
      // the sequence runs past the end
      s += '\ufffd';
      break;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (need === 2 && cp < 0x800) || (need === 3 && cp < 0x10000)) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

const HEX = '0123456789abcdef';

/** Lowercase hex of b[start, end), at most `maxBytes` bytes, optionally separated. */
export function hex(b: Uint8Array, start: number, end: number, sep = '', maxBytes = 64): string {
  const e = Math.min(end, b.length, start + maxBytes);
  let s = '';
  for (let i = Math.max(0, start); i < e; i++) {
    const v = b[i]!;
    if (sep && i > start) s += sep;
    s += HEX[v >> 4]! + HEX[v & 15]!;
  }
  return s;
}

/** Dotted-quad text of the 4 bytes at o (bounds checked by the caller). */
export function ipv4Text(b: Uint8Array, o: number): string {
  return ipv4ToString(b, o) ?? '';
}

/** RFC 5952 text form of the 16 bytes at o (one implementation: core/bytes/ip.ts). */
export function ipv6Text(b: Uint8Array, o: number): string {
  return ipv6ToString(b, o) ?? '';
}

export function macAt(b: Uint8Array, o: number): Mac {
  return macFromBytes(b, o);
}

/** RFC 1918 / link-local / ULA / loopback: an address that can name a device on this site. */
export function isPrivateIp(ip: string): boolean {
  if (ip.includes(':')) {
    const l = ip.toLowerCase();
    return l.startsWith('fe8') || l.startsWith('fe9') || l.startsWith('fea') || l.startsWith('feb') ||
      l.startsWith('fc') || l.startsWith('fd');
  }
  const p = ip.split('.');
  const a = Number(p[0]);
  const b = Number(p[1]);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** Who an observation is about. */
export interface Subject {
  mac?: Mac | undefined;
  ip?: string | undefined;
}

export function srcOf(ctx: PacketContext): Subject {
  return { mac: ctx.srcMac, ip: ctx.srcIp };
}
export function dstOf(ctx: PacketContext): Subject {
  return { mac: ctx.dstMac, ip: ctx.dstIp };
}

/**
 * Emit one identity fact: the value is cleaned (control characters out, length bounded); empty
 * values and facts with neither MAC nor IP are dropped.
 */
export function put(
  emit: Emit,
  ctx: PacketContext,
  subj: Subject,
  kind: ObservationKind,
  value: string,
  proto: string,
  max = MAX_VALUE,
): void {
  const v = cleanText(value, max);
  if (!v) return;
  if (!subj.mac && !subj.ip) return;
  const o: Observation = { kind, value: v, proto, source: ctx.source, ts: ctx.ts };
  if (subj.mac) o.mac = subj.mac;
  if (subj.ip) o.ip = subj.ip;
  emit(o);
}

/** ASCII case-insensitive compare of b[at, at+s.length) with s (s given in lowercase). */
export function startsWithCi(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = b[at + i]!;
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== s.charCodeAt(i)) return false;
  }
  return true;
}

/** Exact ASCII compare of b[at, at+s.length) with s. */
export function startsWith(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Trim spaces, tabs and NUL padding from both ends (AE titles, NetBIOS names, UIDs). */
export function trimPad(s: string): string {
  let a = 0;
  let e = s.length;
  const pad = (c: number): boolean => c === 0 || c === 0x20 || c === 0x09;
  while (a < e && pad(s.charCodeAt(a))) a++;
  while (e > a && pad(s.charCodeAt(e - 1))) e--;
  return s.slice(a, e);
}
