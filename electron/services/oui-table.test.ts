import { describe, expect, it } from 'vitest';
import type { Mac } from '../../core/model/ids';
import { identify } from '../../core/fingerprint/combine';
import { loadOuiLookup, parseOuiData } from './oui-table';

describe('oui-table: the IEEE registries from oui-data', () => {
  const oui = loadOuiLookup();

  it('loads all three registries (tens of thousands of prefixes)', () => {
    expect(oui.size).toBeGreaterThan(50_000);
  });

  it('finds MA-L vendors by their first line only', () => {
    expect(oui.lookup('00:17:88:24:76:ff' as Mac)).toMatchObject({ name: 'Philips Lighting BV', registry: 'MA-L' });
    expect(oui.lookup('f8:c6:78:00:00:01' as Mac).name).toBe('Carefusion');
    expect(oui.lookup('00:0c:29:b5:b6:48' as Mac).name).toBe('VMware, Inc.');
  });

  it('prefers MA-S inside an IEEE Registration Authority block', () => {
    const v = oui.lookup('70:b3:d5:36:a0:01' as Mac);
    expect(v.registry).toBe('MA-S');
    expect(v.name).toBe('Becton Dickinson');
  });

  it('a module maker OUI is flagged in the identification', () => {
    const id = identify({ mac: '5c:cf:7f:07:ae:fb' as Mac, evidence: [] }, undefined, { oui });
    expect(id.macVendor?.name).toBe('Espressif Inc.');
    expect(id.macVendor?.note).toMatch(/module maker/);
  });

  it('parseOuiData ignores malformed entries', () => {
    expect(parseOuiData('{"001122":"A\\nB","zz":"x","0011223344":"too long","001123":5}')).toEqual([['001122', 'A']]);
    expect(parseOuiData('null')).toEqual([]);
  });
});
