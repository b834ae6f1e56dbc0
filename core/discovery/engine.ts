// From frames to devices. Every frame goes down the layers (decoders/packet.ts); what it tells is
// folded into per-MAC accumulators keyed by the MAC as a number (no strings in the hot path), and
// turned into Device records only when asked (devices()).
//
// Trust rules, because a bit error must not invent a device (phantom protection):
// - a frame with any violation (bad IPv4 header checksum, impossible length…) contributes nothing;
// - a group (multicast/broadcast) source MAC is never a device; locally administered MACs are kept
//   but flagged (randomized/private addresses carry no vendor meaning);
// - a MAC becomes a device after >= 2 well-formed frames from it, or after one well-formed frame
//   whose identity is corroborated: the MAC inside the payload (ARP sender, DHCP chaddr, NDP
//   link-layer option) equals the frame's source AND every checksum covering it verifies; Ethernet
//   addresses themselves are covered by no checksum once the FCS is stripped, so a single frame
//   with a corrupted source MAC is exactly what this filters out;
// - a busy talker's corrupted echoes (a MAC one byte away from a far busier one, never
//   corroborated) are dropped at the end (see echoFilter): on long captures they repeat;
// - IPv6 has no header checksum: an IPv6 address seen once, unverified, is not bound.
// Routers: one MAC fronting many source IPs is flagged router=true; only the addresses it states
// itself (ARP, DHCP, NDP) are its own, and the private addresses it relays become ip-only devices.
import type { DeviceId, Mac } from '../model/ids';
import { parseMac } from '../model/ids';
import type { Device, Evidence } from '../model/device';
import type { EvidenceSource, Observation, ObservationKind } from '../model/observation';
import { ipv6ToString, isLocalIpv6Text, isPrivateIpText, isPrivateIpv4Number, isUnicastIpv4Number, parseIpv4 } from '../bytes/ip';
import { verifyTransportChecksum } from '../decoders/checksum';
import { type PacketFacts, ip4Text, macIsGroup, macIsLocal, macText } from '../decoders/facts';
import { PacketDecoder, type PacketStats, newPacketStats } from '../decoders/packet';

export interface DiscoveryOptions {
  /**
   * Skip the application decoders for a payload a device already sent byte for byte (default
   * false: on 1M mixed packets it saved ~15% CPU but raised peak memory by ~60 MB).
   */
  memo?: boolean;
  source?: EvidenceSource;
  /** Evidence entries kept per device (distinct kind/value/source); the rest are counted, not kept. */
  maxEvidence?: number;
  /** Distinct source IPv4 addresses behind one MAC above which it is a router. */
  routerThreshold?: number;
}

interface IpBind {
  count: number;
  /** Stated by the device itself (ARP, DHCP, NDP…): the protocol, or '' for a plain source address. */
  strong: string;
  verified: boolean;
  first: number;
  last: number;
  /** Who stated it, when not this engine's own source (a Zeek sensor, a probe). */
  source?: EvidenceSource;
}

interface Acc {
  mac: number;
  frames: number;
  promoted: boolean;
  first: number;
  last: number;
  ip4: Map<number, IpBind>;
  ip6: Map<string, IpBind>;
  lastIp4: number;
  lastIp4Bind?: IpBind;
  ip4Overflow: boolean;
  evidence?: EvidenceMap;
  evidenceDropped: number;
  lastVlan: number;
  /** Identity corroborated by a verified frame (see the trust rules), not just frame count. */
  corroborated: boolean;
  /** Recent application payloads of this device and the evidence they gave (see isRepeat). */
  memo?: Memo[];
  memoNext: number;
  /** Hashes of payloads decoded once (a memo entry is made on the second sighting only). */
  seen?: Int32Array;
  seenNext: number;
  /** Services seen in SYN-ACKs, by port, pointing at their evidence entry. */
  services?: Map<number, Evidence>;
  /** Credit from identity observations in verified frames that name this MAC but did not come from it. */
  credit: number;
}

/** An address known without a MAC (raw IP captures, log sources, hosts behind a router). */
interface IpAcc {
  frames: number;
  first: number;
  last: number;
  verified: boolean;
  evidence?: EvidenceMap;
  evidenceDropped: number;
}

