// Test-only lenient frame walker for the application-decoder oracle tests. It reads captures with the
// project's own reader (core/capture) but walks the layers itself, without the packet decoder's
// trust policy (e.g. IPv4 header checksums: captures taken on the sending host often carry 0 there
// because of checksum offload), so an oracle comparison tests the application decoders alone.
// Dispatch goes through core/decoders/registry.ts exactly as packet.ts does: first non-'skip' wins.
import type { Mac } from '../../core/model/ids';
import { macFromBytes } from '../../core/model/ids';
import type { Observation } from '../../core/model/observation';
import type { AppDecoder, DecodeStatus, PacketContext } from '../../core/decoders/types';
import { DECODER_NAMES, ETHERTYPE_DECODERS, SNAP_DECODERS, tcpDecodersFor, udpDecodersFor } from '../../core/decoders/registry';
import { ipv4Text, ipv6Text } from '../../core/decoders/wire';

export interface WalkResult {
  obs: (Observation & { frame: number })[];
  /** Per decoder name: how many payloads returned ok / violation. */
  status: Record<string, { ok: number; violation: number }>;
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);

export function walkFrame(data: Uint8Array, linkType: number, ts: number, frame: number, out: WalkResult): void {
  const ctx: { -readonly [K in keyof PacketContext]: PacketContext[K] } = { ts, source: 'pcap' };
  let off = 0;
  let et = -1;
  if (linkType === 1) {
    if (data.length < 14) return;
    ctx.dstMac = macFromBytes(data, 0);
    ctx.srcMac = macFromBytes(data, 6);
    et = u16(data, 12);
    off = 14;
  } else if (linkType === 113) {
    if (data.length < 16) return;
    if (u16(data, 4) === 6) ctx.srcMac = macFromBytes(data, 6);
    et = u16(data, 14);
    off = 16;
  } else if (linkType === 276) {
    if (data.length < 20) return;
    if (data[11] === 6) ctx.srcMac = macFromBytes(data, 12);
    et = u16(data, 0);
    off = 20;
  } else if ([12, 14, 101, 228, 229].includes(linkType)) {
    et = (data[0] ?? 0) >> 4 === 6 ? 0x86dd : 0x0800;
  } else return;
  for (let i = 0; i < 4 && (et === 0x8100 || et === 0x88a8 || et === 0x9100); i++) {
    if (off + 4 > data.length) return;
    ctx.vlan = u16(data, off) & 0xfff;
    et = u16(data, off + 2);
    off += 4;
  }
  if (et === 0x8864) {
    // PPPoE session: ver/type, code, session, length, then PPP protocol
    const ppp = u16(data, off + 6);
    off += 8;
    et = ppp === 0x0021 ? 0x0800 : ppp === 0x0057 ? 0x86dd : -1;
  }
  if (et >= 0 && et <= 1500) {
    // 802.3 length + LLC; SNAP when AA AA 03
    if (data[off] === 0xaa && data[off + 1] === 0xaa && data[off + 2] === 0x03) {
      const oui = Array.from(data.subarray(off + 3, off + 6), (x) => x.toString(16).padStart(2, '0')).join('');
      const pid = u16(data, off + 6);
      const key = `${oui}:${pid.toString(16).padStart(4, '0')}`;
      const dec = SNAP_DECODERS.get(key);
      if (dec) return run([dec], data.subarray(off + 8), ctx, frame, out);
      if (oui !== '000000') return;
      et = pid;
      off += 8;
    } else return;
  }
  const l2 = ETHERTYPE_DECODERS.get(et);
  if (l2) return run([l2], data.subarray(off), ctx, frame, out);
  let proto = -1;
  let end = data.length;
  if (et === 0x0800) {
    const ihl = ((data[off] ?? 0) & 15) * 4;
    if (ihl < 20 || off + ihl > data.length) return;
    const total = u16(data, off + 2);
    end = Math.min(data.length, off + Math.max(total, ihl));
    if ((u16(data, off + 6) & 0x1fff) !== 0) return;
    proto = data[off + 9]!;
    ctx.srcIp = ipv4Text(data, off + 12);
    ctx.dstIp = ipv4Text(data, off + 16);
    off += ihl;
  } else if (et === 0x86dd) {
    if (off + 40 > data.length) return;
    end = Math.min(data.length, off + 40 + u16(data, off + 4));
    proto = data[off + 6]!;
    ctx.srcIp = ipv6Text(data, off + 8);
    ctx.dstIp = ipv6Text(data, off + 24);
    off += 40;
    for (let i = 0; i < 8 && (proto === 0 || proto === 43 || proto === 60 || proto === 44); i++) {
      if (proto === 44 && (u16(data, off + 2) & 0xfff8) !== 0) return;
      const next = data[off] ?? 59;
      off += proto === 44 ? 8 : ((data[off + 1] ?? 0) + 1) * 8;
      proto = next;
    }
  } else return;
  if (proto === 17) {
    if (off + 8 > end) return;
    ctx.transport = 'udp';
    ctx.srcPort = u16(data, off);
    ctx.dstPort = u16(data, off + 2);
    const l = u16(data, off + 4);
    const e = Math.min(end, off + (l >= 8 ? l : end - off));
    run(udpDecodersFor(ctx.srcPort, ctx.dstPort), data.subarray(off + 8, e), ctx, frame, out);
  } else if (proto === 6) {
    if (off + 20 > end) return;
    ctx.transport = 'tcp';
    ctx.srcPort = u16(data, off);
    ctx.dstPort = u16(data, off + 2);
    const doff = ((data[off + 12] ?? 0) >> 4) * 4;
    if (doff < 20 || off + doff > end) return;
    const payload = data.subarray(off + doff, end);
    if (payload.length) run(tcpDecodersFor(ctx.srcPort, ctx.dstPort, payload), payload, ctx, frame, out);
  }
}

function run(decs: readonly AppDecoder[], payload: Uint8Array, ctx: PacketContext, frame: number, out: WalkResult): void {
  for (const d of decs) {
    const s: DecodeStatus = d(payload, ctx, (o) => out.obs.push({ ...o, frame }));
    const name = DECODER_NAMES.get(d) ?? 'unknown';
    if (s === 'skip') continue;
    const st = (out.status[name] ??= { ok: 0, violation: 0 });
    st[s]++;
    if (s === 'ok') return;
  }
}

export type { Mac };
