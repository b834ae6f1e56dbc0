// The demo's capture is generated from the demo data (test/demo/demo-capture.ts): the committed file
// must be exactly what the generator makes, and the real pipeline must find what the demo relies on.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeDemoCapture, DEMO_PCAP, DEMO_JSON } from '../demo/demo-capture';
import { discoverFiles } from '../../electron/services/discovery';

describe('demo capture', () => {
  it('is the generator output, byte for byte', () => {
    expect(Buffer.compare(Buffer.from(makeDemoCapture()), readFileSync(DEMO_PCAP))).toBe(0);
  });

  it('gives every networked demo asset as a device, and the ward switch with the laptop jack', async () => {
    const demo = JSON.parse(readFileSync(DEMO_JSON, 'utf8')) as { switchPort: string; assets: { assetTag: string; mac?: string }[] };
    const { devices, stats } = await discoverFiles([DEMO_PCAP]);
    expect(stats.malformed).toBe(0);
    for (const a of demo.assets.filter((x) => x.mac)) {
      const d = devices.find((x) => x.mac === a.mac);
      expect(d, a.assetTag).toBeDefined();
      expect(d!.hostnames).toContain(a.assetTag.toLowerCase());
    }
    expect(devices.some((d) => d.evidence.some((e) => e.kind === 'switch-port' && e.value === demo.switchPort))).toBe(true);
  });
});
