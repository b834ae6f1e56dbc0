// The dispatch tables: port hints, content sniffing, and no allocation per packet.
import { describe, expect, it } from 'vitest';
import { bytes, hex } from '../../test/helpers/decoder-props';
import { DECODER_NAMES, ETHERTYPE_DECODERS, SNAP_DECODERS, tcpDecodersFor, udpDecodersFor } from './registry';
import type { AppDecoder } from './types';

const names = (l: readonly AppDecoder[]): string[] => l.map((d) => DECODER_NAMES.get(d) ?? '?');

describe('registry', () => {
  it('link-level tables: LLDP by EtherType, CDP by SNAP', () => {
    expect(names([ETHERTYPE_DECODERS.get(0x88cc)!])).toEqual(['lldp']);
    expect(names([SNAP_DECODERS.get('00000c:2000')!])).toEqual(['cdp']);
  });

  it('UDP by either port', () => {
    expect(names(udpDecodersFor(68, 67))).toEqual(['dhcp']);
    expect(names(udpDecodersFor(546, 547))).toEqual(['dhcpv6']);
    expect(names(udpDecodersFor(53211, 53))).toEqual(['dns']);
    expect(names(udpDecodersFor(5353, 5353))).toEqual(['mdns']);
    expect(names(udpDecodersFor(5355, 60000))).toEqual(['llmnr']);
    expect(names(udpDecodersFor(137, 137))).toEqual(['nbns']);
    expect(names(udpDecodersFor(40000, 1900))).toEqual(['ssdp']);
    expect(names(udpDecodersFor(161, 40000))).toEqual(['snmp']);
    expect(names(udpDecodersFor(40000, 162))).toEqual(['snmp']);
    expect(names(udpDecodersFor(47808, 47808))).toEqual(['bacnet']);
    expect(names(udpDecodersFor(53, 161))).toEqual(['dns', 'snmp']);
    expect(udpDecodersFor(40000, 40001)).toEqual([]);
  });

  it('TCP by port and by the first bytes, wherever the port', () => {
    const get = bytes('GET / HTTP/1.1\r\n');
    const hello = hex('16 0301 0042 01');
    const assoc = hex('01 00 000000c2 0001 0000');
    const mllp = bytes('\x0bMSH|^~\\&|');
    expect(names(tcpDecodersFor(50000, 80, bytes('xx')))).toEqual(['http']);
    expect(names(tcpDecodersFor(50000, 6000, get))).toEqual(['http']);
    expect(names(tcpDecodersFor(443, 50000, bytes('\x17\x03\x03')))).toEqual(['tls']);
    expect(names(tcpDecodersFor(50000, 9999, hello))).toEqual(['tls']);
    expect(names(tcpDecodersFor(50000, 4000, assoc))).toEqual(['dicom']);
    expect(names(tcpDecodersFor(50000, 104, bytes('zz')))).toEqual(['dicom']);
    expect(names(tcpDecodersFor(49242, 6661, mllp))).toEqual(['hl7']);
    expect(names(tcpDecodersFor(50000, 2575, bytes('MSH|^~')))).toEqual(['hl7']);
    expect(names(tcpDecodersFor(50000, 53, hex('0020 abcd')))).toEqual(['dns']);
    expect(names(tcpDecodersFor(50000, 8080, hello))).toEqual(['tls', 'http']);
    expect(tcpDecodersFor(50000, 6000, bytes('random bytes'))).toEqual([]);
    expect(tcpDecodersFor(50000, 80, new Uint8Array(0))).toEqual([]);
  });

  it('returns the same cached (frozen) list on every call: nothing allocated per packet', () => {
    expect(udpDecodersFor(68, 67)).toBe(udpDecodersFor(67, 68));
    expect(udpDecodersFor(1, 2)).toBe(udpDecodersFor(3, 4));
    expect(tcpDecodersFor(1, 2, bytes('GET / HTTP/1.1'))).toBe(tcpDecodersFor(5, 80, bytes('zz')));
    expect(Object.isFrozen(udpDecodersFor(53, 53))).toBe(true);
  });
});
