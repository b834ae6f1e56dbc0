// IPv4 address and CIDR helpers for exclusions and subnet plans (probes address IPv4 only for now).

/** Dotted quad → unsigned 32-bit number, or undefined when the text is not a plain IPv4 address. */
export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return undefined; // "010" is ambiguous (octal in some parsers)
    const v = Number(part);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function formatIPv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  base: number;
  bits: number;
  text: string;
}

/** "10.1.2.0/24" (or a bare address, as /32) → network; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const t = text.trim();
  const [addr, len, extra] = t.split('/');
  if (extra !== undefined || addr === undefined) return undefined;
  const ip = parseIPv4(addr);
  if (ip === undefined) return undefined;
  let bits = 32;
  if (len !== undefined) {
    if (!/^\d{1,2}$/.test(len)) return undefined;
    bits = Number(len);
    if (bits > 32) return undefined;
  }
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const base = (ip & mask) >>> 0;
  return { base, bits, text: `${formatIPv4(base)}/${bits}` };
}

export function cidrContains(c: Cidr, ip: number): boolean {
  const mask = c.bits === 0 ? 0 : (0xffffffff << (32 - c.bits)) >>> 0;
  return ((ip & mask) >>> 0) === c.base;
}

export function ipInCidr(ipText: string, cidrText: string): boolean {
  const ip = parseIPv4(ipText);
  const c = parseCidr(cidrText);
  return ip !== undefined && c !== undefined && cidrContains(c, ip);
}

/** Host addresses of a subnet (network and broadcast left out for /30 and larger), at most `max`. */
export function subnetHosts(c: Cidr, max: number): string[] | undefined {
  const size = 2 ** (32 - c.bits);
  const first = c.bits >= 31 ? c.base : c.base + 1;
  const last = c.bits >= 31 ? c.base + size - 1 : c.base + size - 2;
  if (last - first + 1 > max) return undefined;
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(formatIPv4(n >>> 0));
  return out;
}
