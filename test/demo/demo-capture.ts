// The demo floor's small capture (assets/renderer-public/demo/ward-3b.pcap), generated from
// assets/demo/ward-3b.json so that it matches the demo's invented devices: each networked asset asks
// for an address by DHCP (host name = its asset tag) and announces it by ARP, and the ward switch
// announces itself and the laptop's wall jack by LLDP. Regenerate with
//   npx tsx test/demo/demo-capture.ts
// demo-capture.test.ts checks the committed file is exactly what this makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameBuilder, dhcpDiscover, type MacBytes } from '../../core/capture/synth';
import { pcapFileHeader, writePcapRecordHeader } from '../../core/capture/writer';

const ROOT = join(import.meta.dirname, '../..');
export const DEMO_JSON = join(ROOT, 'assets/demo/ward-3b.json');
export const DEMO_PCAP = join(ROOT, 'assets/renderer-public/demo/ward-3b.pcap');

const BROADCAST: MacBytes = [255, 255, 255, 255, 255, 255];
const LLDP_MULTICAST: MacBytes = [0x01, 0x80, 0xc2, 0x00, 0x00, 0x0e];
const SWITCH_MAC: MacBytes = [0x00, 0x1e, 0xbd, 0x3b, 0x00, 0x01];
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);

const macBytes = (mac: string): MacBytes => mac.split(':').map((h) => parseInt(h, 16)) as unknown as MacBytes;
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 255);

/** An LLDPDU (IEEE 802.1AB): chassis id (MAC), port id (interface name), TTL, system name, capabilities (bridge). */
function lldp(fb: FrameBuilder, systemName: string, port: string): Uint8Array {
  const tlv = (type: number, value: number[]) => [(type << 1) | ((value.length >> 8) & 1), value.length & 255, ...value];
  const body = [
    ...tlv(1, [4, ...SWITCH_MAC]),
    ...tlv(2, [5, ...ascii(port)]),
    ...tlv(3, [0, 120]),
    ...tlv(5, ascii(systemName)),
    ...tlv(7, [0, 4, 0, 4]),
    0, 0,
  ];
  const off = fb.ethernet(LLDP_MULTICAST, SWITCH_MAC, 0x88cc);
  fb.buf.set(body, off);
  fb.len = off + body.length;
  return fb.view().slice();
}

export function makeDemoCapture(): Uint8Array {
  const demo = JSON.parse(readFileSync(DEMO_JSON, 'utf8')) as { switchPort: string; assets: { assetTag: string; mac?: string }[] };
  const [sw, port] = demo.switchPort.split('|') as [string, string];
  const frames: [number, Uint8Array][] = [];
  const fb = new FrameBuilder();
  frames.push([T0, lldp(fb, sw, port)]);
  frames.push([T0 + 30_000, lldp(fb, sw, port)]);
  demo.assets
    .filter((a) => a.mac)
    .forEach((a, i) => {
      const mac = macBytes(a.mac!);
      const ip = (10 << 24) | (3 << 16) | (2 << 8) | (10 + i);
      const t = T0 + 1_000 + i * 1_500;
      for (const k of [0, 1]) {
        const dhcp = dhcpDiscover(mac, 0x3b000000 + i * 2 + k, a.assetTag.toLowerCase(), 'udhcp 1.30.1');
        frames.push([t + k * 4_000, fb.udp4(BROADCAST, mac, 0, 0xffffffff, 68, 67, dhcp).slice()]);
      }
      // Gratuitous ARP: the device announces the address it was given.
      frames.push([t + 9_000, fb.arp(BROADCAST, mac, 1, ip, [0, 0, 0, 0, 0, 0] as unknown as MacBytes, ip).slice()]);
    });
  frames.sort((x, y) => x[0] - y[0]);
  const parts: Uint8Array[] = [pcapFileHeader()];
  for (const [ts, f] of frames) {
    const h = new Uint8Array(16);
    writePcapRecordHeader(h, 0, ts, f.length, f.length, false, true);
    parts.push(h, f);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

if (process.argv[1] && /demo-capture\.ts$/.test(process.argv[1])) {
  writeFileSync(DEMO_PCAP, makeDemoCapture());
  console.log(`wrote ${DEMO_PCAP}`);
}
