// UDP (RFC 768): 8-byte header; the length field covers header + data and must fit the datagram.
// The checksum (zero = none, IPv4 only) covers a pseudo-header with both IP addresses; see
// checksum.ts. Ports are hints for the application decoders, never proof.
import { type PacketFacts, violate } from './facts';

/** Parse at off (datagram ends at p.l4End); sets ports and payload; false on a violation. */
export function decodeUdp(b: Uint8Array, off: number, p: PacketFacts): boolean {
  const end = p.l4End;
  if (end - off < 8) {
    if (!p.snapped) violate(p, 'udp');
    return false;
  }
  const len = (b[off + 4]! << 8) | b[off + 5]!;
  if (len < 8 || (off + len > end && !p.snapped && !p.fragment)) {
    // (a jumbogram's length is 0, RFC 2675; we do not expect those on a LAN)
    violate(p, 'udp');
    return false;
  }
  p.transport = 17;
  p.srcPort = (b[off]! << 8) | b[off + 1]!;
  p.dstPort = (b[off + 2]! << 8) | b[off + 3]!;
  p.l4Off = off;
  p.payloadOff = off + 8;
  p.payloadEnd = Math.min(off + len, end);
  if (!p.fragment) p.l4End = Math.min(off + len, end); // ignore padding after the datagram
  return true;
}
