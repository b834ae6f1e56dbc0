// DNS-SD service enumeration (RFC 6763 §9): one PTR query for _services._dns-sd._udp.local sent as a
// "legacy unicast" mDNS query (RFC 6762 §6.7: from a port other than 5353, straight to the device's
// port 5353, which answers by unicast to us with the same id). Decoding follows RFC 1035 §4.1 with
// name compression; bounded and never throws.

export const SERVICES_NAME = '_services._dns-sd._udp.local';

const T_PTR = 12;

export function encodeQuery(id: number, name = SERVICES_NAME, type = T_PTR): Uint8Array {
  const out = [(id >> 8) & 0xff, id & 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const label of name.split('.')) {
    const b = Array.from(label, (c) => c.charCodeAt(0) & 0x7f);
    out.push(b.length, ...b);
  }
  out.push(0, (type >> 8) & 0xff, type & 0xff, 0, 1);
  return Uint8Array.from(out);
}

/** Read a (possibly compressed) name at `off`; returns the name and the offset after it. */
export function readName(b: Uint8Array, off: number): { name: string; next: number } | undefined {
  const labels: string[] = [];
  let p = off;
  let next = -1;
  let jumps = 0;
  let total = 0;
  while (true) {
    if (p >= b.length) return undefined;
    const l = b[p]!;
    if (l === 0) {
      if (next < 0) next = p + 1;
      break;
    }
    if ((l & 0xc0) === 0xc0) {
      if (p + 1 >= b.length || ++jumps > 16) return undefined;
      if (next < 0) next = p + 2;
      p = ((l & 0x3f) << 8) | b[p + 1]!;
      continue;
    }
    if (l & 0xc0) return undefined;
    if (p + 1 + l > b.length) return undefined;
    let s = '';
    for (let i = p + 1; i <= p + l; i++) {
      const c = b[i]!;
      s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
    }
    labels.push(s);
    total += l + 1;
    if (total > 255) return undefined;
    p += 1 + l;
  }
  return { name: labels.join('.'), next };
}

export interface DnsAnswer {
  name: string;
  type: number;
  /** PTR target, or undefined for other types. */
  ptr?: string;
}

export interface DnsResponse {
  id: number;
  answers: DnsAnswer[];
}

/** Decode a DNS/mDNS response (answers and additionals); undefined when malformed or not a response. */
export function decodeResponse(b: Uint8Array): DnsResponse | undefined {
  if (b.length < 12) return undefined;
  const id = (b[0]! << 8) | b[1]!;
  if (!(b[2]! & 0x80)) return undefined; // QR bit: a query, not a response
  const qd = (b[4]! << 8) | b[5]!;
  const an = (b[6]! << 8) | b[7]!;
  const ns = (b[8]! << 8) | b[9]!;
  const ar = (b[10]! << 8) | b[11]!;
  let p = 12;
  for (let i = 0; i < qd; i++) {
    const n = readName(b, p);
    if (!n || n.next + 4 > b.length) return undefined;
    p = n.next + 4;
  }
  const answers: DnsAnswer[] = [];
  for (let i = 0; i < an + ns + ar && i < 256; i++) {
    const n = readName(b, p);
    if (!n || n.next + 10 > b.length) return undefined;
    const type = (b[n.next]! << 8) | b[n.next + 1]!;
    const rdlen = (b[n.next + 8]! << 8) | b[n.next + 9]!;
    const rd = n.next + 10;
    if (rd + rdlen > b.length) return undefined;
    const a: DnsAnswer = { name: n.name, type };
    if (type === T_PTR) {
      const t = readName(b, rd);
      if (t) a.ptr = t.name;
    }
    if (i < an) answers.push(a);
    p = rd + rdlen;
  }
  return { id, answers };
}

/** "_ipp._tcp.local" → "_ipp._tcp"; anything that is not a service type → undefined. */
export function serviceType(ptr: string): string | undefined {
  const m = /^(_[A-Za-z0-9-]{1,63}\._(tcp|udp))\.local\.?$/.exec(ptr);
  return m ? m[1] : undefined;
}
