// NetBIOS node status (NBSTAT) request and response, RFC 1002 §4.2.17–4.2.18: one UDP datagram to
// port 137 asking for the names table of "*". Decoding is bounded and never throws.

/** First-level encoding (RFC 1001 §14.1) of the wildcard name "*" padded with NULs to 16 bytes. */
const WILDCARD = 'CK' + 'A'.repeat(30);

export function encodeNodeStatus(id: number): Uint8Array {
  const name = Array.from(WILDCARD, (c) => c.charCodeAt(0));
  return Uint8Array.from([(id >> 8) & 0xff, id & 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 32, ...name, 0, 0, 0x21, 0, 1]);
}

export interface NbName {
  name: string;
  suffix: number;
  group: boolean;
}

export interface NodeStatus {
  id: number;
  names: NbName[];
  /** Unit ID (the adapter MAC) as colon hex, when present and not all zero. */
  mac?: string;
}

export function decodeNodeStatus(b: Uint8Array): NodeStatus | undefined {
  if (b.length < 12 || !(b[2]! & 0x80)) return undefined;
  const id = (b[0]! << 8) | b[1]!;
  const an = (b[6]! << 8) | b[7]!;
  if (an < 1) return undefined;
  let p = 12;
  // the answer's name: a 32-byte encoded label (possibly followed by scope labels), or a pointer
  while (p < b.length && b[p] !== 0) {
    if ((b[p]! & 0xc0) === 0xc0) {
      p += 1;
      break;
    }
    p += 1 + b[p]!;
  }
  p += 1;
  if (p + 10 > b.length) return undefined;
  const type = (b[p]! << 8) | b[p + 1]!;
  const rdlen = (b[p + 8]! << 8) | b[p + 9]!;
  const rd = p + 10;
  if (type !== 0x21 || rd + rdlen > b.length || rdlen < 1) return undefined;
  const n = b[rd]!;
  if (rd + 1 + n * 18 > rd + rdlen) return undefined;
  const names: NbName[] = [];
  for (let i = 0; i < n; i++) {
    const s = rd + 1 + i * 18;
    let name = '';
    for (let j = 0; j < 15; j++) {
      const c = b[s + j]!;
      name += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ' ';
    }
    names.push({ name: name.trim(), suffix: b[s + 15]!, group: (b[s + 16]! & 0x80) !== 0 });
  }
  const out: NodeStatus = { id, names };
  const m = rd + 1 + n * 18;
  if (m + 6 <= rd + rdlen) {
    const mac = Array.from(b.subarray(m, m + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
    if (mac !== '00:00:00:00:00:00') out.mac = mac;
  }
  return out;
}
