import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advisory } from './csaf';
import { parseCsafText } from './csaf';
import type { MatchableAsset } from './match';
import { buildAdvisoryIndex, matchAsset, matchAssets, productSimilarity, productTokens, recommendAction } from './match';
import { checkVersion } from './version-range';
import { identifyVendors, vendorAgreement } from './vendors';

const FIX = join(__dirname, '../../test/fixtures/advisories/csaf-icsma');
const advisories: Advisory[] = readdirSync(FIX)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseCsafText(readFileSync(join(FIX, f), 'utf8'), f);
    if (!r.ok) throw new Error(r.error);
    return r.advisory;
  });
const index = buildAdvisoryIndex(advisories);

describe('vendor aliases', () => {
  const agree = (a: string, b: string) => {
    const [x] = identifyVendors(a);
    const [y] = identifyVendors(b);
    return x && y ? vendorAgreement(x, y) : undefined;
  };
  it.each([
    ['Phillips', 'Philips'],
    ['GE Healthcare', 'General Electric (GE)'],
    ['GE', 'GE Healthcare'],
    ['BD', 'Becton, Dickinson and Company (BD)'],
    ['CareFusion', 'Becton, Dickinson and Company (BD)'],
    ['ICU Medical', 'Smiths Medical'],
    ['Hospira', 'ICU Medical'],
    ['Siemens Healthineers', 'Siemens'],
    ['B. Braun Melsungen AG', 'B. Braun'],
    ['Baxter International Inc.', 'Baxter'],
    ['Medtronic ', 'Medtronic'],
    ['Draeger', 'Dräger'],
  ])('%s ≡ %s', (a, b) => {
    const g = agree(a, b);
    expect(g?.score).toBeGreaterThanOrEqual(0.95);
  });
  it('says which alias it used', () => {
    expect(agree('Phillips', 'Philips')?.reason).toBe("vendor alias 'Philips'→'Phillips' (CISA's advisories also spell it 'Phillips')");
  });
  it('keeps different makers apart', () => {
    expect(agree('Philips', 'GE Healthcare')).toBeUndefined();
    expect(agree('Mindray', 'Medtronic')).toBeUndefined();
    expect(agree('Fujitsu', 'Fujifilm')).toBeUndefined();
  });
  it('splits advisories that name several vendors', () => {
    expect(identifyVendors('Silex Technology and GE Healthcare').map((v) => v.key)).toEqual(['silextechnology', 'ge']);
    expect(identifyVendors('Hillrom and ELI, Baxter International Inc.').map((v) => v.key)).toContain('baxter');
  });
});

describe('product similarity', () => {
  const sim = (a: string, b: string) => productSimilarity(productTokens(a), productTokens(b)).score;
  it('ignores case, punctuation and trademark signs and sees word order through', () => {
    expect(sim('Alaris 8015 PC Unit', 'Alaris PC Unit Model 8015')).toBe(1);
    expect(sim('ALARIS™ PC-UNIT 8015', 'Alaris 8015 PC unit')).toBe(1);
  });
  it('treats an asset model inside a product family as a match', () => {
    expect(sim('IntelliVue MX40', 'IntelliVue MX40 Patient Worn Monitor (WLAN only)')).toBeGreaterThanOrEqual(0.85);
    expect(sim('IntelliVue MX450', 'IntelliVue Patient Monitors MX (MX400-550)')).toBeGreaterThanOrEqual(0.85);
    expect(sim('IntelliVue MX700', 'IntelliVue Patient Monitors MX (MX400-550)')).toBeLessThan(0.5);
  });
  it('keeps different model numbers apart', () => {
    expect(sim('Alaris 8000 PC unit', 'Alaris 8015 PC unit')).toBeLessThan(0.5);
    expect(sim('Optima 520', 'Optima 540')).toBeLessThan(0.5);
  });
  it('does not match on generic words alone', () => {
    expect(sim('Patient Monitor', 'IntelliVue Patient Monitor')).toBeLessThan(0.55);
  });
});