/** Evidence by kind, then by value (plus "\0source" when a second source states the same value). */
class EvidenceMap {
  size = 0;
  readonly byKind = new Map<string, Map<string, Evidence>>();
  *values(): IterableIterator<Evidence> {
    for (const m of this.byKind.values()) yield* m.values();
  }
}

/**
 * MAC → accumulator. A 48-bit MAC is not a small integer, and a Map keyed by doubles boxes and
 * hashes a heap number per lookup; keyed by the low 24 bits (a small integer) with the high 24
 * bits checked, the per-packet lookup allocates nothing.
 */
class MacTable {
  private readonly byLo = new Map<number, Acc | Acc[]>();
  size = 0;
  get(mac: number): Acc | undefined {
    const v = this.byLo.get(mac % 16777216);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return v.mac === mac ? v : undefined;
    for (const a of v) if (a.mac === mac) return a;
    return undefined;
  }
  add(a: Acc): void {
    const lo = a.mac % 16777216;
    const v = this.byLo.get(lo);
    if (v === undefined) this.byLo.set(lo, a);
    else if (Array.isArray(v)) v.push(a);
    else this.byLo.set(lo, [v, a]);
    this.size++;
  }
  *entries(): IterableIterator<[number, Acc]> {
    for (const v of this.byLo.values()) {
      if (Array.isArray(v)) for (const a of v) yield [a.mac, a];
      else yield [v.mac, v];
    }
  }
}

/** A payload a device sent, and the evidence entries decoding it produced. */
interface Memo {
  hash: number;
  transport: number;
  sp: number;
  dp: number;
  sip: number;
  bytes: Uint8Array;
  evs: Evidence[];
}
const MEMO_SLOTS = 4;
const SEEN_SLOTS = 8;
const MEMO_MAX_BYTES = 512;
/** Ephemeral ports (RFC 6335 dynamic range) identify a conversation, not what the payload means. */
const portKey = (port: number): number => (port >= 49152 ? 0 : port);

function fnv(b: Uint8Array): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) x = Math.imul(x ^ b[i]!, 16777619);
  return x >>> 0;
}

const MAX_IPS_TRACKED = 64;
const ECHO_RATIO = 50;
const HOSTNAME_KINDS: ReadonlySet<ObservationKind> = new Set(['hostname', 'nbns-name', 'llmnr-name', 'fqdn']);

function newAcc(mac: number, ts: number): Acc {
  return { mac, frames: 0, promoted: false, first: ts, last: ts, ip4: new Map(), ip6: new Map(), lastIp4: -1, ip4Overflow: false, evidenceDropped: 0, lastVlan: -1, credit: 0, corroborated: false, memoNext: 0, seenNext: 0 };
}

/** Unicast IPv4 a host could use as its own source (not 0/8, 127/8, multicast, reserved, broadcast). */
function ip6Usable(b: Uint8Array, off: number): boolean {
  if (b[off] === 0xff) return false; // multicast
  let z = 0;
  for (let i = 0; i < 15; i++) z |= b[off + i]!;
  return !(z === 0 && (b[off + 15] === 0 || b[off + 15] === 1)); // :: and ::1
}
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function macNumFromText(mac: string): number {
  if (mac.length === 17) {
    // canonical "aa:bb:cc:dd:ee:ff" (what the decoders emit): no regex, no allocation
    let hi = 0;
    let lo = 0;
    let ok = true;
    for (let i = 0; i < 6 && ok; i++) {
      const a = hexVal(mac.charCodeAt(i * 3));
      const b = hexVal(mac.charCodeAt(i * 3 + 1));
      if (a < 0 || b < 0 || (i < 5 && mac.charCodeAt(i * 3 + 2) !== 58)) ok = false;
      else if (i < 3) hi = hi * 256 + a * 16 + b;
      else lo = lo * 256 + a * 16 + b;
    }
    if (ok) return hi * 16777216 + lo;
  }
  const m = parseMac(mac);
  return m ? parseInt(m.replace(/:/g, ''), 16) : -1;
}

