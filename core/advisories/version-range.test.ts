import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VersionSpec } from './version-range';
import { checkVersion, compareVersions, describeSpec, parseVersion, parseVersionSpec, versionFromProductName } from './version-range';

const FIX = join(__dirname, '../../test/fixtures/advisories');

const v = (s: string) => parseVersion(s)!;
const check = (spec: string, version: string | undefined, category = 'product_version_range') =>
  checkVersion(parseVersionSpec(spec, { category }), version === undefined ? {} : { version }).verdict;

describe('compareVersions', () => {
  it('orders dotted numbers numerically, with trailing zeros equal', () => {
    expect(compareVersions(v('9.35'), v('9.5'))?.c).toBe(1);
    expect(compareVersions(v('1.10'), v('1.9'))?.c).toBe(1);
    expect(compareVersions(v('1.0'), v('1.0.0'))?.c).toBe(0);
    expect(compareVersions(v('2.0.14.0'), v('2.0.2.2'))?.c).toBe(1);
  });
  it('orders letter revisions and firmware codes segment by segment', () => {
    expect(compareVersions(v('B.05.12'), v('B.06.18'))?.c).toBe(-1);
    expect(compareVersions(v('K'), v('M'))?.c).toBe(-1);
    expect(compareVersions(v('012U000039'), v('012U000040'))?.c).toBe(-1);
    expect(compareVersions(v('BT04'), v('BT06'))?.c).toBe(-1);
  });
  it('refuses to order different shapes', () => {
    expect(compareVersions(v('4.1'), v('R4.1L1'))).toBeUndefined();
    expect(compareVersions(v('BT03'), v('B.02'))).toBeUndefined();
  });
  it('treats x / * as a prefix wildcard', () => {
    expect(compareVersions(v('12.2.1.5'), v('12.2.x.x'))?.c).toBe(0);
    expect(compareVersions(v('12.3.0'), v('12.2.x.x'))?.c).toBe(1);
  });
});

describe('parseVersionSpec: the dialects of CISA advisories', () => {
  const cases: [string, string, string][] = [
    // text, category, expected description
    ['vers:all/*', 'product_version', 'all versions'],
    ['vers:generic/>=1.0|<=1.1.1', 'product_version_range', '>=1.0|<=1.1.1'],
    ['vers:intdot/<4.2', 'product_version_range', '<4.2'],
    ['vers:semver/>=2.0.0|<3.0.0', 'product_version_range', '>=2.0.0|<3.0.0'],
    ['>= 1.0 | <= 1.1.1', 'product_version_range', '>=1.0|<=1.1.1'],
    ['<=4.1', 'product_version_range', '<=4.1'],
    ['prior to 5.0', 'product_version_range', '<5.0'],
    ['versions before 3.2', 'product_version_range', '<3.2'],
    ['all versions', 'product_version', 'all versions'],
    ['2.3.6 and  below', 'product_version', '<=2.3.6'],
    ['4.1 and earlier', 'product_version', '<=4.1'],
    ['Rev J-M', 'product_version', '>=J|<=M'],
    ['Rev. K', 'product_version', 'K'],
    ['1.2, 1.3', 'product_version', '1.2|1.3'],
    ['9.13 | 9.19 | 9.33 | 12.1', 'product_version', '9.13|9.19|9.33|12.1'],
    ['<= 12.2.x.x', 'product_version_range', '<=12.2.x.x'],
    ['A.01 <= C.0x | 4.0', 'product_version_range', '>=A.01|<=C.0x|4.0'],
    ['< April 1, 2018', 'product_version_range', 'released <2018-04-01'],
    ['distributed  < april 1, 2018', 'product_version_range', 'distributed <2018-04-01'],
    ['prior to 2019-03', 'product_version_range', 'released <2019-03-01'],
    ['<May 2018', 'product_version_range', 'released <2018-05-01'],
    ['with wireless option (shipped between 26-June-2017 through 07-August 2018)', 'product_version', 'shipped >=2017-06-26|<=2018-08-07'],
  ];
  it.each(cases)('%s', (text, category, expected) => {
    const s = parseVersionSpec(text, { category });
    expect(s.kind).not.toBe('unparsed');
    expect(describeSpec(s)).toBe(expected);
  });

  it('keeps conditions as a qualifier, not as part of the version', () => {
    const s = parseVersionSpec('<= 1.54 (integrated into GE MobileLink)', { category: 'product_version_range' });
    expect(describeSpec(s)).toBe('<=1.54');
    expect(s.kind === 'versions' && s.qualifier).toBe('integrated into GE MobileLink');
    const w = parseVersionSpec('v8.x (with Wireless Battery Modules v17 | v17D19 | >= v20D29 | <= v20D32)', { category: 'product_version_range' });
    expect(describeSpec(w)).toBe('v8.x');
    expect(checkVersion(w, { version: '8.1' }).condition).toMatch(/Wireless Battery Modules/);
  });

  it('classifies model names given as versions as variants', () => {
    expect(parseVersionSpec('MMT-512 / MMT-712 Paradigm x12', { category: 'product_version' }).kind).toBe('variant');
    expect(parseVersionSpec('3120', { category: 'product_version', productName: 'ZOOM LATITUDE PRM - Model 3120' }).kind).toBe('variant');
    expect(parseVersionSpec('882300 Gemini 16 Slice', { category: 'product_version' }).kind).toBe('variant');
  });

  it('says why when it cannot parse', () => {
    const s = parseVersionSpec('< august 28', { category: 'product_version_range' });
    expect(s.kind).toBe('unparsed');
    expect(s.kind === 'unparsed' && s.reason).toMatch(/without a year/);
    expect(parseVersionSpec(42).kind).toBe('unparsed');
    expect(parseVersionSpec('').kind).toBe('unparsed');
  });

  it('never throws and stays bounded on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('product_version', 'product_version_range'), (s, category) => {
        const spec = parseVersionSpec(s, { category });
        const r = checkVersion(spec, { version: s.slice(0, 20) });
        expect(['affected', 'not-affected', 'unknown']).toContain(r.verdict);
      }),
      { seed: 9, numRuns: 400 },
    );
  });
});

