// LLDP decoder: annotated hex (IEEE 802.1AB-2016 §8.5) and a property test.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run } from '../../test/helpers/decoder-props';
import { lldpDecoder, parseLldp } from './lldp';

// TLV header = type << 9 | length.
const LLDPDU = hex(`
  0207 04 001b44113ab7                       # Chassis ID, subtype 4 MAC
  0408 05 ${hexOf('Gi1/0/7')}                # Port ID, subtype 5 interface name
  0602 0078                                  # TTL 120
  0811 ${hexOf('Room 4B wall jack')}         # Port description
  0a08 ${hexOf('sw-ward4')}                  # System name
  0c09 ${hexOf('Cisco IOS')}                 # System description
  0e04 0014 0014                             # Capabilities: bridge + router, both enabled
  100c 05 01 c0a80001 02 00000007 00         # Mgmt address: len 5, IPv4 192.168.0.1, ifIndex 7, no OID
  fe06 0080c2 01 0064                        # org-specific (802.1 port VLAN): ignored
  0000                                       # End of LLDPDU
`);

describe('lldp', () => {
  it('reads every identity TLV and says which switch port the capture point is on', () => {
    const { status, obs } = run(lldpDecoder, LLDPDU);
    expect(status).toBe('ok');
    expect(kv(obs)).toEqual([
      'lldp-chassis-id=00:1b:44:11:3a:b7', 'lldp-port-id=Gi1/0/7', 'lldp-port-desc=Room 4B wall jack',
      'lldp-system-name=sw-ward4', 'lldp-system-desc=Cisco IOS', 'lldp-capabilities=bridge,router',
      'lldp-mgmt-addr=192.168.0.1', 'switch-port=sw-ward4|Gi1/0/7',
    ]);
  });

  it('a station (no bridge/router capability) does not claim the switch port', () => {
    const st = LLDPDU.slice();
    const caps = LLDPDU.indexOf(0x0e, 60);
    st.set([0x00, 0x80, 0x00, 0x80], caps + 2); // station only
    expect(kv(run(lldpDecoder, st).obs)).not.toContain('switch-port=sw-ward4|Gi1/0/7');
  });

  it('mandatory TLVs out of order, or a TLV overrunning the frame, is a violation', () => {
    expect(parseLldp(hex('0408 05 4769312f302f37 0207 04 001b44113ab7 0602 0078'))).toBe('violation');
    expect(run(lldpDecoder, hex('0207 04 001b44113ab7 04ff 05')).status).toBe('violation');
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(lldpDecoder, LLDPDU, 0x88cc);
  });
});