export class DiscoveryEngine {
  readonly stats: PacketStats;
  readonly source: EvidenceSource;
  private readonly decoder: PacketDecoder;
  private readonly macs = new MacTable();
  private readonly ips = new Map<string, IpAcc>();
  private readonly frameObs: Observation[] = [];
  private readonly maxEvidence: number;
  private readonly routerThreshold: number;
  private verified = -1;
  private cur?: PacketFacts;
  private readonly verify = (): boolean => {
    if (this.verified < 0) {
      const p = this.cur;
      this.verified = p && p.ipVersion !== 0 && verifyTransportChecksum(p) === true ? 1 : 0;
    }
    return this.verified === 1;
  };
  private replay?: Memo;
  private memoAcc?: Acc;
  private memoHash = 0;
  private memoBytes?: Uint8Array;
  private readonly memoEvs: Evidence[] = [];
  private readonly memoOn: boolean;
  /**
   * Devices repeat themselves (mDNS and SSDP announcements, the same DNS question, the same HTTP
   * request line): when a device sends a UDP/TCP payload byte-identical (same ports up to the
   * ephemeral range, same source IPv4) to one of its last MEMO_SLOTS payloads, the decoders are
   * skipped and that payload's evidence entries are counted again. Only payloads whose every
   * observation was about the sender itself are remembered, so the result is the same as
   * decoding again (tested), minus the string work.
   */
  private readonly isRepeat = (p: PacketFacts, payload: Uint8Array): boolean => {
    this.replay = undefined;
    this.memoAcc = undefined;
    if (p.srcMac < 0 || p.ipVersion !== 4 || payload.length > MEMO_MAX_BYTES) return false;
    const acc = this.macs.get(p.srcMac);
    if (!acc) return false;
    const h = fnv(payload);
    this.memoAcc = acc;
    this.memoHash = h;
    this.memoBytes = payload;
    const memo = acc.memo;
    if (!memo) return false;
    const sp = portKey(p.srcPort);
    const dp = portKey(p.dstPort);
    for (const m of memo) {
      if (m.hash !== h || m.bytes.length !== payload.length || m.sp !== sp || m.dp !== dp || m.sip !== p.srcIp4 || m.transport !== p.transport) continue;
      let same = true;
      for (let i = 0; i < payload.length && same; i++) same = m.bytes[i] === payload[i];
      if (!same) continue;
      this.replay = m;
      return true;
    }
    return false;
  };
  private lastMacText = '';
  private lastMacNum = -1;
  private readonly collect = (o: Observation): void => {
    if (this.frameObs.length < 256) this.frameObs.push(o);
  };

  constructor(opts: DiscoveryOptions = {}) {
    this.source = opts.source ?? 'pcap';
    this.stats = newPacketStats();
    this.memoOn = opts.memo ?? false;
    this.decoder = new PacketDecoder(this.stats, this.source, { emitServices: false, isRepeat: this.memoOn ? this.isRepeat : undefined });
    this.maxEvidence = opts.maxEvidence ?? 200;
    this.routerThreshold = opts.routerThreshold ?? 4;
  }

  /** Number of MAC candidates held (promoted or not): bounded by distinct source MACs. */
  get candidates(): number {
    return this.macs.size;
  }