describe('checkVersion', () => {
  it('answers affected only inside the range', () => {
    expect(check('>= 1.0 | <= 1.1.1', '1.1.1')).toBe('affected');
    expect(check('>= 1.0 | <= 1.1.1', '1.1.2')).toBe('not-affected');
    expect(check('>= 1.0 | <= 1.1.1', '0.9')).toBe('not-affected');
    expect(check('< B.06.18', 'B.06.18')).toBe('not-affected');
    expect(check('< B.06.18', 'B.06.17')).toBe('affected');
    expect(check('<= 9.33', '9.35')).toBe('not-affected');
    expect(check('Rev J-M', 'Rev K', 'product_version')).toBe('affected');
    expect(check('Rev J-M', 'N', 'product_version')).toBe('not-affected');
    expect(check('<= 12.2.x.x', '12.2.8.410')).toBe('affected');
    expect(check('<= 12.2.x.x', '12.3')).toBe('not-affected');
  });
  it('honours vers: exclusions (!=)', () => {
    expect(check('vers:generic/>=1.0|!=1.2|<2.0', '1.2')).toBe('not-affected');
    expect(check('vers:generic/>=1.0|!=1.2|<2.0', '1.3')).toBe('affected');
    expect(check('vers:generic/>=1.0|!=1.2|<2.0', '2.5')).toBe('not-affected');
  });
  it('is unknown without a version, for unparsed specs, and across shapes', () => {
    expect(check('<= 9.33', undefined)).toBe('unknown');
    expect(check('< august 28', '1.0')).toBe('unknown');
    expect(check('<= R4.1L1', '4.1')).toBe('unknown');
    expect(check('< April 1, 2018', '2.0')).toBe('unknown');
  });
  it('is unknown when a listed version differs only by a build suffix', () => {
    expect(check('1.3.1 Build 13', '1.3.1', 'product_version')).toBe('unknown');
    expect(check('1.3.1 Build 13', '1.3.1 Build 13', 'product_version')).toBe('affected');
  });
  it('proves "distributed before" only from an earlier install date', () => {
    const s = parseVersionSpec('distributed  < april 1, 2018', { category: 'product_version_range' });
    expect(checkVersion(s, { installDate: '2017-05-02' }).verdict).toBe('affected');
    expect(checkVersion(s, { installDate: '2019-05-02' }).verdict).toBe('unknown');
  });
});

describe('versions written into product names', () => {
  it('reads dotted versions standing alone, not field strengths or model numbers', () => {
    expect(describeSpec(versionFromProductName('Xeleris 3.1')!)).toBe('3.1');
    expect(describeSpec(versionFromProductName('IntelliSpace Portal 8.0.x')!)).toBe('8.0.x');
    expect(describeSpec(versionFromProductName('eNTEGRA 2.0/2.5 Processing and Review Workstation')!)).toBe('2.0|2.5');
    expect(versionFromProductName('1.5T Brivo MR355')).toBeUndefined();
    expect(versionFromProductName('Alaris 8015 PC unit')).toBeUndefined();
    expect(versionFromProductName('VxWorks under CURRENT support (6.9.4.11, Vx7 SR540)')).toBeUndefined();
  });
});

