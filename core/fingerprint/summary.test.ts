import { describe, expect, it } from 'vitest';
import { identify } from './combine';
import { IDENTITY_COLUMNS, identityColumns } from './summary';
import { device, testOui } from './test-helpers';

describe('identityColumns', () => {
  it('flattens an identification for CSV, with the one-line reason', () => {
    const id = identify(device('f8:c6:78:01:02:03', [['dhcp-vendor-class', 'CareFusion Alaris PCU'], ['http-user-agent', 'x (Windows NT 5.1)']]), undefined, { oui: testOui });
    const row = identityColumns(id);
    expect(Object.keys(row)).toEqual([...IDENTITY_COLUMNS]);
    expect(row.type).toBe('infusion-pump');
    expect(row.category).toBe('medical');
    expect(row.maker).toBe('Becton Dickinson (BD)');
    expect(row.mac_vendor).toBe('Carefusion');
    expect(row.end_of_support).toBe('Windows XP since 2014-04-08');
    expect(row.why).toMatch(/CareFusion Alaris PCU.*\+ OUI of Carefusion.* → infusion pump, 0\.\d\d/);
  });

  it('empty for no identification; "unknown" when evidence does not decide', () => {
    expect(identityColumns(undefined).type).toBe('');
    const row = identityColumns(identify(device(undefined, [['ssdp-nt', 'urn:Belkin:device:controllee:1'], ['mdns-service', '_ipp._tcp']])));
    expect(row.type).toBe('unknown');
    expect(row.why).toMatch(/not enough evidence/);
  });
});