  /** Fold one frame in. Never throws. */
  addFrame(data: Uint8Array, linkType: number, ts: number, origLen = data.length): void {
    this.frameObs.length = 0;
    const p = this.decoder.decode(data, linkType, ts, origLen, this.collect);
    this.cur = p;
    if (p.violation || p.unsupportedLink) return;
    const src = p.srcMac;
    let acc: Acc | undefined;
    if (src >= 0 && !macIsGroup(src)) {
      acc = this.macs.get(src);
      if (!acc) this.macs.add((acc = newAcc(src, ts)));
      acc.frames++;
      if (ts < acc.first) acc.first = ts;
      if (ts > acc.last) acc.last = ts;
      if (acc.frames >= 2) acc.promoted = true;
      if (p.vlan >= 0 && p.vlan !== acc.lastVlan) {
        acc.lastVlan = p.vlan;
        this.evidence(acc, 'vlan', String(p.vlan), '802.1q', ts);
      }
    }
    this.verified = -1; // transport checksum, computed at most once per frame, only when needed
    const verify = this.verify;

    // Layer-3 bindings.
    if (p.arpOp >= 0 && p.arpSpa > 0 && isUnicastIpv4Number(p.arpSpa) && p.arpSha >= 0 && !macIsGroup(p.arpSha)) {
      const a = p.arpSha === src ? acc : this.acc(p.arpSha, ts);
      if (a) {
        this.bind4(a, p.arpSpa, ts, 'arp');
        if (p.arpSha === src) a.promoted = a.corroborated = true; // sender address corroborates the frame's source
      }
    }
    if (p.ipVersion === 4 && isUnicastIpv4Number(p.srcIp4)) {
      if (acc) this.bind4(acc, p.srcIp4, ts, '');
      else if (src < 0) this.ipSeen(ip4Text(p.srcIp4), ts, true, isPrivateIpv4Number(p.srcIp4));
    } else if (p.ipVersion === 6 && ip6Usable(p.data, p.srcIp6Off)) {
      const ip = ipv6ToString(p.data, p.srcIp6Off)!;
      if (acc) this.bind6(acc, ip, ts, '', false);
      else if (src < 0) this.ipSeen(ip, ts, false, isLocalIpv6Text(ip));
    }
    if (p.ndMac >= 0 && p.ndAddrOff >= 0 && !macIsGroup(p.ndMac) && ip6Usable(p.data, p.ndAddrOff)) {
      const a = p.ndMac === src ? acc : this.acc(p.ndMac, ts);
      if (a) {
        const ok = verify();
        this.bind6(a, ipv6ToString(p.data, p.ndAddrOff)!, ts, 'ndp', ok);
        if (ok && p.ndMac === src) a.promoted = a.corroborated = true;
      }
    }
    if (acc && !acc.corroborated && p.innerMac === src && p.ipChecksumOk && verify()) acc.promoted = acc.corroborated = true;

    // SYN-ACK: the sender serves that port (RFC 9293 handshake). Kept as numbers until new.
    if (acc && p.transport === 6 && (p.tcpFlags & 0x16) === 0x12) {
      const svc = (acc.services ??= new Map<number, Evidence>());
      const e = svc.get(p.srcPort);
      if (e) {
        e.count++;
        if (ts > e.lastSeen) e.lastSeen = ts;
      } else if (svc.size < 64) {
        const made = this.evidence(acc, 'service', `tcp/${p.srcPort}`, 'tcp', ts);
        if (made) svc.set(p.srcPort, made);
      }
    }

    // Identity observations from the application decoders (or a replay of a remembered payload).
    if (p.appStatus === 3) {
      const m = this.replay;
      if (m) {
        for (const e of m.evs) {
          e.count++;
          if (ts > e.lastSeen) e.lastSeen = ts;
          if (ts < e.firstSeen) e.firstSeen = ts;
        }
      }
      return;
    }
    const evs = this.memoEvs;
    evs.length = 0;
    let memoable = this.memoOn && p.appStatus === 1 && acc !== undefined && this.memoAcc === acc && this.frameObs.length > 0;
    for (const o of this.frameObs) {
      // An LLDP chassis id that is the frame's own source MAC is the device stating its address
      // (like an ARP sender): a well-formed LLDPDU corroborates a MAC seen once (a switch announces
      // itself every 30 s, and a short capture may hold only one).
      if (acc && !acc.corroborated && o.kind === 'lldp-chassis-id' && o.mac !== undefined && this.macNum(o.mac) === src && this.macNum(o.value) === src) {
        acc.promoted = acc.corroborated = true;
      }
      const e = this.observe(o, p, acc, verify);
      if (memoable) {
        if (e && o.kind !== 'ip' && o.mac !== undefined && this.macNum(o.mac) === src) evs.push(e);
        else memoable = false;
      }
    }
    if (memoable && acc && this.memoBytes && !this.seenBefore(acc, this.memoHash | 0)) memoable = false;
    if (memoable && acc && this.memoBytes) {
      const memo = (acc.memo ??= []);
      const m: Memo = { hash: this.memoHash, transport: p.transport, sp: portKey(p.srcPort), dp: portKey(p.dstPort), sip: p.srcIp4, bytes: this.memoBytes.slice(), evs: evs.slice() };
      if (memo.length < MEMO_SLOTS) memo.push(m);
      else memo[acc.memoNext] = m;
      acc.memoNext = (acc.memoNext + 1) % MEMO_SLOTS;
    }
    this.memoBytes = undefined;
  }

