// HL7 v2/MLLP and BACnet decoders on nDPI's real captures. nDPI's `.out` says which flows are HL7 /
// BACnet; the field values are compared with Wireshark's decode of the same frames (DERIVED files,
// made with the tshark command lines in PROVENANCE.md). The HL7 capture also checks the no-PHI rule:
// its PID/NK1/AL1 segments (nDPI's test message) must never reach an observation.
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, ndpiFlows, violations } from '../../helpers/app-capture';

describe('hl7: nDPI hl7.pcap', () => {
  it('the HL7 flow nDPI detects yields MSH-3/4/5/6/9/12 exactly as Wireshark decodes them', () => {
    const d = decodeFixture('ndpi/hl7.pcap');
    const flow = ndpiFlows(fixtureText('ndpi/hl7.pcap.out')).find((f) => f.app === 'HL7');
    expect(flow).toBeDefined();
    // Wireshark MSH fields per frame
    const msh = new Map<number, Map<number, string>>();
    let frame = 0;
    for (const line of fixtureText('ndpi/DERIVED-hl7.msh.tshark.txt').split('\n')) {
      const f = /^Frame (\d+):/.exec(line);
      if (f) {
        frame = Number(f[1]);
        msh.set(frame, new Map());
      }
      const fld = /^\s+field (\d+): (.*)$/.exec(line);
      if (fld) msh.get(frame)!.set(Number(fld[1]), fld[2]!);
    }
    expect(msh.size).toBe(2);
    for (const [n, fields] of msh) {
      const mine = d.obs.filter((o) => o.frame === n);
      const from = mine.find((o) => o.kind === 'hl7-sending-app')?.ip;
      expect([flow!.a, flow!.b]).toContain(from);
      const v = (k: string): string | undefined => mine.find((o) => o.kind === k)?.value;
      expect(v('hl7-sending-app')).toBe(fields.get(3));
      expect(v('hl7-sending-facility')).toBe(fields.get(4));
      expect(v('hl7-receiving-app')).toBe(fields.get(5));
      expect(v('hl7-receiving-facility')).toBe(fields.get(6));
      expect(v('hl7-message-type')).toBe(fields.get(9));
      expect(v('hl7-version')).toBe(fields.get(12));
      // the receiver's fields are pinned on the other end of the flow
      expect(mine.find((o) => o.kind === 'hl7-receiving-app')?.ip).toBe(from === flow!.a ? flow!.b : flow!.a);
    }
    expect(violations(d)).toEqual([]);
  });

  it('no PHI: nothing from the PID/NK1/AL1 segments of the real capture reaches any observation', () => {
    for (const mode of ['lenient', 'packet'] as const) {
      const d = decodeFixture('ndpi/hl7.pcap', mode);
      const all = JSON.stringify(d.obs);
      expect(all).toContain('SENDING_APPLICATION');
      for (const phi of ['MOUSE', 'MICKEY', 'MINNIE', '135769', '19281118', 'Main St', '939-5555', 'notdisney', 'Penicillin', 'Cat dander', 'MOUSETOWN', 'PID', 'EVN']) {
        expect(all.includes(phi), `${mode}: ${phi}`).toBe(false);
      }
    }
  });
});

describe('bacnet: nDPI bacnet.pcap', () => {
  it('every I-Am Wireshark decodes gives the device instance and vendor id of its sender', () => {
    const d = decodeFixture('ndpi/bacnet.pcap');
    expect(ndpiFlows(fixtureText('ndpi/bacnet.pcap.out')).some((f) => f.app === 'BACnet')).toBe(true);
    const rows = fixtureText('ndpi/DERIVED-bacnet.iam.tshark.tsv').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [frame, src, type, instance, vendor] = row.split('\t');
      const n = Number(frame);
      expect(type).toBe('8');
      const mine = d.obs.filter((o) => o.frame === n && o.ip === src);
      expect(mine.filter((o) => o.kind === 'bacnet-device-instance').map((o) => o.value)).toEqual([instance]);
      expect(mine.filter((o) => o.kind === 'bacnet-vendor-id').map((o) => o.value)).toEqual([vendor]);
    }
    // Who-Is and the rest: recognised, nothing emitted
    const iAmFrames = new Set(rows.map((r) => Number(r.split('\t')[0])));
    expect(d.obs.filter((o) => o.proto === 'bacnet' && !iAmFrames.has(o.frame))).toEqual([]);
    expect(violations(d)).toEqual([]);
  });
});
