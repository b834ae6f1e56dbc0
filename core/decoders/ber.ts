// A minimal BER/DER reader (ITU-T X.690) for SNMP and X.509: one TLV at a time, definite lengths
// only (up to 4 length octets), single-octet tags, every value bounded by its parent. Indefinite
// lengths and high tag numbers are refused; callers walk fixed structures, so nesting depth is
// bounded by the code, not the input.
import { u8 } from './wire';

export interface Tlv {
  /** The identifier octet (class, constructed bit and tag number together, e.g. 0x30, 0x04, 0xa2). */
  tag: number;
  /** Offset of the first value octet. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

/** Read the TLV at `off`, refusing anything that would run past `limit`. */
export function readTlv(b: Uint8Array, off: number, limit: number): Tlv | undefined {
  const lim = Math.min(limit, b.length);
  if (off + 2 > lim) return undefined;
  const tag = b[off]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers: not used by what we read
  const l0 = b[off + 1]!;
  let p = off + 2;
  let len: number;
  if (l0 < 0x80) len = l0;
  else {
    const n = l0 & 0x7f;
    if (n === 0 || n > 4 || p + n > lim) return undefined; // indefinite or absurd length
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i]!;
    p += n;
  }
  if (p + len > lim) return undefined;
  return { tag, start: p, end: p + len };
}

/** Dotted text of an OBJECT IDENTIFIER value, or undefined when malformed (max 128 arcs). */
export function oidText(b: Uint8Array, start: number, end: number): string | undefined {
  if (end <= start || end > b.length) return undefined;
  const arcs: number[] = [];
  let v = 0;
  let first = true;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    v = v * 128 + (c & 0x7f);
    if (v > 2 ** 48) return undefined;
    if (c & 0x80) continue;
    if (first) {
      first = false;
      const x = v < 40 ? 0 : v < 80 ? 1 : 2;
      arcs.push(x, v - 40 * x);
    } else arcs.push(v);
    if (arcs.length > 128) return undefined;
    v = 0;
  }
  if (u8(b, end - 1) & 0x80) return undefined; // last arc unterminated
  return arcs.join('.');
}

/** INTEGER value of up to 6 octets (two's complement), or undefined. */
export function intValue(b: Uint8Array, t: Tlv): number | undefined {
  const n = t.end - t.start;
  if (n < 1 || n > 6 || t.end > b.length) return undefined;
  let v = 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + b[i]!;
  return b[t.start]! & 0x80 ? v - 2 ** (8 * n) : v;
}
