// DHCPv4 decoder: annotated hex (RFC 2131 §2 fixed header, RFC 2132 options) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { dhcpDecoder, parseDhcp } from './dhcp';

const z = (n: number): string => '00'.repeat(n);

// A DHCPDISCOVER from an infusion pump.
export const DISCOVER = hex(`
  01 01 06 00              # op BOOTREQUEST, htype Ethernet, hlen 6, hops 0
  3903f326                 # xid
  0000 0000                # secs, flags
  00000000 00000000        # ciaddr, yiaddr
  00000000 00000000        # siaddr, giaddr
  001b44113ab7 ${z(10)}    # chaddr (16 bytes)
  ${z(64)} ${z(128)}       # sname, file
  63825363                 # magic cookie
  35 01 01                 # 53 message type: DISCOVER
  0c 06 ${hexOf('pump-7')}  # 12 host name
  37 04 01 03 06 0f        # 55 parameter request list: 1,3,6,15
  39 02 05dc               # 57 max message size 1500
  3c 08 ${hexOf('MSFT 5.0')} # 60 vendor class
  3d 07 01 001b44113ab7    # 61 client id: type 1 + MAC
  32 04 c0a80164           # 50 requested address 192.168.1.100
  51 10 04 00 00 06 ${hexOf('pump-7')} 04 ${hexOf('ward')} 00  # 81 FQDN, E flag: wire-format name
  2b 02 0102               # 43 vendor specific: kept only as a code
  ff                       # end
`);

// The server's DHCPACK binding 192.168.1.100 to that MAC.
const ACK = hex(`
  02 01 06 00 3903f326 0000 0000
  00000000 c0a80164        # ciaddr, yiaddr 192.168.1.100
  c0a80101 00000000        # siaddr, giaddr
  001b44113ab7 ${z(10)} ${z(64)} ${z(128)}
  63825363
  35 01 05                 # ACK
  36 04 c0a80101           # 54 server id
  ff
`);

describe('dhcp', () => {
  it('reads a DISCOVER: hostname, PRL, max size, vendor class, client id, requested IP, FQDN; other codes kept raw', () => {
    const m = parseDhcp(DISCOVER);
    expect(typeof m).toBe('object');
    if (typeof m !== 'object') return;
    expect(m.messageType).toBe(1);
    expect(m.chaddr).toBe('00:1b:44:11:3a:b7');
    expect(m.otherOptions).toEqual([43]);
    const { status, obs } = run(dhcpDecoder, DISCOVER, { ...PROP_CTX, srcIp: '0.0.0.0' });
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual([
      'hostname=pump-7', 'dhcp-requested-ip=192.168.1.100', 'dhcp-prl=1,3,6,15', 'dhcp-max-size=1500',
      'dhcp-vendor-class=MSFT 5.0', 'dhcp-client-id=01001b44113ab7', 'fqdn=pump-7.ward',
    ]);
    expect(obs.every((o) => o.mac === '00:1b:44:11:3a:b7' && o.proto === 'dhcp')).toBe(true);
  });

  it('binds yiaddr to chaddr from the server ACK, and nothing else', () => {
    const { status, obs } = run(dhcpDecoder, ACK, { ...PROP_CTX, srcMac: PROP_CTX.dstMac });
    expect(status).toBe('ok');
    expect(obs.map((o) => [o.kind, o.value, o.mac])).toEqual([['ip', '192.168.1.100', '00:1b:44:11:3a:b7']]);
  });

  it('reads options overloaded into the file field (option 52)', () => {
    const b = DISCOVER.slice(0, 240 + 3);
    const withOverload = new Uint8Array([...b, 0x34, 1, 1, 0xff]);
    withOverload.set([12, 3, ...'pc9'.split('').map((c) => c.charCodeAt(0)), 0xff], 108);
    const m = parseDhcp(withOverload);
    expect(typeof m === 'object' && m.hostname).toBe('pc9');
  });

  it('is not fooled: wrong op is skip; short or overrunning options are violations', () => {
    expect(run(dhcpDecoder, hex('05 01 06 00')).status).toBe('skip');
    expect(run(dhcpDecoder, DISCOVER.subarray(0, 100)).status).toBe('violation');
    const bad = DISCOVER.slice(0, 244);
    bad[241] = 0xf0; // option 53 claims 240 bytes
    expect(run(dhcpDecoder, bad).status).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(dhcpDecoder, DISCOVER, 0xd4c9);
  });
});
