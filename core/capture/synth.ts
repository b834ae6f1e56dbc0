// Synthetic frame builder for tests and benchmarks: well-formed Ethernet/IPv4/IPv6 frames with
// correct IPv4 header, UDP, TCP and ICMPv6 checksums (RFC 1071), and a deterministic generator
// of mixed LAN traffic (ARP, DHCP, mDNS, SSDP, DNS, TCP, UDP) from many devices. Pure: frames are
// written into a reused scratch buffer and handed to a callback.

export type MacBytes = readonly [number, number, number, number, number, number];

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function csum(b: Uint8Array, start: number, end: number, acc = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) acc += (b[i]! << 8) | b[i + 1]!;
  if (i < end) acc += b[i]! << 8;
  while (acc > 0xffff) acc = (acc & 0xffff) + Math.floor(acc / 65536);
  return acc;
}

export class FrameBuilder {
  readonly buf = new Uint8Array(2048);
  len = 0;

  private mac(o: number, m: MacBytes): void {
    for (let i = 0; i < 6; i++) this.buf[o + i] = m[i]!;
  }
  private u16(o: number, v: number): void {
    this.buf[o] = (v >>> 8) & 255;
    this.buf[o + 1] = v & 255;
  }
  private u32(o: number, v: number): void {
    this.u16(o, (v >>> 16) & 0xffff);
    this.u16(o + 2, v & 0xffff);
  }

  /** Ethernet header (with an optional 802.1Q tag); returns the payload offset. */
  ethernet(dst: MacBytes, src: MacBytes, etherType: number, vlan = -1): number {
    this.mac(0, dst);
    this.mac(6, src);
    if (vlan >= 0) {
      this.u16(12, 0x8100);
      this.u16(14, vlan);
      this.u16(16, etherType);
      return 18;
    }
    this.u16(12, etherType);
    return 14;
  }

  arp(dst: MacBytes, src: MacBytes, op: number, spa: number, tha: MacBytes, tpa: number): Uint8Array {
    const o = this.ethernet(dst, src, 0x0806);
    this.u16(o, 1);
    this.u16(o + 2, 0x0800);
    this.buf[o + 4] = 6;
    this.buf[o + 5] = 4;
    this.u16(o + 6, op);
    this.mac(o + 8, src);
    this.u32(o + 14, spa);
    this.mac(o + 18, tha);
    this.u32(o + 24, tpa);
    this.len = Math.max(60, o + 28);
    this.buf.fill(0, o + 28, this.len);
    return this.view();
  }

  /** IPv4 + UDP with payload; checksums filled. */
  udp4(dst: MacBytes, src: MacBytes, sip: number, dip: number, sport: number, dport: number, payload: Uint8Array, vlan = -1): Uint8Array {
    const o = this.ethernet(dst, src, 0x0800, vlan);
    const u = o + 20;
    this.buf.set(payload, u + 8);
    this.u16(u, sport);
    this.u16(u + 2, dport);
    this.u16(u + 4, 8 + payload.length);
    this.u16(u + 6, 0);
    this.ipv4(o, sip, dip, 17, 8 + payload.length);
    const c = 0xffff - this.pseudo4(sip, dip, 17, 8 + payload.length, u, u + 8 + payload.length);
    this.u16(u + 6, c === 0 ? 0xffff : c);
    return this.finish(u + 8 + payload.length);
  }

  /** IPv4 + TCP (flags, optional payload); checksums filled. */
  tcp4(dst: MacBytes, src: MacBytes, sip: number, dip: number, sport: number, dport: number, flags: number, seq: number, payload?: Uint8Array): Uint8Array {
    const o = this.ethernet(dst, src, 0x0800);
    const t = o + 20;
    const plen = payload?.length ?? 0;
    this.u16(t, sport);
    this.u16(t + 2, dport);
    this.u32(t + 4, seq);
    this.u32(t + 8, flags & 16 ? seq ^ 0x5a5a : 0);
    this.buf[t + 12] = 5 << 4;
    this.buf[t + 13] = flags;
    this.u16(t + 14, 64240);
    this.u16(t + 16, 0);
    this.u16(t + 18, 0);
    if (payload) this.buf.set(payload, t + 20);
    this.ipv4(o, sip, dip, 6, 20 + plen);
    this.u16(t + 16, 0xffff - this.pseudo4(sip, dip, 6, 20 + plen, t, t + 20 + plen));
    return this.finish(t + 20 + plen);
  }

