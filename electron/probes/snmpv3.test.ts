import { describe, expect, it } from 'vitest';
import { decodeV3, encodeV3, FLAG_REPORTABLE } from '../../core/probes/snmp-v3';
import { discoveryRequest, getRequest, keysFor, localizedKey, parseResponse } from './snmpv3';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('SNMPv3 USM', () => {
  it('localises keys as RFC 3414 §A.3.2 shows (password "maplesyrup", engine 00…02, SHA)', () => {
    expect(localizedKey('sha1', 'maplesyrup', hex('000000000000000000000002')).toString('hex')).toBe('6695febc9288e36282235fc7151f128497b38f3f');
  });

  it('builds a discovery request the decoder reads back (reportable, no auth, empty engine)', () => {
    const d = decodeV3(discoveryRequest(42, 7))!;
    expect(d).toMatchObject({ msgId: 42, flags: FLAG_REPORTABLE });
    expect(d.usm.engineId.length).toBe(0);
    expect(d.usm.user).toBe('');
  });

  it('puts the HMAC exactly where the authentication parameters are, and refuses a tampered answer', () => {
    const cred = { user: 'u1', authProtocol: 'sha1' as const, authPassword: 'password-1', privProtocol: 'aes128' as const, privPassword: 'password-2' };
    const engine = { engineId: hex('80001f8880aabbccdd'), boots: 3, time: 1000, at: 0 };
    const keys = keysFor(cred, engine.engineId);
    const req = getRequest(cred, keys, engine, 9, 11, hex('0102030405060708'), 0);
    const d = decodeV3(req)!;
    expect(d.usm.authParams).toHaveLength(12);
    expect(Buffer.from(d.usm.authParams).equals(Buffer.alloc(12))).toBe(false);
    expect(Buffer.from(req.subarray(d.authOffset, d.authOffset + 12)).equals(Buffer.from(d.usm.authParams))).toBe(true);
    // our own request is not a response (wrong PDU), and any flipped byte fails the HMAC
    expect(parseResponse(cred, keys, req, 9, 11)).toBeUndefined();
    const tampered = Uint8Array.from(req);
    tampered[tampered.length - 1]! ^= 1;
    expect(parseResponse(cred, keys, tampered, 9, 11)).toBeUndefined();
    // the encoder's offset arithmetic holds for long fields too
    const big = encodeV3(1, 0, { engineId: new Uint8Array(32), boots: 1, time: 2, user: 'x'.repeat(32), authParams: Uint8Array.from(Array(24).fill(7)), privParams: new Uint8Array(8) }, Array(300).fill(0x30));
    expect(Array.from(big.bytes.subarray(big.authOffset, big.authOffset + 24))).toEqual(Array(24).fill(7));
  });
});
