// TLS decoder: annotated ClientHello (RFC 8446 §4.1.2, RFC 6066 §3 server_name), a TLS 1.2
// Certificate message around a real certificate (made with OpenSSL 3: EC P-256, self-signed,
// subject C=US, O=Acme Medical, CN=pump7.ward), and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run } from '../../test/helpers/decoder-props';
import { looksLikeTls, parseTls, tlsDecoder } from './tls';

const CLIENT_HELLO = hex(`
  16 0301 0042                      # record: handshake, TLS 1.0 record version, 66 bytes
  01 00003e                         # ClientHello, 62 bytes
  0303                              # client_version TLS 1.2
  ${'11'.repeat(32)}                # random
  00                                # session id: empty
  0002 c02f                         # cipher suites: one
  01 00                             # compression: null
  0013                              # extensions: 19 bytes
  0000 000f 000d 00 000a ${hexOf('pump7.ward')}  # server_name: list 13, host_name, 10 bytes
`);

// openssl x509 -outform DER (458 bytes)
const CERT = hex(`
  308201c63082016da00302010202143c210b3924d089e7d3c0cf02a34a0c1944bff64e300a06082a8648ce3d04030230
  39310b300906035504061302555331153013060355040a0c0c41636d65204d65646963616c3113301106035504030c0a
  70756d70372e77617264301e170d3236313132393132303035365a170d3336313132363132303035365a3039310b3009
  06035504061302555331153013060355040a0c0c41636d65204d65646963616c3113301106035504030c0a70756d7037
  2e776172643059301306072a8648ce3d020106082a8648ce3d0301070342000455c79a5cd5568c6b3c2febe8458e48ae
  169edae0ce8a9856a459bb6001c7e122f9f6af01af342464c2b437669345b4ac27e3a907b407b5210f7b85f5ae065641
  a3533051301d0603551d0e04160414c2ee207c0f2b52ffba58e606c52eae9f906d5ec4301f0603551d23041830168014
  c2ee207c0f2b52ffba58e606c52eae9f906d5ec4300f0603551d130101ff040530030101ff300a06082a8648ce3d0403
  02034700304402200b2219426588259e9ed4350467c518a0b02a059aad53e7753ccfc14fa67ef44b02200cab5fd5b8c9
  0113e93a168b1bbac8cfa36d4b892a9e12c0054b7fe7ef21aec7
`);

function certificateRecord(der: Uint8Array): Uint8Array {
  const u24 = (n: number): number[] => [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const certs = [...u24(der.length), ...der];
  const body = [...u24(certs.length), ...certs];
  const hs = [11, ...u24(body.length), ...body];
  return Uint8Array.from([0x16, 0x03, 0x03, hs.length >> 8, hs.length & 255, ...hs]);
}

describe('tls', () => {
  it('reads the SNI of a ClientHello', () => {
    expect(looksLikeTls(CLIENT_HELLO)).toBe(true);
    const { status, obs } = run(tlsDecoder, CLIENT_HELLO);
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual(['tls-sni=pump7.ward']);
  });

  it('reads subject and issuer of a TLS 1.2 server certificate (RFC 4514 order, as OpenSSL prints it)', () => {
    const { obs } = run(tlsDecoder, certificateRecord(CERT));
    expect(kv(obs)).toEqual(['tls-cert-subject=CN=pump7.ward,O=Acme Medical,C=US', 'tls-cert-issuer=CN=pump7.ward,O=Acme Medical,C=US']);
  });

  it('a ClientHello cut before its extensions is still TLS, without an SNI', () => {
    const s = parseTls(CLIENT_HELLO.subarray(0, 50));
    expect(typeof s === 'object' && s.sni).toBeUndefined();
  });

  it('not a record header: skip; absurd record length: violation', () => {
    expect(run(tlsDecoder, hex('47455420 2f20')).status).toBe('skip');
    expect(run(tlsDecoder, hex('16 0303 ffff 01')).status).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(tlsDecoder, CLIENT_HELLO, 0x443);
    decoderProperties(tlsDecoder, certificateRecord(CERT), 0x4430);
  });
});
