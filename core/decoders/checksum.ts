// Transport checksums (RFC 768, RFC 9293, RFC 4443; IPv6 pseudo-header RFC 8200 §8.1): the
// one's-complement sum over a pseudo-header (source and destination address, protocol, length)
// plus the whole transport segment. Verifying it is the only integrity check that covers IPv6
// addresses and application payload, so discovery uses it before trusting a one-off identity.
import { type PacketFacts } from './facts';

function sum16(b: Uint8Array, start: number, end: number, acc: number): number {
  let i = start;
  for (; i + 1 < end; i += 2) acc += (b[i]! << 8) | b[i + 1]!;
  if (i < end) acc += b[i]! << 8;
  return acc;
}

/** true: verified; false: wrong; undefined: cannot tell (no checksum, a fragment, or a cut frame). */
export function verifyTransportChecksum(p: PacketFacts): boolean | undefined {
  const b = p.data;
  if (p.l4Off < 0 || p.fragment || p.snapped) return undefined;
  const start = p.l4Off;
  const end = p.l4End;
  const len = end - start;
  if (len < 4) return undefined;
  if (p.transport === 17 && p.ipVersion === 4 && b[start + 6] === 0 && b[start + 7] === 0) return undefined;
  let acc = 0;
  if (p.ipVersion === 4) {
    acc += (p.srcIp4 >>> 16) + (p.srcIp4 & 0xffff) + (p.dstIp4 >>> 16) + (p.dstIp4 & 0xffff);
  } else if (p.ipVersion === 6) {
    acc = sum16(b, p.srcIp6Off, p.srcIp6Off + 32, acc);
  } else return undefined;
  acc += p.transport + len;
  acc = sum16(b, start, end, acc);
  while (acc > 0xffff) acc = (acc & 0xffff) + Math.floor(acc / 65536);
  return acc === 0xffff;
}
