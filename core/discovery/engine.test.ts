import { describe, expect, it } from 'vitest';
import { FrameBuilder, dhcpDiscover, rng, synthIp, synthMac, synthMix, type MacBytes } from '../capture/synth';
import { DiscoveryEngine, newSince } from './engine';

const BCAST: MacBytes = [255, 255, 255, 255, 255, 255];
const ZERO: MacBytes = [0, 0, 0, 0, 0, 0];

function mixDevices(corruptRate: number, seed: number): { engine: DiscoveryEngine; corrupted: number } {
  const engine = new DiscoveryEngine();
  const r = rng(seed);
  let corrupted = 0;
  synthMix({ packets: 20_000, devices: 300, seed: 42 }, (f, ts) => {
    if (corruptRate > 0) {
      // à la `editcap -E 0.02`: every byte of every frame has a 2% chance of becoming a random byte
      const c = f.slice();
      let hit = false;
      for (let i = 0; i < c.length; i++) {
        if (r() < corruptRate) {
          c[i] = Math.floor(r() * 256);
          hit = true;
        }
      }
      if (hit) corrupted++;
      engine.addFrame(c, 1, ts);
    } else engine.addFrame(f, 1, ts);
  });
  return { engine, corrupted };
}

describe('discovery engine', () => {
  it('finds every synthetic device, its IP and its DHCP host name, and flags the router', () => {
    const { engine } = mixDevices(0, 1);
    const devs = engine.devices();
    const router = devs.find((d) => d.mac === '00:00:0c:9f:f0:01');
    expect(router?.router).toBe(true);
    expect(router?.ips).toEqual([]); // it never stated an address of its own (no ARP/DHCP from it)
    const hosts = devs.filter((d) => d.mac?.startsWith('00:1b:44'));
    expect(hosts.length).toBe(300);
    const d7 = hosts.find((d) => d.mac === '00:1b:44:00:00:07')!;
    expect(d7.ips).toEqual(['10.1.0.7']);
    expect(d7.router).toBeUndefined();
    expect(d7.evidence.find((e) => e.kind === 'ip')).toMatchObject({ value: '10.1.0.7', proto: 'arp' });
    expect(devs.filter((d) => d.ipOnly)).toEqual([]); // the outside servers are peers, not devices
    expect(engine.stats.malformed).toBe(0);
  });

  it('keeps the device count within 5% of the clean count under 2% random byte errors', () => {
    const clean = mixDevices(0, 1).engine.devices().length;
    for (const seed of [7, 8]) {
      const { engine, corrupted } = mixDevices(0.02, seed);
      const n = engine.devices().length;
      expect(corrupted).toBeGreaterThan(10_000); // most frames really were damaged
      expect(engine.candidates).toBeGreaterThan(clean + 500); // and the damage did create phantom MACs…
      expect(Math.abs(n - clean) / clean).toBeLessThanOrEqual(0.05); // …that were not promoted
    }
  });

  it('promotes a MAC from one corroborated frame but not from one uncorroborated frame', () => {
    const fb = new FrameBuilder();
    const e = new DiscoveryEngine();
    const a = synthMac(1);
    const b = synthMac(2);
    const c = synthMac(3);
    e.addFrame(fb.arp(BCAST, a, 1, synthIp(1), ZERO, synthIp(9)).slice(), 1, 1); // ARP: sha == source
    e.addFrame(fb.udp4(BCAST, b, 0, 0xffffffff, 68, 67, dhcpDiscover(b, 1, 'pump-7')).slice(), 1, 2); // DHCP: chaddr == source, checksums ok
    const f = fb.arp(BCAST, c, 1, synthIp(3), ZERO, synthIp(9)).slice();
    f[22] = f[22]! ^ 0x40; // sender hardware address differs from the frame source: nothing corroborates
    e.addFrame(f, 1, 4);
    expect(e.devices().map((d) => d.mac)).toEqual(['00:1b:44:00:00:01', '00:1b:44:00:00:02']);
    const pump = e.devices()[1]!;
    expect(pump.evidence.some((x) => x.kind === 'hostname' && x.value === 'pump-7')).toBe(true);
    expect(pump.hostnames).toEqual(['pump-7']);
    // a second ordinary frame from c promotes it
    e.addFrame(fb.udp4(BCAST, c, synthIp(3), synthIp(9), 40000, 40001, new Uint8Array(8)).slice(), 1, 5);
    expect(e.devices().map((d) => d.mac)).toContain('00:1b:44:00:00:03');
  });

  it('never makes a device of a group source MAC, flags locally administered ones, dedupes evidence', () => {
    const fb = new FrameBuilder();
    const e = new DiscoveryEngine({ maxEvidence: 3 });
    const group: MacBytes = [0x01, 0, 0x5e, 0, 0, 1];
    const local: MacBytes = [0x02, 0x11, 0x22, 0x33, 0x44, 0x55];
    for (let i = 0; i < 3; i++) e.addFrame(fb.arp(BCAST, group, 1, synthIp(5), ZERO, synthIp(6)).slice(), 1, i);
    for (let i = 0; i < 3; i++) e.addFrame(fb.udp4(BCAST, local, 0, 0xffffffff, 68, 67, dhcpDiscover(local, i, 'phone')).slice(), 1, 10 + i);
    const devs = e.devices();
    expect(devs).toHaveLength(1);
    expect(devs[0]!.mac).toBe('02:11:22:33:44:55');
    expect(devs[0]!.identity?.macVendor?.randomized).toBe(true);
    const host = devs[0]!.evidence.filter((x) => x.kind === 'hostname');
    expect(host).toHaveLength(1);
    expect(host[0]).toMatchObject({ value: 'phone', count: 3, firstSeen: 10, lastSeen: 12 });
    expect(devs[0]!.evidence.length).toBeLessThanOrEqual(3);
  });

  it('turns private hosts behind a router into ip-only devices, keyed by IP', () => {
    const fb = new FrameBuilder();
    const e = new DiscoveryEngine();
    const router = synthMac(100);
    const me = synthMac(1);
    for (let i = 0; i < 10; i++) {
      const remote = ((172 << 24) | (16 << 16) | (5 << 8) | (i + 1)) >>> 0;
      for (let k = 0; k < 2; k++) e.addFrame(fb.udp4(me, router, remote, synthIp(1), 2575, 40000, new Uint8Array(4)).slice(), 1, i * 2 + k);
    }
    e.addFrame(fb.arp(BCAST, router, 2, 0x0a000001, me, synthIp(1)).slice(), 1, 50);
    const devs = e.devices();
    const r = devs.find((d) => d.mac === '00:1b:44:00:00:64')!;
    expect(r.router).toBe(true);
    expect(r.ips).toEqual(['10.0.0.1']);
    const ipOnly = devs.filter((d) => d.ipOnly);
    expect(ipOnly).toHaveLength(10);
    expect(ipOnly[0]).toMatchObject({ id: 'dev_ip_172.16.5.1', ips: ['172.16.5.1'], packets: 2 });
    expect(newSince(devs, new Set(['dev_ip_172.16.5.1'])).length).toBe(devs.length - 1);
  });

  it('binds an IPv6 address from neighbour discovery', () => {
    const fb = new FrameBuilder();
    const e = new DiscoveryEngine();
    const mac = synthMac(9);
    const ll = Uint8Array.from([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 2, 0x1b, 0x44, 0xff, 0xfe, 0, 0, 9]);
    const dst = Uint8Array.from([0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, 0, 0, 1]);
    e.addFrame(fb.nd6([0x33, 0x33, 0xff, 0, 0, 1], mac, ll, dst, 135, dst).slice(), 1, 1);
    const d = e.devices();
    expect(d).toHaveLength(1);
    expect(d[0]!.ips).toEqual(['fe80::21b:44ff:fe00:9']);
  });

  it('gives the same devices and evidence counts with the repeat memo as without it', () => {
    const run = (memo: boolean) => {
      const e = new DiscoveryEngine({ memo });
      synthMix({ packets: 6000, devices: 40, seed: 5 }, (f, ts) => e.addFrame(f, 1, ts));
      return { devices: e.devices(), stats: e.stats };
    };
    const on = run(true);
    const off = run(false);
    expect(on.devices).toEqual(off.devices);
    expect(on.stats).toEqual(off.stats);
    const hn = on.devices.find((d) => d.mac === '00:1b:44:00:00:05')!.evidence.find((x) => x.kind === 'ssdp-usn');
    expect(hn!.count).toBeGreaterThan(1);
  });
});

describe('a single LLDP frame', () => {
  it('makes a device when the chassis id is the frame source (the switch states its own MAC), not otherwise', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readCapture } = await import('../capture/reader');
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../test/fixtures/pcaps/app/zeek/Traces/lldp.pcap')));
    const frames: { data: Uint8Array; linkType: number; ts: number }[] = [];
    readCapture(bytes, (f) => frames.push({ data: f.data.slice(), linkType: f.linkType, ts: f.ts }));
    expect(frames).toHaveLength(1);
    const ok = new DiscoveryEngine();
    ok.addFrame(frames[0]!.data, frames[0]!.linkType, frames[0]!.ts);
    expect(ok.devices().map((d) => d.mac)).toEqual(['00:22:2d:81:db:10']);
    // The same frame with one bit of the source MAC flipped: the chassis id no longer matches it.
    const bad = frames[0]!.data.slice();
    bad[11] = bad[11]! ^ 0x01;
    const e = new DiscoveryEngine();
    e.addFrame(bad, frames[0]!.linkType, frames[0]!.ts);
    expect(e.devices()).toEqual([]);
  });
});
