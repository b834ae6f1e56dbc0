// Test-only frame builders: Ethernet / IPv4 (valid header checksum) / TCP or UDP around a payload,
// assembled into a pcap with the project's writer, for generated captures (PHI markers, DICOM…).
import { concatBytes, pcapFileHeader, pcapRecord } from '../../core/capture/writer';

function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => parseInt(h, 16));
}
function ipBytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

export interface Endpoint {
  mac: string;
  ip: string;
  port: number;
}

export function ipv4Frame(src: Endpoint, dst: Endpoint, proto: 6 | 17, payload: Uint8Array, seq = 1): Uint8Array {
  const l4 = proto === 6 ? 20 : 8;
  const total = 20 + l4 + payload.length;
  const b = new Uint8Array(14 + total);
  b.set(macBytes(dst.mac), 0);
  b.set(macBytes(src.mac), 6);
  b[12] = 0x08;
  b[13] = 0x00;
  const ip = 14;
  b.set([0x45, 0, total >> 8, total & 255, 0, 1, 0x40, 0, 64, proto, 0, 0, ...ipBytes(src.ip), ...ipBytes(dst.ip)], ip);
  let sum = 0;
  for (let i = ip; i < ip + 20; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const ck = ~sum & 0xffff;
  b[ip + 10] = ck >> 8;
  b[ip + 11] = ck & 255;
  const t = ip + 20;
  b[t] = src.port >> 8;
  b[t + 1] = src.port & 255;
  b[t + 2] = dst.port >> 8;
  b[t + 3] = dst.port & 255;
  if (proto === 6) {
    b.set([(seq >>> 24) & 255, (seq >>> 16) & 255, (seq >>> 8) & 255, seq & 255, 0, 0, 0, 1, 0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0], t + 4);
  } else {
    const ul = 8 + payload.length;
    b[t + 4] = ul >> 8;
    b[t + 5] = ul & 255;
  }
  b.set(payload, t + l4);
  return b;
}

export function pcapOf(frames: readonly Uint8Array[]): Uint8Array {
  return concatBytes([pcapFileHeader(), ...frames.map((f, i) => pcapRecord(1_700_000_000_000 + i, f))]);
}

export function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}
