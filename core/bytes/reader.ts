// A bounds-checked cursor over a Uint8Array (after Wireshark's tvbuff and cap's decode(bytes, offset)).
// Nothing here throws: a read past the end returns undefined and sets `failed`, so a decoder can read a
// whole header and check once (`if (r.failed) return 'violation'`). Multi-byte reads are big-endian
// unless the name ends in `le` (network order is the common case).

export class ByteReader {
  /** Absolute offset of the next read in `bytes`. */
  pos: number;
  /** Absolute offset one past the last readable byte. */
  readonly end: number;
  /** Set by any read that did not fit; stays set. */
  failed = false;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    const e = Math.max(0, Math.min(end, bytes.length));
    this.end = e;
    this.pos = Math.max(0, Math.min(start, e));
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** True when n more bytes can be read. */
  has(n: number): boolean {
    return n >= 0 && this.pos + n <= this.end;
  }

  private take(n: number): number {
    if (n < 0 || this.pos + n > this.end) {
      this.failed = true;
      return -1;
    }
    const p = this.pos;
    this.pos += n;
    return p;
  }

  u8(): number | undefined {
    const p = this.take(1);
    return p < 0 ? undefined : this.bytes[p]!;
  }

  u16(): number | undefined {
    const p = this.take(2);
    if (p < 0) return undefined;
    const b = this.bytes;
    return (b[p]! << 8) | b[p + 1]!;
  }

  u16le(): number | undefined {
    const p = this.take(2);
    if (p < 0) return undefined;
    const b = this.bytes;
    return b[p]! | (b[p + 1]! << 8);
  }

  u24(): number | undefined {
    const p = this.take(3);
    if (p < 0) return undefined;
    const b = this.bytes;
    return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
  }

  u32(): number | undefined {
    const p = this.take(4);
    if (p < 0) return undefined;
    const b = this.bytes;
    return ((b[p]! << 24) >>> 0) + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }

  u32le(): number | undefined {
    const p = this.take(4);
    if (p < 0) return undefined;
    const b = this.bytes;
    return ((b[p + 3]! << 24) >>> 0) + ((b[p + 2]! << 16) | (b[p + 1]! << 8) | b[p]!);
  }

  /** Advance n bytes; false (and `failed`) when fewer remain. The cursor does not move on failure. */
  skip(n: number): boolean {
    return this.take(n) >= 0;
  }

  /** Move to an absolute offset inside [0, end]; false (and `failed`) when outside. */
  seek(pos: number): boolean {
    if (pos < 0 || pos > this.end) {
      this.failed = true;
      return false;
    }
    this.pos = pos;
    return true;
  }

  /** A view (no copy) of the next n bytes, or undefined. */
  slice(n: number): Uint8Array | undefined {
    const p = this.take(n);
    return p < 0 ? undefined : this.bytes.subarray(p, p + n);
  }

  /** A view of everything left (possibly empty); the cursor moves to the end. */
  rest(): Uint8Array {
    const p = this.pos;
    this.pos = this.end;
    return this.bytes.subarray(p, this.end);
  }

  /** A reader over the next n bytes (sharing the buffer), or undefined. */
  sub(n: number): ByteReader | undefined {
    const p = this.take(n);
    return p < 0 ? undefined : new ByteReader(this.bytes, p, p + n);
  }

  /** Peek one byte at pos + ahead without moving; undefined past the end (does not set `failed`). */
  peek(ahead = 0): number | undefined {
    const p = this.pos + ahead;
    return p >= 0 && p < this.end ? this.bytes[p] : undefined;
  }

  /**
   * n bytes as text, one char per byte (Latin-1), non-printables as '.', at most `max` characters
   * kept (the cursor still moves n). undefined when n bytes are not there.
   */
  ascii(n: number, max = 256): string | undefined {
    const p = this.take(n);
    if (p < 0) return undefined;
    return asciiAt(this.bytes, p, Math.min(n, max));
  }

  /** n bytes decoded as UTF-8 (invalid sequences → U+FFFD), truncated to `max` characters. */
  utf8(n: number, max = 256): string | undefined {
    const p = this.take(n);
    if (p < 0) return undefined;
    return utf8At(this.bytes, p, n, max);
  }
}

/** Latin-1 text of bytes[off, off+n), non-printables as '.', bounded by the array. Never throws. */
export function asciiAt(bytes: Uint8Array, off: number, n: number): string {
  const end = Math.min(bytes.length, off + Math.max(0, n));
  let s = '';
  for (let i = Math.max(0, off); i < end; i++) {
    const c = bytes[i]!;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
  }
  return s;
}

/** Big-endian u16 at off, or -1 when out of range (for hot paths that avoid a reader object). */
export function u16At(bytes: Uint8Array, off: number): number {
  return off >= 0 && off + 2 <= bytes.length ? (bytes[off]! << 8) | bytes[off + 1]! : -1;
}

/** Big-endian u32 at off, or -1 when out of range. */
export function u32At(bytes: Uint8Array, off: number): number {
  return off >= 0 && off + 4 <= bytes.length
    ? ((bytes[off]! << 24) >>> 0) + ((bytes[off + 1]! << 16) | (bytes[off + 2]! << 8) | bytes[off + 3]!)
    : -1;
}

const HEX = '0123456789abcdef';

/** Lowercase hex of bytes[off, off+n) bounded by the array, at most `max` bytes. */
export function hexAt(bytes: Uint8Array, off: number, n: number, max = 128): string {
  const end = Math.min(bytes.length, off + Math.max(0, Math.min(n, max)));
  let s = '';
  for (let i = Math.max(0, off); i < end; i++) s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return s;
}

/**
 * UTF-8 text of bytes[off, off+n) bounded by the array, at most `max` UTF-16 code units; invalid or
 * overlong sequences and surrogates become U+FFFD. (core/ has no TextDecoder: lib ES2022 only.)
 */
export function utf8At(bytes: Uint8Array, off: number, n: number, max = 256): string {
  const end = Math.min(bytes.length, off + Math.max(0, n));
  let i = Math.max(0, off);
  const out: number[] = [];
  while (i < end && out.length < max) {
    const c = bytes[i]!;
    if (c < 0x80) {
      out.push(c);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) [need, cp, min] = [1, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, cp, min] = [2, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, cp, min] = [3, c & 0x07, 0x10000];
    else {
      out.push(0xfffd);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const d = i + j < end ? bytes[i + j]! : -1;
      if ((d & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out.push(0xfffd);
      i += j; // skip the lead byte and the valid continuation bytes seen
      continue;
    }
    i += need + 1;
    if (cp >= 0x10000) {
      if (out.length + 2 > max) break;
      cp -= 0x10000;
      out.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else out.push(cp);
  }
  let s = '';
  for (let k = 0; k < out.length; k += 4096) s += String.fromCharCode(...out.slice(k, k + 4096));
  return s;
}
