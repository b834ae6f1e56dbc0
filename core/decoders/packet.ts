// Walk one frame down the layers — link (Ethernet, SLL, SLL2, raw IP), 802.1Q tags, LLC/SNAP,
// ARP, IPv4/IPv6 (+ extension headers), ICMPv6 neighbour discovery, UDP, TCP — into a reused
// PacketFacts, then hand payloads to the application decoders chosen by registry.ts. Pure and
// never throwing: a malformed layer is a counted violation, an exception from an application
// decoder is caught and counted as that decoder's violation.
import type { Mac } from '../model/ids';
import type { EvidenceSource } from '../model/observation';
import { ipv6ToString } from '../bytes/ip';
import { decodeArp } from './arp';
import { ETHERTYPE, LLC_FOLLOWS, decodeEthernet } from './ethernet';
import { NONE, type PacketFacts, ip4Text, macNum, macText, newFacts, resetFacts, violate } from './facts';
import { decodeIcmpv6 } from './icmpv6';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { type SnapResult, decodeLlc } from './llc';
import { DECODER_NAMES, ETHERTYPE_DECODERS, SNAP_DECODERS, tcpDecodersFor, udpDecodersFor } from './registry';
import { decodeSll, decodeSll2 } from './sll';
import { TCP_FLAGS, decodeTcp } from './tcp';
import type { AppDecoder, DecodeStatus, Emit, PacketContext } from './types';
import { decodeUdp } from './udp';

export interface PacketStats {
  packets: number;
  bytes: number;
  /** Frames with at least one violation. */
  malformed: number;
  /** Violations by protocol ("ipv4", "tcp", "dhcp"…). */
  violations: Record<string, number>;
  /** Frames by unsupported link type ("160": 3). */
  unsupportedLinkTypes: Record<string, number>;
  /** Payloads an application decoder accepted. */
  decoded: number;
}

export function newPacketStats(): PacketStats {
  return { packets: 0, bytes: 0, malformed: 0, violations: {}, unsupportedLinkTypes: {}, decoded: 0 };
}

/** The PacketContext an application decoder sees; address text is built only when asked for. */
class LazyContext implements PacketContext {
  private _srcMac?: Mac;
  private _dstMac?: Mac;
  private _srcIp?: string;
  private _dstIp?: string;
  readonly ts: number;
  readonly vlan?: number;
  readonly transport?: 'udp' | 'tcp';
  readonly srcPort?: number;
  readonly dstPort?: number;
  constructor(
    private readonly p: PacketFacts,
    readonly source: EvidenceSource,
  ) {
    this.ts = p.ts;
    if (p.vlan >= 0) this.vlan = p.vlan;
    if (p.transport === 17 || p.transport === 6) {
      this.transport = p.transport === 17 ? 'udp' : 'tcp';
      this.srcPort = p.srcPort;
      this.dstPort = p.dstPort;
    }
  }
  get srcMac(): Mac | undefined {
    if (this._srcMac === undefined && this.p.srcMac >= 0) this._srcMac = macText(this.p.srcMac) as Mac;
    return this._srcMac;
  }
  get dstMac(): Mac | undefined {
    if (this._dstMac === undefined && this.p.dstMac >= 0) this._dstMac = macText(this.p.dstMac) as Mac;
    return this._dstMac;
  }
  get srcIp(): string | undefined {
    if (this._srcIp === undefined) this._srcIp = ipText(this.p, true);
    return this._srcIp;
  }
  get dstIp(): string | undefined {
    if (this._dstIp === undefined) this._dstIp = ipText(this.p, false);
    return this._dstIp;
  }
}

export function ipText(p: PacketFacts, src: boolean): string | undefined {
  if (p.ipVersion === 4) return ip4Text(src ? p.srcIp4 : p.dstIp4);
  if (p.ipVersion === 6) return ipv6ToString(p.data, src ? p.srcIp6Off : p.dstIp6Off);
  return undefined;
}

/** Name for violation counts: the decoder function's name ("decodeDhcp" → "dhcp"), else the port. */
function decoderName(d: AppDecoder, p: PacketFacts): string {
  const n = DECODER_NAMES.get(d) ?? d.name.replace(/^decode/, '').toLowerCase();
  if (n) return n;
  if (p.transport === 17 || p.transport === 6) return `${p.transport === 17 ? 'udp' : 'tcp'}/${Math.min(p.srcPort, p.dstPort)}`;
  return 'app';
}

