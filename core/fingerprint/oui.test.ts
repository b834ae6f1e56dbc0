import { describe, expect, it } from 'vitest';
import type { Mac } from '../model/ids';
import { createOuiLookup } from './oui';

const m = (s: string) => s as Mac;

describe('createOuiLookup: longest prefix over MA-L / MA-M / MA-S', () => {
  const oui = createOuiLookup([
    ['70B3D5', 'IEEE Registration Authority\nPiscataway NJ'],
    ['70B3D536A', 'Becton Dickinson\nFranklin Lakes NJ'],
    ['1CC0E1', 'IEEE Registration Authority'],
    ['1CC0E12', 'Abbott Medical Optics Inc.'],
    ['001788', 'Philips Lighting BV\nHigh Tech Campus 45\nEindhoven'],
    ['02AA00', 'should never match: locally administered bit set'],
    ['00-1b-44', 'SanDisk Corporation'],
    ['XYZ', 'garbage prefix is ignored'],
    ['A1B2C3D4', 'eight digits: not a registry length'],
  ]);

  it('keeps only the first line of the registry text', () => {
    expect(oui.lookup(m('00:17:88:24:76:ff'))).toEqual({ name: 'Philips Lighting BV', prefix: '001788', registry: 'MA-L' });
  });

  it('prefers MA-S over the MA-L block of the IEEE RA, and MA-M likewise', () => {
    expect(oui.lookup(m('70:b3:d5:36:a1:23'))).toMatchObject({ name: 'Becton Dickinson', prefix: '70B3D536A', registry: 'MA-S' });
    expect(oui.lookup(m('1c:c0:e1:2f:00:01'))).toMatchObject({ name: 'Abbott Medical Optics Inc.', registry: 'MA-M' });
  });

  it('an IEEE RA block with no MA-M/MA-S match names no vendor', () => {
    const v = oui.lookup(m('70:b3:d5:99:99:99'));
    expect(v.name).toBeUndefined();
    expect(v.note).toMatch(/no vendor named/);
  });

  it('accepts separators in prefixes and ignores bad ones', () => {
    expect(oui.lookup(m('00:1b:44:11:3a:b7')).name).toBe('SanDisk Corporation');
    expect(oui.size).toBe(7);
  });

  it('locally administered and group MACs carry no vendor meaning', () => {
    const r = oui.lookup(m('02:aa:00:00:00:01'));
    expect(r.randomized).toBe(true);
    expect(r.name).toBeUndefined();
    expect(oui.lookup(m('01:00:5e:00:00:fb')).note).toMatch(/group/);
  });

  it('unknown prefixes say so', () => {
    expect(oui.lookup(m('00:00:01:00:00:00'))).toEqual({ note: 'prefix not in the IEEE registries' });
  });
});
