// CDP decoder: annotated hex (Cisco CDP v2 TLVs) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run } from '../../test/helpers/decoder-props';
import { cdpDecoder } from './cdp';

const CDP = hex(`
  02 b4 0000                                   # version 2, TTL 180, checksum (not verified)
  0001 0008 ${hexOf('sw-3')}                   # Device ID (length includes the 4-byte header)
  0003 0009 ${hexOf('Fa0/5')}                  # Port ID
  0004 0008 00000028                           # Capabilities: switch (0x08) + IGMP (0x20)
  0005 0014 ${hexOf('IOS 12.2(25)SEB4')}       # Software version
  0006 000c ${hexOf('WS-C3560')}               # Platform
  0002 0011 00000001 01 01 cc 0004 c0a80002    # Addresses: 1, NLPID IP 192.168.0.2
  000a 0006 0064                               # Native VLAN 100
`);

describe('cdp', () => {
  it('reads device id, platform, software, port, capabilities, addresses and the switch port', () => {
    const { status, obs } = run(cdpDecoder, CDP);
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual([
      'cdp-device-id=sw-3', 'cdp-platform=WS-C3560', 'cdp-software=IOS 12.2(25)SEB4', 'cdp-port-id=Fa0/5',
      'cdp-capabilities=switch,igmp', 'cdp-mgmt-addr=192.168.0.2', 'switch-port=sw-3|Fa0/5',
    ]);
  });

  it('a TLV length below its header is a violation (never a loop)', () => {
    expect(run(cdpDecoder, hex('02 b4 0000 0001 0000')).status).toBe('violation');
    expect(run(cdpDecoder, hex('07 b4 0000')).status).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(cdpDecoder, CDP, 0xcd9);
  });
});
