// ARP (RFC 826) for Ethernet/IPv4: htype 1 (or 6, IEEE 802 networks, as RFC 1042 LLC/SNAP
// frames use), ptype 0x0800, hlen 6, plen 4, op, then sender hardware
// and protocol addresses (sha, spa) and target ones (tha, tpa). A sender's spa/sha pair is the
// strongest passive binding of an IPv4 address to a MAC (requests, replies and gratuitous ARP all
// state it); 0.0.0.0 as spa is an RFC 5227 probe and binds nothing. Other hardware/protocol types
// are skipped (not a violation).
import { type PacketFacts, macNum, violate } from './facts';

export function decodeArp(b: Uint8Array, off: number, p: PacketFacts): boolean {
  if (b.length - off < 8) {
    violate(p, 'arp');
    return false;
  }
  const htype = (b[off]! << 8) | b[off + 1]!;
  const ptype = (b[off + 2]! << 8) | b[off + 3]!;
  const hlen = b[off + 4]!;
  const plen = b[off + 5]!;
  const op = (b[off + 6]! << 8) | b[off + 7]!;
  if ((htype !== 1 && htype !== 6) || ptype !== 0x0800) return true; // not 48-bit-MAC/IPv4 ARP: nothing to learn
  if (hlen !== 6 || plen !== 4 || op === 0 || b.length - off < 28) {
    violate(p, 'arp');
    return false;
  }
  p.arpOp = op;
  p.arpSha = macNum(b, off + 8);
  p.arpSpa = (((b[off + 14]! << 24) >>> 0) + ((b[off + 15]! << 16) | (b[off + 16]! << 8) | b[off + 17]!)) >>> 0;
  p.innerMac = p.arpSha;
  return true;
}