describe('every product in the advisories matches its own advisory', () => {
  it('an asset built from each product tree entry (vendor, product name, version) finds its advisory', () => {
    let n = 0;
    const missed: string[] = [];
    const skipped: string[] = [];
    for (const a of advisories) {
      for (const p of a.products) {
        // products named only by generic words ("Windows 7", "Patient Portal", "Version") cannot
        // be told apart from other products by name: they are counted, not matched
        if (!productTokens(p.product).some((t) => t.w >= 1)) {
          skipped.push(`${a.trackingId}: ${p.product}`);
          continue;
        }
        n++;
        const version = p.spec.kind === 'versions' && p.spec.constraints[0]?.op !== '<' && p.spec.constraints[0]?.op !== '>' ? p.spec.constraints[0]!.value.text : undefined;
        const asset: MatchableAsset = { id: `${a.trackingId}/${p.productId}`, maker: p.vendor, model: p.product, ...(version ? { softwareVersion: version } : {}) };
        const own = matchAsset(index, asset).find((m) => m.advisoryId === a.trackingId);
        if (!own) missed.push(`${a.trackingId} ${p.vendor} / ${p.product}`);
        else if (version && p.spec.kind === 'versions' && p.spec.constraints.length === 1) expect(own.verdict, `${asset.id} ${version}`).not.toBe('not-affected');
      }
    }
    expect(missed).toEqual([]);
    expect(skipped.length).toBeLessThan(n * 0.01);
    expect(n).toBeGreaterThan(550);
  });
});