/** Every version leaf (product_version / product_version_range) in the copied advisories. */
function allLeaves(): { file: string; text: string; category: string; productName: string; fullName: string }[] {
  const out: { file: string; text: string; category: string; productName: string; fullName: string }[] = [];
  const walk = (file: string, branches: unknown, productName: string) => {
    if (!Array.isArray(branches)) return;
    for (const b of branches as Record<string, unknown>[]) {
      const cat = String(b.category);
      const name = String(b.name);
      const pn = cat === 'product_name' ? name : productName;
      if (cat === 'product_version' || cat === 'product_version_range') {
        const product = b.product as { name?: string } | undefined;
        out.push({ file, text: name, category: cat, productName: pn, fullName: product?.name ?? '' });
      }
      walk(file, b.branches, pn);
    }
  };
  for (const dir of ['csaf-icsma', 'csaf-icsma-older-revisions']) {
    for (const f of readdirSync(join(FIX, dir))) {
      if (!f.endsWith('.json')) continue;
      const j = JSON.parse(readFileSync(join(FIX, dir, f), 'utf8')) as { product_tree?: { branches?: unknown } };
      walk(f, j.product_tree?.branches, '');
    }
  }
  return out;
}

describe('every range string in the real CISA advisories', () => {
  const leaves = allLeaves();
  it('parses into a structured range or is classified unparsed with a reason; > 95% parsed', () => {
    expect(leaves.length).toBeGreaterThan(500);
    const unparsed: string[] = [];
    const byKind: Record<string, number> = {};
    for (const l of leaves) {
      const s: VersionSpec = parseVersionSpec(l.text, { category: l.category, productName: l.productName, fullName: l.fullName });
      byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
      if (s.kind === 'unparsed') {
        expect(s.reason.length).toBeGreaterThan(5);
        unparsed.push(`${l.file}: '${l.text}' (${s.reason})`);
      } else {
        // a structured range always has something to compare against
        if (s.kind === 'versions') expect(s.constraints.length).toBeGreaterThan(0);
        if (s.kind === 'dates') expect(s.constraints.length).toBeGreaterThan(0);
        expect(describeSpec(s).length).toBeGreaterThan(0);
      }
    }
    const share = (leaves.length - unparsed.length) / leaves.length;
    console.log(`version ranges parsed: ${leaves.length - unparsed.length}/${leaves.length} (${(share * 100).toFixed(1)}%) by kind ${JSON.stringify(byKind)}; unparsed: ${unparsed.join('; ')}`);
    expect(share).toBeGreaterThan(0.95);
  });

  it('classifies every product_name string: names a version (parsed) or names none', () => {
    const names = new Set<string>();
    for (const dir of ['csaf-icsma', 'csaf-icsma-older-revisions']) {
      for (const f of readdirSync(join(FIX, dir))) {
        const j = JSON.parse(readFileSync(join(FIX, dir, f), 'utf8')) as { product_tree?: { branches?: { branches?: { category: string; name: string }[] }[] } };
        for (const v of j.product_tree?.branches ?? []) for (const p of v.branches ?? []) if (p.category === 'product_name') names.add(p.name);
      }
    }
    const withVersion: string[] = [];
    for (const n of names) {
      const s = versionFromProductName(n);
      if (s) {
        withVersion.push(`${n} → ${describeSpec(s)}`);
        expect(s.kind).toBe('versions');
      } else expect(n.match(/(^|\s)\d+\.\d+(\s|$)/), n).toBeNull(); // nothing that looks like a lone version was missed
    }
    console.log(`product names: ${names.size}, of which ${withVersion.length} carry a version`);
    expect(names.size).toBeGreaterThan(400);
    expect(withVersion.sort()).toEqual([
      'Image Vault 3.x medical imaging software → 3.x',
      'IntelliSpace Portal 7.0.x → 7.0.x',
      'IntelliSpace Portal 8.0.x → 8.0.x',
      'Xeleris 1.0 → 1.0',
      'Xeleris 1.1 → 1.1',
      'Xeleris 2.1 → 2.1',
      'Xeleris 3.0 → 3.0',
      'Xeleris 3.1 → 3.1',
      'eNTEGRA 2.0/2.5 Processing and Review Workstation → 2.0|2.5',
    ]);
  });

  it('a version exactly on an upper bound is affected for <= and not for <', () => {
    let n = 0;
    for (const l of leaves) {
      const m = l.text.trim().match(/^(<=|<)\s*(\d+(\.\d+)+)$/);
      if (!m) continue;
      const s = parseVersionSpec(l.text, { category: l.category });
      expect(checkVersion(s, { version: m[2]! }).verdict).toBe(m[1] === '<=' ? 'affected' : 'not-affected');
      n++;
    }
    expect(n).toBeGreaterThan(50);
  });
});
