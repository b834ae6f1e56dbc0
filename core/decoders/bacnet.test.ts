// BACnet/IP decoder: annotated hex (ASHRAE 135 Annex J BVLC, clause 6 NPDU, 20.1 APDU, I-Am 16.10)
// and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, kv, run } from '../../test/helpers/decoder-props';
import { bacnetDecoder, parseBacnet } from './bacnet';

// nDPI bacnet.pcap frame 17
const I_AM = hex(`
  81 0b 0015          # BVLC: BACnet/IP, Original-Broadcast-NPDU, length 21
  01 00               # NPDU: version 1, control: no DNET/SNET
  10 00               # APDU: Unconfirmed-Request, service 0 = I-Am
  c4 023fffff         # object id: type 8 (device), instance 4194303
  22 05c4             # max APDU 1476
  91 03               # segmentation: none
  22 0104             # vendor id 260
`);

describe('bacnet', () => {
  it('I-Am: device instance and vendor id of its sender', () => {
    expect(kv(run(bacnetDecoder, I_AM).obs)).toEqual(['bacnet-device-instance=4194303', 'bacnet-vendor-id=260']);
  });

  it('Forwarded-NPDU names its originator by B/IP address; routed I-Ams bind nothing', () => {
    const fwd = hex('81 04 001b c0a80a05 bac0 01 00 10 00 c4 02000007 22 05c4 91 03 22 0104');
    const { obs } = run(bacnetDecoder, fwd);
    expect(obs.map((o) => [o.kind, o.value, o.ip, o.mac])).toEqual([
      ['bacnet-device-instance', '7', '192.168.10.5', undefined], ['bacnet-vendor-id', '260', '192.168.10.5', undefined],
    ]);
    const routed = hex('81 0b 0019 01 08 0005 01 2a 10 00 c4 02000007 22 05c4 91 03 22 0104');
    expect(run(bacnetDecoder, routed)).toEqual({ status: 'ok', obs: [] });
  });

  it('Who-Is is recognised and ignored; a wrong BVLC length is a violation', () => {
    expect(parseBacnet(hex('81 0b 0008 01 20 ffff 00 ff 10 08'.replace('0008', '000c')))).toEqual({ service: 8 });
    expect(run(bacnetDecoder, hex('81 0b 00ff 01 00 10 00')).status).toBe('violation');
    expect(run(bacnetDecoder, hex('45 00 0014')).status).toBe('skip');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(bacnetDecoder, I_AM, 0xbac0);
  });
});
