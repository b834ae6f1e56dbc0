// DICOM Upper Layer association decoder: annotated hex (PS3.8 §9.3.2 A-ASSOCIATE-RQ, §9.3.3 -AC,
// Annex D user information sub-items) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { dicomDecoder, looksLikeDicomAssociate, parseDicomAssociate } from './dicom';

const ae = (s: string): string => hexOf(s.padEnd(16, ' '));

const RQ = hex(`
  01 00 000000c2                          # A-ASSOCIATE-RQ, reserved, PDU length 194
  0001 0000                               # protocol version 1, reserved
  ${ae('PACS_MAIN')}                      # called AE title (16)
  ${ae('CT_SCANNER_1')}                   # calling AE title (16)
  ${'00'.repeat(32)}                      # reserved (32)
  10 00 0015 ${hexOf('1.2.840.10008.3.1.1.1')}   # application context
  20 00 002e 01 00 00 00                  # presentation context 1 (skipped):
    30 00 0011 ${hexOf('1.2.840.10008.1.1')}     #   abstract syntax: Verification
    40 00 0011 ${hexOf('1.2.840.10008.1.2')}     #   transfer syntax: Implicit VR LE
  50 00 002f                              # user information:
    51 00 0004 00004000                   #   max length 16384
    52 00 001a ${hexOf('1.2.826.0.1.3680043.2.1143')}  # implementation class UID
    55 00 0005 ${hexOf('WARD1')}          #   implementation version name
`);

describe('dicom', () => {
  it('A-ASSOCIATE-RQ: calling AE is the sender, called AE the receiver, implementation of the sender', () => {
    expect(looksLikeDicomAssociate(RQ)).toBe(true);
    const a = parseDicomAssociate(RQ);
    expect(a).toEqual({ pduType: 1, calledAe: 'PACS_MAIN', callingAe: 'CT_SCANNER_1', implClassUid: '1.2.826.0.1.3680043.2.1143', implVersion: 'WARD1' });
    const { obs } = run(dicomDecoder, RQ);
    expect(obs.map((o) => [o.kind, o.value, o.ip])).toEqual([
      ['dicom-calling-ae', 'CT_SCANNER_1', PROP_CTX.srcIp],
      ['dicom-called-ae', 'PACS_MAIN', PROP_CTX.dstIp],
      ['dicom-impl-class-uid', '1.2.826.0.1.3680043.2.1143', PROP_CTX.srcIp],
      ['dicom-impl-version', 'WARD1', PROP_CTX.srcIp],
    ]);
  });

  it('A-ASSOCIATE-AC: the sender is the called entity and a DICOM service', () => {
    const ac = RQ.slice();
    ac[0] = 0x02;
    const { obs } = run(dicomDecoder, ac, { ...PROP_CTX, transport: 'tcp', srcPort: 104 });
    expect(obs.find((o) => o.kind === 'dicom-called-ae')?.ip).toBe(PROP_CTX.srcIp);
    expect(obs.find((o) => o.kind === 'dicom-calling-ae')?.ip).toBe(PROP_CTX.dstIp);
    expect(obs.find((o) => o.kind === 'service')?.value).toBe('tcp/104');
  });

  it('P-DATA-TF is recognised and never read; other bytes are skipped', () => {
    const pdata = hex(`04 00 00000018 00000014 01 02 10001000 0c000000 ${hexOf('DOE^JOHN    ')}`);
    expect(run(dicomDecoder, pdata)).toEqual({ status: 'ok', obs: [] });
    expect(run(dicomDecoder, hex('47 45 54 20 2f 20 48 54')).status).toBe('skip');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(dicomDecoder, RQ, 0x104);
  });
});