// A realistic ward inventory, checked by hand against the advisories (test/fixtures/advisories).
// Each row lists EVERY advisory the asset should match, with the version verdict and certainty.
type Row = [id: string, maker: string, model: string, version: string, expected: [string, 'affected' | 'not-affected' | 'unknown', 'match' | 'possible'][]];
const INVENTORY: Row[] = [
  ['BME-001', 'BD', 'Alaris 8015 PC Unit', '9.19', [
    ['ICSMA-17-017-02', 'affected', 'match'], // <= 9.33
    ['ICSMA-20-317-01', 'affected', 'match'], // <= 9.33.1
    ['ICSMA-20-170-06', 'affected', 'match'], // 9.13 | 9.19 | 9.33 | 12.1
    ['ICSMA-23-194-01', 'affected', 'possible'], // "Point-of-Care Unit (PCU) Model 8015" <= 12.1.3: names only partly agree
  ]],
  // just outside every 8015 range except the 2023 one (<= 12.1.3)
  ['BME-002', 'CareFusion', 'Alaris PC Unit Model 8015', '9.35', [
    ['ICSMA-17-017-02', 'not-affected', 'match'],
    ['ICSMA-20-317-01', 'not-affected', 'match'],
    ['ICSMA-20-170-06', 'not-affected', 'match'],
    ['ICSMA-23-194-01', 'affected', 'possible'],
  ]],
  ['BME-003', 'Philips', 'IntelliVue MX40', 'B.06.18', [['ICSMA-17-255-01', 'not-affected', 'match']]], // < B.06.18: on the bound
  ['BME-004', 'Phillips', 'IntelliVue MX40 Patient Worn Monitor', 'B.05.12', [['ICSMA-17-255-01', 'affected', 'match']]],
  ['BME-005', 'Philips', 'IntelliVue MX40', '', [['ICSMA-17-255-01', 'unknown', 'possible']]],
  ['BME-006', 'Smiths Medical', 'Medfusion 4000', '1.6', [['ICSMA-17-250-02A', 'affected', 'match']]],
  ['BME-007', 'ICU Medical', 'Medfusion 4000 Wireless Syringe Infusion Pump', '1.7', [['ICSMA-17-250-02A', 'not-affected', 'match']]], // 1.1 | 1.5 | 1.6
  ['BME-008', 'Medtronic', 'MyCareLink Monitor 24950', '', [
    ['ICSMA-18-179-01', 'affected', 'match'],
    ['ICSMA-18-219-01', 'affected', 'match'],
    ['ICSMA-19-080-01', 'affected', 'match'],
  ]],
  ['BME-009', 'GE Healthcare', 'CARESCAPE Telemetry Server', '4.3', [['ICSMA-20-023-01', 'affected', 'match']]],
  ['BME-010', 'General Electric', 'CARESCAPE Telemetry Server', '4.4', [['ICSMA-20-023-01', 'not-affected', 'match']]], // 4.3 | <= 4.2
  ['BME-011', 'GE', 'B650', '', [['ICSMA-20-023-01', 'unknown', 'possible']]],
  ['BME-012', 'GE Healthcare', 'Optima 540', '', [['ICSMA-18-037-02', 'affected', 'match']]], // all versions
  ['BME-013', 'Baxter', 'Spectrum LVP', '8.1', [
    ['ICSMA-20-170-04', 'affected', 'match'], // v8.x with wireless battery module (a condition)
    ['ICSMA-22-251-01', 'affected', 'match'],
  ]],
  ['BME-014', 'Siemens Healthineers', 'Symbia.net workplace', '', [
    ['ICSMA-17-215-01', 'affected', 'match'],
    ['ICSMA-17-215-02', 'affected', 'match'],
  ]],
  ['BME-015', 'Philips', 'Vue PACS', '12.2.1.5', [['ICSMA-21-187-01', 'affected', 'match']]], // <= 12.2.x.x
  ['BME-016', 'Philips', 'Vue PACS', '12.3.0', [['ICSMA-21-187-01', 'not-affected', 'match']]],
  ['BME-017', 'Hamilton Medical', 'HAMILTON-T1', '2.2.4', [['ICSMA-21-047-01', 'not-affected', 'match']]], // <= 2.2.3
  ['BME-018', 'Zoll', 'Defibrillator Dashboard', '2.1', [['ICSMA-21-161-01', 'affected', 'match']]], // < 2.2
  ['BME-019', 'Draeger', 'Infinity Delta', 'VF10', [['ICSMA-19-022-01', 'affected', 'match']]],
  ['BME-020', 'Contec', 'CMS8000', 'smart3250-2.6.27-wlan2.1.7.cramfs', [['ICSMA-22-244-01', 'affected', 'match']]],
  ['BME-021', 'B. Braun', 'SpaceStation with SpaceCom', '012U000039', [
    ['ICSMA-21-294-01', 'affected', 'match'], // <= 012U000061
    ['ICSMA-17-082-02', 'affected', 'match'], // < 012U000040
    ['ICSMA-20-296-02', 'unknown', 'possible'], // <= U61 | <= L81: another numbering
  ]],
  ['BME-022', 'Stryker', 'S3 MedSurg Bed 3005', '', [['ICSMA-19-029-01', 'affected', 'match']]],
  ['BME-023', 'Welch Allyn', 'Connex Spot Monitor', '1.3', [['ICSMA-21-152-01', 'affected', 'match']]], // Hillrom → Baxter group
  ['BME-024', 'St. Jude Medical', 'Merlin@home EX1150', '8.2.1', [['ICSMA-17-009-01A', 'affected', 'possible']]],
  ['BME-025', 'Philips', 'IntelliVue MX450', 'K', [
    ['ICSMA-20-254-01', 'affected', 'match'], // MX400-MX850, <= N
    ['ICSMA-18-156-01', 'affected', 'match'], // MX400-550, Rev J-M
  ]],
  // "Xeleris 1.0 … 3.1: all versions" (2018) name their versions; "Xeleris: all versions" (2020) does not
  ['BME-026', 'GE Healthcare', 'Xeleris', '4.0', [
    ['ICSMA-18-037-02', 'not-affected', 'match'],
    ['ICSMA-20-343-01', 'affected', 'match'],
  ]],
  ['IT-026', 'Mindray', 'BeneView T5', '3.0', []],
  ['IT-027', 'HP', 'LaserJet M404', '', []],
  ['IT-028', 'Philips', 'Hue Bridge', '1.50', []],
];