const DHCP_SERVER = 67;
const DHCP_CLIENT = 68;

export interface PacketDecoderOptions {
  /** Emit a "service tcp/PORT" observation for each SYN-ACK (default true). */
  emitServices?: boolean;
  /**
   * Asked before a UDP/TCP payload goes to the application decoders: true means "this exact
   * payload was seen before and its facts are already known" (DiscoveryEngine's repeat memo), and
   * the decoders are skipped (p.appStatus = 3).
   */
  isRepeat?: (p: PacketFacts, payload: Uint8Array) => boolean;
}

export class PacketDecoder {
  readonly facts: PacketFacts = newFacts();
  private readonly snap: SnapResult = { next: 0, key: '', etherType: -1 };
  private readonly emitServices: boolean;
  private readonly isRepeat?: (p: PacketFacts, payload: Uint8Array) => boolean;

  constructor(
    readonly stats: PacketStats = newPacketStats(),
    readonly source: EvidenceSource = 'pcap',
    opts: PacketDecoderOptions = {},
  ) {
    this.emitServices = opts.emitServices ?? true;
    this.isRepeat = opts.isRepeat;
  }


  /** Decode one frame; observations go to emit; returns the (reused) facts. Never throws. */
  decode(data: Uint8Array, linkType: number, ts: number, origLen: number, emit: Emit): PacketFacts {
    const p = this.facts;
    resetFacts(p, data, ts, linkType, origLen > data.length);
    const st = this.stats;
    st.packets++;
    st.bytes += data.length;
    try {
      this.walk(p, emit);
    } catch {
      // Only an application decoder can throw (the layers above are bounds-checked); count it.
      violate(p, 'internal');
    }
    if (p.violation) {
      st.malformed++;
      st.violations[p.violation] = (st.violations[p.violation] ?? 0) + 1;
    }
    return p;
  }

  private walk(p: PacketFacts, emit: Emit): void {
    const b = p.data;
    let off: number;
    switch (p.linkType) {
      case 1:
        off = decodeEthernet(b, 0, p);
        break;
      case 113:
        off = decodeSll(b, 0, p);
        break;
      case 276:
        off = decodeSll2(b, 0, p);
        break;
      case 12:
      case 14:
      case 101:
      case 228:
      case 229: {
        const v = b.length ? b[0]! >> 4 : 0;
        if (v === 4) p.etherType = ETHERTYPE.IPV4;
        else if (v === 6) p.etherType = ETHERTYPE.IPV6;
        else {
          violate(p, 'raw-ip');
          return;
        }
        off = 0;
        break;
      }
      default: {
        p.unsupportedLink = true;
        const k = String(p.linkType);
        this.stats.unsupportedLinkTypes[k] = (this.stats.unsupportedLinkTypes[k] ?? 0) + 1;
        return;
      }
    }
    if (off < 0) return;
    let et = p.etherType;
    if (et === LLC_FOLLOWS) {
      decodeLlc(b, off, p, this.snap);
      if (this.snap.next < 0) return;
      off = this.snap.next;
      if (this.snap.key) {
        const dec = SNAP_DECODERS.get(this.snap.key);
        if (dec) this.app([dec], b.subarray(off), p, emit);
        return;
      }
      if (this.snap.etherType < 0) return;
      et = p.etherType = this.snap.etherType;
    }
    switch (et) {
      case ETHERTYPE.IPV4:
        this.ipv4(b, off, p, emit);
        return;
      case ETHERTYPE.IPV6:
        this.ipv6(b, off, p, emit);
        return;
      case ETHERTYPE.ARP:
        decodeArp(b, off, p);
        return;
      default: {
        const dec = ETHERTYPE_DECODERS.get(et);
        if (dec) this.app([dec], b.subarray(off), p, emit);
      }
    }
  }

  private ipv4(b: Uint8Array, off: number, p: PacketFacts, emit: Emit): void {
    const l4 = decodeIpv4(b, off, p);
    if (l4 < 0) return;
    this.transport(b, l4, p, emit);
  }

