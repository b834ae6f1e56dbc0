// IPv4 (RFC 791): version 4, IHL >= 5, total length covering the header, header checksum (RFC 1071
// one's-complement sum over the header, which must come to 0xffff, or 0 when the sender's NIC fills
// it in: checksum offload). A header that fails any of these
// is a violation: its addresses are not trusted (they may be bit errors, the phantom-device source).
// Fragments after the first carry no transport header.
import { type PacketFacts, violate } from './facts';

/** Parse at off; returns the transport offset (p.l4End = datagram end) or -1. */
export function decodeIpv4(b: Uint8Array, off: number, p: PacketFacts): number {
  const avail = b.length - off;
  if (avail < 20) {
    if (!p.snapped) violate(p, 'ipv4');
    return -1;
  }
  const vihl = b[off]!;
  const ihl = (vihl & 15) * 4;
  if (vihl >> 4 !== 4 || ihl < 20) {
    violate(p, 'ipv4');
    return -1;
  }
  const total = (b[off + 2]! << 8) | b[off + 3]!;
  if (total < ihl) {
    violate(p, 'ipv4');
    return -1;
  }
  if (ihl > avail) {
    if (!p.snapped) violate(p, 'ipv4');
    return -1;
  }
  p.ipVersion = 4;
  let sum = 0;
  for (let i = off; i < off + ihl; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  // A checksum field of 0 is checksum offload, seen in captures taken on the sending host: decode
  // the datagram, but it verifies nothing (it never corroborates a device on its own).
  const offloaded = b[off + 10] === 0 && b[off + 11] === 0;
  if (sum !== 0xffff && !offloaded) {
    violate(p, 'ipv4');
    return -1;
  }
  p.ipChecksumOk = sum === 0xffff;
  p.srcIp4 = (((b[off + 12]! << 24) >>> 0) + ((b[off + 13]! << 16) | (b[off + 14]! << 8) | b[off + 15]!)) >>> 0;
  p.dstIp4 = (((b[off + 16]! << 24) >>> 0) + ((b[off + 17]! << 16) | (b[off + 18]! << 8) | b[off + 19]!)) >>> 0;
  p.ipProto = b[off + 9]!;
  const flagsFrag = (b[off + 6]! << 8) | b[off + 7]!;
  const fragOffset = flagsFrag & 0x1fff;
  const more = (flagsFrag & 0x2000) !== 0;
  if (total > avail) {
    // The datagram claims more than the frame holds: a cut capture, or a lie.
    if (!p.snapped) {
      violate(p, 'ipv4');
      return -1;
    }
    p.l4End = b.length;
  } else p.l4End = off + total;
  if (fragOffset !== 0 || more) p.fragment = true;
  if (fragOffset !== 0) return -1;
  return off + ihl;
}