describe('a realistic inventory, checked by hand row by row', () => {
  const assets: MatchableAsset[] = INVENTORY.map(([id, maker, model, version]) => ({ id, assetTag: id, maker, model, ...(version ? { softwareVersion: version } : {}) }));
  const all = matchAssets(index, assets);
  it.each(INVENTORY)('%s %s %s %s', (id, _maker, _model, version, expected) => {
    const got = all.filter((m) => m.assetId === id).map((m) => [m.advisoryId, m.verdict, m.certainty]);
    expect(got.sort()).toEqual([...expected].sort());
    for (const m of all.filter((x) => x.assetId === id)) {
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.reasons.length).toBeGreaterThanOrEqual(3);
      if (m.certainty === 'possible') expect(m.reasons.join(' ')).toMatch(/possible: /);
      if (!version) expect(m.verdict).not.toBe('not-affected');
      if (m.verdict === 'affected') expect(m.cves.length).toBeGreaterThan(0);
    }
  });
  it('explains a match: alias, tokens, version', () => {
    const m = all.find((x) => x.assetId === 'BME-004')!;
    expect(m.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^vendor alias 'Philips'→'Phillips'/), expect.stringMatching(/^product tokens \d\/\d$/), 'version B.05.12 within <B.06.18']));
    expect(m.cves).toEqual(['CVE-2017-9657', 'CVE-2017-9658']);
    expect(m.cvss).toMatchObject({ score: 6.5, version: '3.0' });
  });
  it('carries the advisory condition and the recommended action', () => {
    const spectrum = all.find((x) => x.assetId === 'BME-013' && x.advisoryId === 'ICSMA-20-170-04')!;
    expect(spectrum.condition).toMatch(/Wireless Battery Modules/);
    const alaris = all.find((x) => x.assetId === 'BME-001' && x.advisoryId === 'ICSMA-17-017-02')!;
    expect(['patch', 'mitigate', 'segment', 'disable-service']).toContain(alaris.recommended.action);
  });
});

describe('robustness', () => {
  it('any maker/model/version text: never throws, confidence in 0..1, affected only when a leaf says so', () => {
    const products = advisories.flatMap((a) => a.products.map((p) => ({ a, p })));
    fc.assert(
      fc.property(fc.nat(products.length - 1), fc.string({ maxLength: 40 }), fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{1,2}(\.\d{1,3}){0,3}$/)), (i, noise, version) => {
        const { p } = products[i]!;
        const asset: MatchableAsset = { id: 'x', maker: p.vendor, model: `${p.product} ${noise}`, softwareVersion: version };
        for (const m of matchAsset(index, asset)) {
          expect(m.confidence).toBeGreaterThanOrEqual(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          if (m.verdict === 'affected') {
            const leaves = advisories.find((a) => a.trackingId === m.advisoryId)!.products.filter((x) => m.productIds.includes(x.productId));
            expect(leaves.some((l) => checkVersion(l.spec, { version }).verdict === 'affected')).toBe(true);
          }
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('recommendAction', () => {
  it('patch when a vendor fix exists, else the mitigation, else segment', () => {
    expect(recommendAction([{ category: 'mitigation', details: 'Restrict network access', productIds: [] }, { category: 'vendor_fix', details: 'Update to 9.33.1', productIds: [] }])).toMatchObject({ action: 'patch', text: 'Update to 9.33.1' });
    expect(recommendAction([{ category: 'mitigation', details: 'Disable the FTP service', productIds: [] }]).action).toBe('disable-service');
    expect(recommendAction([{ category: 'workaround', details: 'Place the device behind a firewall on its own VLAN', productIds: [] }]).action).toBe('segment');
    expect(recommendAction([{ category: 'none_available', details: '', productIds: [] }]).action).toBe('segment');
    expect(recommendAction([]).action).toBe('contact-vendor');
  });
});
