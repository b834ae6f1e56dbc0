// DHCPv6 decoder: annotated hex (RFC 8415 §8 message, §11 DUIDs, RFC 4704 FQDN) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { dhcpv6Decoder, parseDhcpv6, parseDuid } from './dhcpv6';

const SOLICIT = hex(`
  01 102030                          # SOLICIT, transaction id
  0001 000e 0001 0001 2a2b2c2d 001b44113ab7   # CLIENTID: DUID-LLT, hw Ethernet, time, MAC
  0027 000e 01 06 ${hexOf('pump-7')} 04 ${hexOf('ward')} 00  # CLIENT_FQDN: flags S, wire name
  0010 000e 00000137 0008 ${hexOf('MSFT 5.0')}              # VENDOR_CLASS: enterprise 311, one string
  0006 0004 0017 0018                # ORO: DNS servers, domain list (kept as a code)
`);

const REPLY = hex(`
  07 102030                          # REPLY
  0001 000a 0003 0001 001b44113ab7   # CLIENTID: DUID-LL
  0003 0028 00000001 00000e10 00001518  # IA_NA: IAID 1, T1, T2, then options:
    0005 0018 20010db8000000000000000000000064 00001c20 00001d4c  # IAADDR 2001:db8::64
`);

describe('dhcpv6', () => {
  it('reads a SOLICIT: DUID (and the MAC inside DUID-LLT), FQDN, vendor class', () => {
    const m = parseDhcpv6(SOLICIT);
    expect(typeof m === 'object' && m.otherOptions).toEqual([6]);
    const { status, obs } = run(dhcpv6Decoder, SOLICIT);
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual([
      'dhcpv6-duid=000100012a2b2c2d001b44113ab7', 'dhcpv6-duid-mac=00:1b:44:11:3a:b7', 'fqdn=pump-7.ward',
      'dhcpv6-vendor-class=311:MSFT 5.0',
    ]);
  });

  it('binds the IA_NA address of a REPLY to the client it is sent to', () => {
    const { obs } = run(dhcpv6Decoder, REPLY, { ...PROP_CTX, dstMac: '00:1b:44:11:3a:b7' as never });
    expect(obs.map((o) => [o.kind, o.value, o.mac])).toEqual([['ip', '2001:db8::64', '00:1b:44:11:3a:b7']]);
  });

  it('DUID types: LL, EN, UUID (RFC 6355)', () => {
    expect(parseDuid(hex('0003 0001 001b44113ab7'), 0, 10)?.mac).toBe('00:1b:44:11:3a:b7');
    expect(parseDuid(hex('0002 00007571 4853483134'), 0, 11)?.enterprise).toBe(30065);
    expect(parseDuid(hex('0004 a256e92e40abd0d2a3ab3b3ff2ff8998'), 0, 18)?.uuid).toBe('a256e92e-40ab-d0d2-a3ab-3b3ff2ff8998');
  });

  it('an option overrunning the message is a violation; unknown message types are skipped', () => {
    expect(run(dhcpv6Decoder, hex('01 102030 0001 00ff 0001')).status).toBe('violation');
    expect(run(dhcpv6Decoder, hex('63 102030 0001 0000')).status).toBe('skip');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(dhcpv6Decoder, SOLICIT, 0xd6);
  });
});
