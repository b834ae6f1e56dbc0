// TCP (RFC 9293): ports, data offset (>= 5 words, within the segment) and flags. Only the first
// bytes of a segment's payload matter for discovery (HTTP headers, TLS ClientHello, DICOM
// A-ASSOCIATE, HL7 MSH); no stream reassembly. A SYN-ACK from a port says "this device serves it".
import { type PacketFacts, violate } from './facts';

export const TCP_FLAGS = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

export function decodeTcp(b: Uint8Array, off: number, p: PacketFacts): boolean {
  const end = p.l4End;
  if (end - off < 20) {
    if (!p.snapped) violate(p, 'tcp');
    return false;
  }
  const doff = (b[off + 12]! >> 4) * 4;
  if (doff < 20 || off + doff > end) {
    if (!(p.snapped && doff >= 20)) {
      violate(p, 'tcp');
      return false;
    }
  }
  p.transport = 6;
  p.srcPort = (b[off]! << 8) | b[off + 1]!;
  p.dstPort = (b[off + 2]! << 8) | b[off + 3]!;
  p.tcpFlags = b[off + 13]!;
  p.l4Off = off;
  p.payloadOff = Math.min(off + doff, end);
  p.payloadEnd = end;
  return true;
}
