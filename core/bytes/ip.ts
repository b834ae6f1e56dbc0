// Address text for IPv4 (dotted quad) and IPv6 (RFC 5952 canonical: lowercase, no leading zeros,
// the longest run of two or more zero groups — the first if tied — compressed to "::", and
// IPv4-mapped ::ffff:a.b.c.d shown with a dotted tail per RFC 5952 §5). Never throws.

/** Dotted-quad text of bytes[off..off+4), or undefined when out of range. */
export function ipv4ToString(bytes: Uint8Array, off = 0): string | undefined {
  if (off < 0 || off + 4 > bytes.length) return undefined;
  return `${bytes[off]!}.${bytes[off + 1]!}.${bytes[off + 2]!}.${bytes[off + 3]!}`;
}

/** RFC 5952 text of bytes[off..off+16), or undefined when out of range. */
export function ipv6ToString(bytes: Uint8Array, off = 0): string | undefined {
  if (off < 0 || off + 16 > bytes.length) return undefined;
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((bytes[off + 2 * i]! << 8) | bytes[off + 2 * i + 1]!);
  // ::ffff:a.b.c.d (IPv4-mapped)
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${bytes[off + 12]!}.${bytes[off + 13]!}.${bytes[off + 14]!}.${bytes[off + 15]!}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestLen = j - i;
      bestStart = i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += '::';
      i += bestLen - 1;
      continue;
    }
    if (s.length && !s.endsWith(':')) s += ':';
    s += g[i]!.toString(16);
  }
  return s;
}

/** Is the IPv4 address one a host would use as its own source address (not 0/8, 127/8, 224/3)? */
export function isUnicastIpv4Number(n: number): boolean {
  const a = n >>> 24;
  return a !== 0 && a !== 127 && a < 224; // this-network, loopback, multicast/reserved/broadcast
}

/** isUnicastIpv4Number for 4 bytes at off. */
export function isUnicastIpv4(bytes: Uint8Array, off = 0): boolean {
  if (off + 4 > bytes.length) return false;
  return isUnicastIpv4Number(((bytes[off]! << 24) >>> 0) + (bytes[off + 1]! << 16) + (bytes[off + 2]! << 8) + bytes[off + 3]!);
}

/** True for IPv4 private (RFC 1918), link-local (169.254/16) and CGNAT (100.64/10) space. */
export function isPrivateIpv4Number(n: number): boolean {
  const a = n >>> 24;
  const b = (n >>> 16) & 255;
  return a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b < 128);
}

/** isPrivateIpv4Number for 4 bytes at off. */
export function isPrivateIpv4(bytes: Uint8Array, off = 0): boolean {
  if (off + 4 > bytes.length) return false;
  return isPrivateIpv4Number(((bytes[off]! << 24) >>> 0) + (bytes[off + 1]! << 16));
}

/** Dotted-quad IPv4 text → number, or undefined (no regex, no allocation: hot on log and probe paths). */
export function parseIpv4(s: string): number | undefined {
  const len = s.length;
  if (len < 7 || len > 15) return undefined;
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0 || part > 255) return undefined;
  return n * 256 + part;
}

/** IPv6 unique-local (fc00::/7) or link-local (fe80::/10), from its text. */
export function isLocalIpv6Text(ip: string): boolean {
  return /^f[cd]|^fe[89ab]/i.test(ip);
}

/** A private / local address (IPv4 as isPrivateIpv4Number, IPv6 as isLocalIpv6Text), from its text. */
export function isPrivateIpText(ip: string): boolean {
  const n = parseIpv4(ip);
  return n === undefined ? isLocalIpv6Text(ip) : isPrivateIpv4Number(n);
}