  /** IPv6 + ICMPv6 neighbour solicitation/advertisement with a link-layer address option. */
  nd6(dst: MacBytes, src: MacBytes, sip: Uint8Array, dip: Uint8Array, type: 135 | 136, target: Uint8Array): Uint8Array {
    const o = this.ethernet(dst, src, 0x86dd);
    const plen = 32;
    this.buf[o] = 0x60;
    this.buf.fill(0, o + 1, o + 4);
    this.u16(o + 4, plen);
    this.buf[o + 6] = 58;
    this.buf[o + 7] = 255;
    this.buf.set(sip, o + 8);
    this.buf.set(dip, o + 24);
    const i = o + 40;
    this.buf[i] = type;
    this.buf[i + 1] = 0;
    this.u16(i + 2, 0);
    this.u32(i + 4, type === 136 ? 0x60000000 : 0);
    this.buf.set(target, i + 8);
    this.buf[i + 24] = type === 136 ? 2 : 1;
    this.buf[i + 25] = 1;
    this.mac(i + 26, src);
    let acc = csum(this.buf, o + 8, o + 40);
    acc += 58 + plen;
    this.u16(i + 2, 0xffff - csum(this.buf, i, i + plen, acc));
    return this.finish(i + plen);
  }

  private ipv4(o: number, sip: number, dip: number, proto: number, l4len: number): void {
    const b = this.buf;
    b[o] = 0x45;
    b[o + 1] = 0;
    this.u16(o + 2, 20 + l4len);
    this.u16(o + 4, (sip ^ dip) & 0xffff);
    this.u16(o + 6, 0x4000);
    b[o + 8] = 64;
    b[o + 9] = proto;
    this.u16(o + 10, 0);
    this.u32(o + 12, sip);
    this.u32(o + 16, dip);
    this.u16(o + 10, 0xffff - csum(b, o, o + 20));
  }

  private pseudo4(sip: number, dip: number, proto: number, len: number, start: number, end: number): number {
    const acc = (sip >>> 16) + (sip & 0xffff) + (dip >>> 16) + (dip & 0xffff) + proto + len;
    return csum(this.buf, start, end, acc);
  }

  private finish(end: number): Uint8Array {
    this.len = Math.max(60, end);
    this.buf.fill(0, end, this.len);
    return this.view();
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

/** A DHCP DISCOVER (RFC 2131) with options 53, 12 (host name), 55, 60 and 61. */
export function dhcpDiscover(chaddr: MacBytes, xid: number, hostname: string, vendorClass = 'MSFT 5.0'): Uint8Array {
  const opts = [53, 1, 1, 12, hostname.length, ...ascii(hostname), 55, 4, 1, 3, 6, 15, 60, vendorClass.length, ...ascii(vendorClass), 61, 7, 1, ...chaddr, 255];
  const b = new Uint8Array(240 + opts.length);
  b[0] = 1;
  b[1] = 1;
  b[2] = 6;
  b[4] = (xid >>> 24) & 255;
  b[5] = (xid >>> 16) & 255;
  b[6] = (xid >>> 8) & 255;
  b[7] = xid & 255;
  b.set(chaddr, 28);
  b.set([0x63, 0x82, 0x53, 0x63], 236);
  b.set(opts, 240);
  return b;
}

/** An mDNS response announcing "<host>.local" A <ip> (RFC 6762). */
export function mdnsAnnounce(host: string, ip: number): Uint8Array {
  const name = [host.length, ...ascii(host), 5, ...ascii('local'), 0];
  return Uint8Array.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, ...name, 0, 1, 0x80, 1, 0, 0, 0, 120, 0, 4, ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]);
}

/** A DNS query for a name (RFC 1035). */
export function dnsQuery(id: number, qname: string): Uint8Array {
  const labels: number[] = [];
  for (const l of qname.split('.')) labels.push(l.length, ...ascii(l));
  return Uint8Array.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, ...labels, 0, 0, 1, 0, 1]);
}

/** An SSDP NOTIFY (UPnP Device Architecture 2.0 §1.2). */
export function ssdpNotify(ip: number, uuid: string): Uint8Array {
  const a = `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
  return ascii(
    `NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://${a}:80/desc.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\nSERVER: Linux/3.10 UPnP/1.0 Wardwalk-Synth/1.0\r\nUSN: uuid:${uuid}::upnp:rootdevice\r\n\r\n`,
  );
}