  /**
   * Was this payload hash decoded before for this device? Records it when not. Payloads that never
   * repeat (a DHCP transaction id, a DNS query id) so cost one integer, not a memo entry: fewer
   * short-lived objects promoted to the old generation, lower peak memory.
   */
  private seenBefore(acc: Acc, h: number): boolean {
    const seen = (acc.seen ??= new Int32Array(SEEN_SLOTS));
    for (let i = 0; i < SEEN_SLOTS; i++) if (seen[i] === h && h !== 0) return true;
    seen[acc.seenNext] = h;
    acc.seenNext = (acc.seenNext + 1) % SEEN_SLOTS;
    return false;
  }

  /** Fold in an observation from elsewhere (a log, a probe, a person): trusted as given. */
  addObservation(o: Observation): void {
    this.observe(o, undefined, undefined, () => true);
  }

  /** MAC text → number, with a one-entry cache (a frame's observations name the same MAC). */
  private macNum(text: string): number {
    if (text === this.lastMacText) return this.lastMacNum;
    this.lastMacText = text;
    return (this.lastMacNum = macNumFromText(text));
  }

  private acc(mac: number, ts: number): Acc {
    let a = this.macs.get(mac);
    if (!a) this.macs.add((a = newAcc(mac, ts)));
    return a;
  }

  private bind4(acc: Acc, ip: number, ts: number, strong: string, source?: EvidenceSource): void {
    let b: IpBind | undefined;
    const key = ip | 0; // int32 keys stay small integers (no boxed doubles in the map)
    if (acc.lastIp4 === key) b = acc.lastIp4Bind;
    else {
      b = acc.ip4.get(key);
      if (!b) {
        if (acc.ip4.size >= MAX_IPS_TRACKED) {
          acc.ip4Overflow = true;
          return;
        }
        acc.ip4.set(key, (b = { count: 0, strong: '', verified: true, first: ts, last: ts }));
      }
      acc.lastIp4 = key;
      acc.lastIp4Bind = b;
    }
    b!.count++;
    if (ts > b!.last) b!.last = ts;
    if (strong && !b!.strong) b!.strong = strong;
    if (source && !b!.source) b!.source = source;
  }

  private bind6(acc: Acc, ip: string, ts: number, strong: string, verified: boolean, source?: EvidenceSource): void {
    let b = acc.ip6.get(ip);
    if (!b) {
      if (acc.ip6.size >= MAX_IPS_TRACKED) return;
      acc.ip6.set(ownString(ip), (b = { count: 0, strong: '', verified, first: ts, last: ts }));
    }
    b.count++;
    if (verified) b.verified = true;
    if (ts > b.last) b.last = ts;
    if (strong && !b.strong) b.strong = strong;
    if (source && !b.source) b.source = source;
  }

  private ipSeen(ip: string, ts: number, verified: boolean, local: boolean): IpAcc | undefined {
    let a = this.ips.get(ip);
    if (!a) {
      if (!local) return undefined; // public sources without identity are peers, not devices
      this.ips.set(ownString(ip), (a = { frames: 0, first: ts, last: ts, verified, evidenceDropped: 0 }));
    }
    a.frames++;
    if (verified) a.verified = true;
    if (ts > a.last) a.last = ts;
    return a;
  }

