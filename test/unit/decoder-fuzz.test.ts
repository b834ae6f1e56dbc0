// The shared decoder suite (tier 2): every capture fixture, truncated at every byte and randomly
// corrupted, must go through the readers, every layer decoder and every application decoder without
// an exception and without hanging. Frames are truncated at every byte (both as a cut capture and
// as a lying length); whole files at every byte when small, at 300 points otherwise.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../core/capture/reader';
import { DiscoveryEngine } from '../../core/discovery/engine';
import { PacketDecoder } from '../../core/decoders/packet';

const DIR = join(import.meta.dirname, '../fixtures/pcaps');
// every capture under test/fixtures/pcaps, including the application-decoder fixtures in app/
const FIXTURES = (readdirSync(DIR, { recursive: true }) as string[])
  .filter((f) => /\.(pcap|pcapng|cap)$/.test(f))
  .sort();

interface F {
  data: Uint8Array;
  linkType: number;
  ts: number;
}
function frames(bytes: Uint8Array): F[] {
  const out: F[] = [];
  readCapture(bytes, (f) => out.push({ data: f.data.slice(), linkType: f.linkType, ts: f.ts }));
  return out;
}

function discover(bytes: Uint8Array): number {
  const e = new DiscoveryEngine();
  const s = readCapture(bytes, (f) => e.addFrame(f.data, f.linkType, f.ts, f.origLen));
  e.devices();
  return s.frames;
}

describe('decoder fuzz: every fixture', () => {
  it('has fixtures to fuzz', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of FIXTURES) {
    it(`${name}: every frame truncated at every byte, the file truncated, and random corruption`, () => {
      const file = new Uint8Array(readFileSync(join(DIR, name)));
      const all = frames(file);
      const dec = new PacketDecoder();
      const noop = (): void => undefined;
      let budget = 3_000_000; // bytes decoded per fixture: keeps the biggest files fast
      for (const f of all) {
        const n = f.data.length;
        const step = n * n > budget ? Math.ceil((n * n) / Math.max(budget, 1)) : 1;
        for (let k = 0; k <= n; k += step) {
          const cut = f.data.subarray(0, k);
          dec.decode(cut, f.linkType, f.ts, n, noop); // a snapped frame
          dec.decode(cut, f.linkType, f.ts, k, noop); // a frame whose lengths lie
        }
        budget -= Math.min(budget, n * n);
      }
      // file truncation: never more frames than the whole file, never an exception
      const whole = discover(file);
      const points = file.length <= 4000 ? file.length : 300;
      for (let i = 0; i < points; i++) {
        const cut = file.length <= 4000 ? i : Math.floor((i * file.length) / points);
        expect(discover(file.subarray(0, cut))).toBeLessThanOrEqual(whole);
      }
      // random byte corruption (fixed seed per fixture name, so failures reproduce)
      let seed = 0;
      for (const c of name) seed = (seed * 31 + c.charCodeAt(0)) | 0;
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), (edits) => {
          const bad = file.slice();
          for (const [pos, v] of edits) bad[pos % bad.length] = v;
          discover(bad);
          // and the frames themselves, corrupted past the capture headers
          for (const f of all.slice(0, 50)) {
            const d = f.data.slice();
            for (const [pos, v] of edits) if (d.length) d[pos % d.length] = v;
            dec.decode(d, f.linkType, f.ts, d.length, noop);
          }
        }),
        { seed, numRuns: file.length > 20000 ? 10 : 40 },
      );
      expect(dec.stats.packets).toBeGreaterThanOrEqual(all.length);
    });
  }
});

describe('malformed and truncated fixtures decode cleanly (violations counted, nothing thrown)', () => {
  const cases: Array<[string, string]> = [
    ['arp-too-long-tha.pcap', ''], // hardware type 12336: not Ethernet ARP, skipped
    ['ipv4_invalid_total_length.pcap', 'ipv4'],
    ['ip-bogus-header-len.pcap', 'ipv4'],
    ['heapoverflow-tcp_print.pcap', ''],
    ['udp-contents-truncated-oob.pcap', ''],
    ['tcp_rst_data-trunc.pcap', ''],
    ['truncated-aack.pcap', ''],
    ['badpackets.pcap', ''],
    ['ip_fragmented_garbage.pcap', ''],
    ['lldp_asan.pcap', ''],
    ['bootp_asan.pcap', ''],
    ['dhcp-fuzz.pcapng', ''],
    ['dns-zlip-1.pcap', ''],
    ['nbns-valgrind.pcap', ''],
    ['snmp-heapoverflow-1.pcap', ''],
    ['dhcp6_reconf_asan.pcap', ''],
    ['lldp-infinite-loop-1.pcap', ''],
    ['udld-inf-loop-1.pcapng', ''],
    ['malformed_icmp.pcap', ''],
  ];
  for (const [name, expected] of cases) {
    it(name, () => {
      const e = new DiscoveryEngine();
      readCapture(new Uint8Array(readFileSync(join(DIR, name))), (f) => e.addFrame(f.data, f.linkType, f.ts, f.origLen));
      expect(() => e.devices()).not.toThrow();
      expect(e.stats.violations.internal).toBeUndefined(); // no decoder threw
      if (expected) expect(e.stats.violations[expected]).toBeGreaterThan(0);
    });
  }
});
