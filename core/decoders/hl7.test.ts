// HL7 v2 / MLLP decoder: MSH only (HL7 v2.5 §2.14.9), never past the MSH terminator; property test.
import { describe, expect, it } from 'vitest';
import { bytes, decoderProperties, kv, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { hl7Decoder, looksLikeHl7, parseMsh } from './hl7';

const MSG = bytes('\x0bMSH|^~\\&|IIC^Philips^L|ICU 3|LIS|MAIN LAB|20240101120000||ORU^R01^ORU_R01|1|P|2.6\rPID|1||PHIMARKER^^^H^MR||DOE^JOHN\rOBX|1|NM|HR||72\r\x1c\r');

describe('hl7', () => {
  it('reads MSH-3/4 of the sender, MSH-5/6 of the receiver, MSH-9 and MSH-12', () => {
    expect(looksLikeHl7(MSG)).toBe(true);
    const { status, obs } = run(hl7Decoder, MSG);
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual([
      'hl7-sending-app=IIC^Philips^L', 'hl7-sending-facility=ICU 3', 'hl7-message-type=ORU^R01^ORU_R01', 'hl7-version=2.6',
      'hl7-receiving-app=LIS', 'hl7-receiving-facility=MAIN LAB',
    ]);
    expect(obs.filter((o) => o.kind.startsWith('hl7-receiving')).every((o) => o.ip === PROP_CTX.dstIp)).toBe(true);
    expect(JSON.stringify(obs)).not.toMatch(/PHIMARKER|DOE|JOHN|OBX|PID/);
  });

  it('uses the separators MSH declares; components are trimmed and bounded', () => {
    const h = parseMsh(bytes('MSH#*~\\&#APP*' + 'x'.repeat(200) + '#FAC###20240101##ADT*A01#9#P#2.5.1\r'));
    expect(typeof h === 'object' && h.sendingApp).toBe('APP^' + 'x'.repeat(64));
    expect(typeof h === 'object' && h.messageType).toBe('ADT^A01');
    expect(typeof h === 'object' && h.version).toBe('2.5.1');
  });

  it('never reads past the MSH segment even without a terminator', () => {
    const h = parseMsh(bytes('MSH|^~\\&|A|B|C|D|||ACK|1|P|2.3|PID|1||SECRET'));
    expect(JSON.stringify(h)).not.toContain('SECRET');
    expect(run(hl7Decoder, bytes('PID|1||SECRET\r')).status).toBe('skip');
    expect(run(hl7Decoder, bytes('MSHA^~\\&')).status).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(hl7Decoder, MSG, 0x2575);
  });
});