  private observe(o: Observation, p: PacketFacts | undefined, srcAcc: Acc | undefined, verify: () => boolean): Evidence | undefined {
    const ts = p ? p.ts : o.ts; // a frame's observations take the frame's time (they may be replays)
    let target: Acc | IpAcc | undefined;
    if (o.mac) {
      const m = this.macNum(o.mac);
      if (m < 0 || macIsGroup(m)) return;
      const fromSrc = p !== undefined && m === p.srcMac;
      target = fromSrc ? srcAcc : this.acc(m, ts);
      if (!target) return;
      const a = target as Acc;
      if (!p) a.promoted = a.corroborated = true;
      else if (!fromSrc && !a.corroborated && verify() && ++a.credit >= 2) a.promoted = a.corroborated = true;
      if (o.kind === 'ip' && o.value) {
        const src = o.source !== this.source ? o.source : undefined;
        if (o.value.includes(':')) this.bind6(a, o.value, ts, o.proto, !p || verify(), src);
        else {
          const n = parseIpv4(o.value);
          if (n !== undefined && isUnicastIpv4Number(n)) this.bind4(a, n, ts, o.proto, src);
        }
        return;
      }
    } else if (o.ip) {
      target = this.ipSeen(o.ip, ts, !p || verify(), true);
      if (!target) return;
    } else return;
    return this.evidence(target, o.kind, o.value, o.proto, ts, o.source);
  }

  private evidence(t: Acc | IpAcc, kind: ObservationKind, value: string, proto: string, ts: number, source: EvidenceSource = this.source): Evidence | undefined {
    const ev = (t.evidence ??= new EvidenceMap());
    let map = ev.byKind.get(kind);
    if (!map) ev.byKind.set(kind, (map = new Map()));
    let key = value;
    let e = map.get(key);
    if (e && e.source !== source) e = map.get((key = value + '\u0000' + source));
    if (e) {
      e.count++;
      if (ts < e.firstSeen) e.firstSeen = ts;
      if (ts > e.lastSeen) e.lastSeen = ts;
      return e;
    }
    if (ev.size >= this.maxEvidence) {
      t.evidenceDropped++;
      return undefined;
    }
    ev.size++;
    // Keep a copy of its own: a value cut out of a big decoded text (a Zeek log chunk) would
    // otherwise keep that whole chunk alive for as long as the device is (V8 sliced strings).
    const own = ownString(value);
    const made: Evidence = { kind, value: own, proto, source, count: 1, firstSeen: ts, lastSeen: ts };
    map.set(key === value ? own : ownString(key), made);
    return made;
  }

  /**
   * Bit errors in a busy talker's source address: a MAC that differs from a far busier MAC in
   * exactly one byte, with at most 1/ECHO_RATIO of its frames and no corroborated identity of its
   * own, is that talker's corrupted echo (a given byte becomes a given wrong value in at most 1/256
   * of the frames, whatever the error rate). Frame count alone cannot tell: on a long capture a
   * gateway's echoes repeat. Sequential MACs of real devices survive because each corroborates
   * itself (ARP, DHCP, NDP) or is not dwarfed by its neighbour.
   */
  private echoFilter(): (mac: number, a: Acc) => boolean {
    const busiest = new Map<number, number>();
    const keyOf = (mac: number, k: number): number => {
      const unit = Math.pow(256, 5 - k);
      return (mac - (Math.floor(mac / unit) % 256) * unit) * 8 + k;
    };
    for (const [mac, a] of this.macs.entries()) {
      if (a.frames < ECHO_RATIO * 2) continue;
      for (let k = 0; k < 6; k++) {
        const key = keyOf(mac, k);
        if ((busiest.get(key) ?? 0) < a.frames) busiest.set(key, a.frames);
      }
    }
    return (mac, a) => {
      if (a.corroborated || busiest.size === 0) return false;
      for (let k = 0; k < 6; k++) if ((busiest.get(keyOf(mac, k)) ?? 0) >= a.frames * ECHO_RATIO) return true;
      return false;
    };
  }

