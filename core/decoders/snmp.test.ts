// SNMP decoder: annotated BER (RFC 3416 PDUs, X.690 encoding) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { parseSnmp, snmpDecoder } from './snmp';
import { oidText, readTlv } from './ber';

const RESPONSE = hex(`
  30 2b                                  # Message SEQUENCE, 43 bytes
    02 01 01                             # version 1 = v2c
    04 06 ${hexOf('public')}             # community
    a2 1e                                # GetResponse-PDU
      02 01 01  02 01 00  02 01 00       # request-id 1, error-status 0, error-index 0
      30 13                              # VarBindList
        30 11                            # VarBind
          06 08 2b06010201010500         # 1.3.6.1.2.1.1.5.0 sysName
          04 05 ${hexOf('pump7')}        # OCTET STRING
`);

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Uint8Array.from(parts.flatMap((p) => [...p]));
  const len = body.length < 128 ? [body.length] : [0x81, body.length];
  return Uint8Array.from([tag, ...len, ...body]);
}
const arc = (n: number): number[] => {
  const out = [n & 0x7f];
  for (n >>>= 7; n > 0; n >>>= 7) out.unshift((n & 0x7f) | 0x80);
  return out;
};
const oid = (arcs: number[]): Uint8Array => tlv(0x06, Uint8Array.from([40 * arcs[0]! + arcs[1]!, ...arcs.slice(2).flatMap(arc)]));
const str = (s: string): Uint8Array => tlv(0x04, Uint8Array.from(s, (c) => c.charCodeAt(0)));
const int = (n: number): Uint8Array => tlv(0x02, Uint8Array.from([n]));
const sys = (x: number): number[] => [1, 3, 6, 1, 2, 1, 1, x, 0];

const TRAP_V2 = tlv(0x30, int(1), str('ward-ro'), tlv(0xa7, int(7), int(0), int(0), tlv(0x30,
  tlv(0x30, oid(sys(1)), str('Infusion pump OS 2.1')),
  tlv(0x30, oid(sys(2)), oid([1, 3, 6, 1, 4, 1, 9999, 1])),
  tlv(0x30, oid(sys(6)), str('Ward 4 room 12')),
  tlv(0x30, oid(sys(4)), str('biomed@hospital')),
  tlv(0x30, oid([1, 3, 6, 1, 2, 1, 2, 1, 0]), int(3)), // ifNumber: not system group
)));

describe('snmp', () => {
  it('a GetResponse gives the version, the accepted community and sysName of its agent', () => {
    const { status, obs } = run(snmpDecoder, RESPONSE, { ...PROP_CTX, srcPort: 161 });
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual(['snmp-version=v2c', 'snmp-community=public', 'snmp-sys-name=pump7']);
    expect(obs.every((o) => o.ip === PROP_CTX.srcIp)).toBe(true);
  });

  it('an SNMPv2 trap carries sysDescr, sysObjectID, sysLocation, sysContact', () => {
    expect(kv(run(snmpDecoder, TRAP_V2).obs)).toEqual([
      'snmp-version=v2c', 'snmp-community=ward-ro', 'snmp-sys-descr=Infusion pump OS 2.1',
      'snmp-sys-object-id=1.3.6.1.4.1.9999.1', 'snmp-sys-location=Ward 4 room 12', 'snmp-sys-contact=biomed@hospital',
    ]);
  });

  it('a request tells only the version of the agent it is sent to (the community is unproven)', () => {
    const get = RESPONSE.slice();
    get[13] = 0xa0;
    const { obs } = run(snmpDecoder, get);
    expect(obs.map((o) => [o.kind, o.ip])).toEqual([['snmp-version', PROP_CTX.dstIp]]);
  });

  it('BER: OIDs with multi-byte arcs, long lengths, and refused indefinite lengths', () => {
    const o = hex('2b 06 01 04 01 8f 51 01'); // 1.3.6.1.4.1.2001.1
    expect(oidText(o, 0, o.length)).toBe('1.3.6.1.4.1.2001.1');
    expect(readTlv(hex('04 81 03 414243'), 0, 6)).toEqual({ tag: 4, start: 3, end: 6 });
    expect(readTlv(hex('30 80 0000'), 0, 4)).toBeUndefined();
    expect(readTlv(hex('04 85 0000000001 41'), 0, 8)).toBeUndefined();
    expect(parseSnmp(hex('30 03 02 01 07'))).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(snmpDecoder, TRAP_V2, 0x161);
  });
});