export interface MixOptions {
  packets: number;
  devices: number;
  seed?: number;
  startMs?: number;
}

/** Device i's MAC (a registered-looking OUI, never group/local) and IPv4 address (10.x.y.z). */
export function synthMac(i: number): MacBytes {
  return [0x00, 0x1b, 0x44, (i >>> 16) & 255, (i >>> 8) & 255, i & 255];
}
export function synthIp(i: number): number {
  return ((10 << 24) | ((((i >>> 16) & 0x3f) + 1) << 16) | (((i >>> 8) & 255) << 8) | ((i & 255) === 0 ? 254 : i & 255)) >>> 0;
}

const BCAST: MacBytes = [255, 255, 255, 255, 255, 255];
const MDNS_MAC: MacBytes = [0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb];
const SSDP_MAC: MacBytes = [0x01, 0x00, 0x5e, 0x7f, 0xff, 0xfa];
const ROUTER: MacBytes = [0x00, 0x00, 0x0c, 0x9f, 0xf0, 0x01];
const ROUTER_IP = ((10 << 24) | (0 << 16) | (0 << 8) | 1) >>> 0;
const ZERO: MacBytes = [0, 0, 0, 0, 0, 0];

/**
 * Mixed LAN traffic: per packet a random device does one of ARP (10%), DHCP discover (3%), mDNS
 * announce (10%), SSDP notify (5%), DNS query via the router (20%), TCP to/from an outside server
 * through the router (35%), or other UDP (17%). Calls onFrame(view, tsMs) for each.
 */
export function synthMix(o: MixOptions, onFrame: (frame: Uint8Array, ts: number) => void): void {
  const r = rng(o.seed ?? 1);
  const fb = new FrameBuilder();
  const dns = new Map<number, Uint8Array>();
  const names = ['time.example.org', 'pacs.hospital.example', 'update.vendor.example', 'hl7.hospital.example'];
  const dnsq = names.map((n, i) => dnsQuery(i + 1, n));
  const udpPayload = new Uint8Array(48).fill(0x11);
  const http = ascii('GET /status HTTP/1.1\r\nHost: device.example\r\nUser-Agent: Synth/1.0\r\n\r\n');
  let ts = o.startMs ?? 1_700_000_000_000;
  for (let n = 0; n < o.packets; n++) {
    ts += 0.5 + r();
    const i = Math.floor(r() * o.devices);
    const mac = synthMac(i);
    const ip = synthIp(i);
    const k = r();
    let f: Uint8Array;
    if (k < 0.1) f = fb.arp(BCAST, mac, 1, ip, ZERO, ROUTER_IP);
    else if (k < 0.13) f = fb.udp4(BCAST, mac, 0, 0xffffffff, 68, 67, dhcpDiscover(mac, n, `dev-${i}`));
    else if (k < 0.23) f = fb.udp4(MDNS_MAC, mac, ip, 0xe00000fb, 5353, 5353, mdnsAnnounce(`dev-${i}`, ip));
    else if (k < 0.28) {
      let p = dns.get(i);
      if (!p) {
        p = ssdpNotify(ip, `0000${i.toString(16).padStart(8, '0')}-0000-1000-8000-001b44000000`);
        if (dns.size < 4096) dns.set(i, p);
      }
      f = fb.udp4(SSDP_MAC, mac, ip, 0xeffffffa, 1900, 1900, p);
    } else if (k < 0.48) f = fb.udp4(ROUTER, mac, ip, 0x08080808, 49152 + (n & 0x3fff), 53, dnsq[n & 3]!);
    else if (k < 0.83) {
      const server = (0x5db8d800 + (n % 251)) >>> 0; // 93.184.216.x: outside, behind the router
      const phase = n % 4;
      if (phase === 0) f = fb.tcp4(ROUTER, mac, ip, server, 40000 + (i & 0x3fff), 443, 2, n);
      else if (phase === 1) f = fb.tcp4(mac, ROUTER, server, ip, 443, 40000 + (i & 0x3fff), 18, n);
      else if (phase === 2) f = fb.tcp4(ROUTER, mac, ip, server, 40000 + (i & 0x3fff), 80, 24, n, http);
      else f = fb.tcp4(mac, ROUTER, server, ip, 80, 40000 + (i & 0x3fff), 16, n);
    } else f = fb.udp4(ROUTER, mac, ip, 0x0a000001, 50000 + (n & 0xfff), 514, udpPayload);
    onFrame(f, ts);
  }
}
