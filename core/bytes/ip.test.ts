import { describe, expect, it } from 'vitest';
import { isPrivateIpText, isPrivateIpv4, parseIpv4 } from './ip';

describe('IPv4 text and address classes (the one definition every layer uses)', () => {
  it('parses dotted quads strictly', () => {
    expect(parseIpv4('10.3.2.1')).toBe(0x0a030201);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['10..2.1', '10.3.2', '10.3.2.1.5', '256.1.1.1', '1.2.3.4 ', '0x1.2.3.4', '1234.1.1.1', '']) expect(parseIpv4(bad)).toBeUndefined();
  });

  it('classifies private, link-local, CGNAT and local IPv6 alike from text and bytes', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.9.9', '100.64.0.1', '100.127.255.255', 'fe80::1', 'FD00::1']) expect(isPrivateIpText(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1']) expect(isPrivateIpText(ip), ip).toBe(false);
    expect(isPrivateIpv4(Uint8Array.of(172, 20, 1, 1))).toBe(true);
    expect(isPrivateIpv4(Uint8Array.of(172, 20, 1))).toBe(false);
  });
});