  private ipv6(b: Uint8Array, off: number, p: PacketFacts, emit: Emit): void {
    const l4 = decodeIpv6(b, off, p);
    if (l4 < 0) return;
    if (p.ipProto === 58) {
      decodeIcmpv6(b, l4, p);
      return;
    }
    this.transport(b, l4, p, emit);
  }

  private transport(b: Uint8Array, off: number, p: PacketFacts, emit: Emit): void {
    if (p.ipProto === 17) {
      if (!decodeUdp(b, off, p) || p.fragment) return;
      const sp = p.srcPort;
      const dp = p.dstPort;
      // BOOTP/DHCP chaddr (RFC 2131 §2, offset 28, when htype 1 / hlen 6): the MAC inside the
      // checksummed payload that corroborates the frame's source address.
      if ((sp === DHCP_CLIENT && dp === DHCP_SERVER) || (sp === DHCP_SERVER && dp === DHCP_CLIENT)) {
        const o = p.payloadOff;
        if (p.payloadEnd - o >= 34 && b[o + 1] === 1 && b[o + 2] === 6) p.innerMac = macNum(b, o + 28);
      }
      const decs = udpDecodersFor(sp, dp);
      if (decs.length && p.payloadEnd > p.payloadOff) this.transportApp(decs, b.subarray(p.payloadOff, p.payloadEnd), p, emit);
      return;
    }
    if (p.ipProto === 6) {
      if (!decodeTcp(b, off, p) || p.fragment) return;
      if (this.emitServices && (p.tcpFlags & (TCP_FLAGS.SYN | TCP_FLAGS.ACK | TCP_FLAGS.RST)) === (TCP_FLAGS.SYN | TCP_FLAGS.ACK)) {
        // SYN-ACK: the sender serves this port (RFC 9293 three-way handshake).
        emit({ kind: 'service', value: `tcp/${p.srcPort}`, proto: 'tcp', source: this.source, ts: p.ts, ...this.subject(p) });
      }
      if (p.payloadEnd > p.payloadOff) {
        const payload = b.subarray(p.payloadOff, p.payloadEnd);
        const decs = tcpDecodersFor(p.srcPort, p.dstPort, payload);
        if (decs.length) this.transportApp(decs, payload, p, emit);
      }
    }
  }

  private subject(p: PacketFacts): { mac?: Mac; ip?: string } {
    const ip = ipText(p, true);
    return p.srcMac >= 0 ? { mac: macText(p.srcMac) as Mac, ip } : { ip };
  }

  private transportApp(decs: readonly AppDecoder[], payload: Uint8Array, p: PacketFacts, emit: Emit): void {
    if (this.isRepeat && this.isRepeat(p, payload)) {
      p.appStatus = 3;
      this.stats.decoded++;
      return;
    }
    this.app(decs, payload, p, emit);
  }

  private app(decs: readonly AppDecoder[], payload: Uint8Array, p: PacketFacts, emit: Emit): void {
    const ctx = new LazyContext(p, this.source);
    let firstViolation = '';
    for (const d of decs) {
      let s: DecodeStatus;
      try {
        s = d(payload, ctx, emit);
      } catch {
        s = 'violation';
      }
      if (s === 'ok') {
        this.stats.decoded++;
        p.appStatus = 1;
        return;
      }
      if (s === 'violation' && !firstViolation) firstViolation = decoderName(d, p);
    }
    p.appStatus = 2;
    if (firstViolation) violate(p, firstViolation);
  }
}

/** What decodePacket needs besides the frame: where observations go and where counts go. */
export interface DecodeContext {
  source: EvidenceSource;
  emit: Emit;
  stats: PacketStats;
  /** Reused between calls (created on first use). */
  decoder?: PacketDecoder;
}

/** Decode one frame (see PacketDecoder); convenient for one-off use and tests. */
export function decodePacket(frame: { data: Uint8Array; ts: number; origLen: number }, linkType: number, ctx: DecodeContext): PacketFacts {
  if (!ctx.decoder || ctx.decoder.stats !== ctx.stats) ctx.decoder = new PacketDecoder(ctx.stats, ctx.source);
  return ctx.decoder.decode(frame.data, linkType, frame.ts, frame.origLen, ctx.emit);
}

export { NONE };