  /** The devices so far (a snapshot; the engine keeps accumulating). */
  devices(): Device[] {
    const out: Device[] = [];
    const ownIps = new Map<string, Device>();
    const relayed = new Map<string, { first: number; last: number; frames: number }>();
    const macDevices: Array<[number, Acc, Device]> = [];
    const echoes = this.echoFilter();
    for (const [mac, a] of this.macs.entries()) {
      if (!a.promoted || echoes(mac, a)) continue;
      const macT = macText(mac) as Mac;
      const router = a.ip4Overflow || a.ip4.size > this.routerThreshold;
      const ev: Evidence[] = [];
      const ips: string[] = [];
      const ownIpList: string[] = [];
      const addIp = (ip: string, b: IpBind, v6: boolean): void => {
        const own = router ? b.strong !== '' : b.strong !== '' || !v6 || b.count >= 2 || b.verified;
        if (!own) {
          if (router && (v6 ? isLocalIpv6Text(ip) : isPrivateIpText(ip))) {
            const r = relayed.get(ip);
            if (r) r.frames += b.count;
            else relayed.set(ip, { first: b.first, last: b.last, frames: b.count });
          }
          return;
        }
        ips.push(ip);
        ownIpList.push(ip);
        ev.push({ kind: 'ip', value: ip, proto: b.strong || (v6 ? 'ipv6' : 'ipv4'), source: b.source ?? this.source, count: b.count, firstSeen: b.first, lastSeen: b.last });
      };
      for (const [ip, b] of a.ip4) addIp(ip4Text(ip >>> 0), b, false);
      for (const [ip, b] of a.ip6) addIp(ip, b, true);
      if (a.evidence) for (const e of a.evidence.values()) ev.push({ ...e });
      const d: Device = {
        id: `dev_${macT.replace(/:/g, '')}` as DeviceId,
        mac: macT,
        ips,
        hostnames: hostnames(ev),
        firstSeen: a.first,
        lastSeen: a.last,
        packets: a.frames,
        evidence: ev.slice(0, this.maxEvidence),
      };
      if (router) d.router = true;
      if (macIsLocal(mac)) d.identity = { macVendor: { randomized: true, note: 'locally administered address: no vendor registered' } };
      macDevices.push([mac, a, d]);
      for (const ip of ownIpList.splice(0)) if (!ownIps.has(ip)) ownIps.set(ip, d);
      out.push(d);
    }
    // Devices known only by address: identity seen without a MAC, or private hosts behind a router.
    const ipOnly = new Map<string, Device>();
    const ipDevice = (ip: string, first: number, last: number): Device => {
      let d = ipOnly.get(ip);
      if (!d) {
        d = { id: `dev_ip_${ip}` as DeviceId, ips: [ip], hostnames: [], firstSeen: first, lastSeen: last, packets: 0, ipOnly: true, evidence: [] };
        ipOnly.set(ip, d);
      }
      return d;
    };
    for (const [ip, r] of relayed) {
      if (ownIps.has(ip) || r.frames < 2) continue;
      ipDevice(ip, r.first, r.last).packets += r.frames;
    }
    for (const [ip, a] of this.ips) {
      const hasEvidence = (a.evidence?.size ?? 0) > 0;
      if (!hasEvidence && a.frames < 2) continue;
      if (!a.verified && a.frames < 2) continue;
      // An address that belongs to a MAC device: its evidence joins that device.
      const owner = ownIps.get(ip);
      const d = owner ?? ipDevice(ip, a.first, a.last);
      if (!owner) d.packets += a.frames;
      if (a.evidence) for (const e of a.evidence.values()) if (d.evidence.length < this.maxEvidence) d.evidence.push({ ...e });
      d.hostnames = hostnames(d.evidence);
    }
    for (const d of ipOnly.values()) out.push(d);
    // MAC devices by MAC, then ip-only devices by address (plain code-unit order: stable everywhere)
    const key = (d: Device): string => (d.mac ? '0' + d.mac : '1' + (d.ips[0] ?? ''));
    out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    return out;
  }
}

/** A string that does not share storage with a larger one (concatenation flattens, slice copies). */
function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

function hostnames(ev: readonly Evidence[]): string[] {
  const s = new Set<string>();
  for (const e of ev) if (HOSTNAME_KINDS.has(e.kind) && e.value) s.add(e.value);
  return [...s];
}

/** Devices not in a previous survey (matched by id, i.e. by MAC, or by IP for ip-only devices). */
export function newSince(devices: readonly Device[], previousIds: ReadonlySet<string>): Device[] {
  return devices.filter((d) => !previousIds.has(d.id));
}
