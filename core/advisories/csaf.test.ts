import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advisory } from './csaf';
import { mergeRevisions, parseCsaf, parseCsafText } from './csaf';
import { computeBaseScore, readCvss } from './cvss';

const FIX = join(__dirname, '../../test/fixtures/advisories');
const read = (dir: string, f: string) => readFileSync(join(FIX, dir, f), 'utf8');
const files = readdirSync(join(FIX, 'csaf-icsma')).filter((f) => f.endsWith('.json'));

function load(dir: string, f: string): Advisory {
  const r = parseCsafText(read(dir, f), f);
  if (!r.ok) throw new Error(`${f}: ${r.error}`);
  return r.advisory;
}

/** The index CSV written beside the advisories (derived independently from the same files). */
function indexRows(): Map<string, Record<string, string>> {
  const text = readFileSync(join(FIX, 'csaf-icsma-index.csv'), 'utf8').trim().split('\n');
  const parseLine = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = false;
        else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const head = parseLine(text[0]!);
  const m = new Map<string, Record<string, string>>();
  for (const line of text.slice(1)) {
    const cells = parseLine(line);
    const row: Record<string, string> = {};
    head.forEach((h, i) => (row[h] = cells[i] ?? ''));
    m.set(row.file!, row);
  }
  return m;
}

describe('CSAF reader on the real CISA advisories', () => {
  const index = indexRows();
  it('reads every advisory and agrees with the index on id, revision, vulnerabilities, CVEs and max CVSS', () => {
    expect(files.length).toBeGreaterThanOrEqual(130);
    for (const f of files) {
      const a = load('csaf-icsma', f);
      const row = index.get(f);
      expect(row, f).toBeDefined();
      expect(a.trackingId).toBe(row!.id);
      expect(a.version).toBe(row!.version);
      expect(a.vulnerabilities.length).toBe(Number(row!.n_vulns));
      const cves = a.vulnerabilities.map((v) => v.cve).filter(Boolean).sort();
      expect(cves).toEqual((row!.cves ?? '').split(' ').filter(Boolean).sort());
      const max = Math.max(...a.vulnerabilities.flatMap((v) => v.scores.filter((s) => s.version !== '2.0').map((s) => s.baseScore)));
      if (row!.max_cvss3) expect(max, f).toBeCloseTo(Number(row!.max_cvss3), 5);
      expect(a.products.length).toBe(Number(row!.n_products));
      for (const p of a.products) {
        expect(p.productId).toMatch(/\S/);
        expect(p.vendor).toMatch(/\S/);
        expect(p.product).toMatch(/\S/);
      }
    }
  });

  it('flattens vendor → product_name → version leaves, and keeps remediations per product', () => {
    const a = load('csaf-icsma', 'icsma-17-017-02.json');
    expect(a.title).toBe('BD Alaris 8015 PC Unit (Update B)');
    expect(a.products.map((p) => `${p.vendor}|${p.product}|${p.versionText}`)).toEqual([
      'Becton, Dickinson and Company (BD)|Alaris 8015 PC unit|9.7',
      'Becton, Dickinson and Company (BD)|Alaris 8015 PC unit|<= 9.33',
      'Becton, Dickinson and Company (BD)|Alaris 8015 PC unit|<= 9.5',
    ]);
    expect(a.url).toBe('https://www.cisa.gov/news-events/ics-medical-advisories/icsma-17-017-02');
    const cats = new Set(a.vulnerabilities.flatMap((v) => v.remediations.map((r) => r.category)));
    expect([...cats].every((c) => ['vendor_fix', 'mitigation', 'workaround', 'none_available', 'no_fix_planned', 'other'].includes(c))).toBe(true);
    expect(a.vulnerabilities.every((v) => v.remediations.every((r) => r.productIds.length > 0))).toBe(true);
  });

  it('reads full_product_names and relationships (none in the CISA files; the CSAF 2.0 shapes)', () => {
    const doc = {
      document: { csaf_version: '2.0', title: 'T', tracking: { id: 'X-1', version: '1' } },
      product_tree: {
        branches: [{ category: 'vendor', name: 'Acme', branches: [{ category: 'product_name', name: 'Pump 9', branches: [{ category: 'product_version', name: '2.1', product: { name: 'Acme Pump 9 2.1', product_id: 'P1' } }] }] }],
        full_product_names: [
          { name: 'Widget OS 3', product_id: 'W3', product_identification_helper: { cpe: 'cpe:2.3:o:widgetco:widget_os:3.0:*:*:*:*:*:*:*' } },
          { name: 'Bare name', product_id: 'B1' },
        ],
        relationships: [{ category: 'installed_on', product_reference: 'W3', relates_to_product_reference: 'P1', full_product_name: { name: 'Widget OS 3 on Pump 9', product_id: 'R1' } }],
      },
      vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['R1'] }, scores: [{ products: ['R1'], cvss_v2: { vectorString: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5 } }] }],
    };
    const r = parseCsaf(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byId = new Map(r.advisory.products.map((p) => [p.productId, p]));
    expect(byId.get('W3')).toMatchObject({ vendor: 'widgetco', product: 'widget os', versionText: '3.0', via: 'full_product_name' });
    expect(byId.get('B1')).toMatchObject({ product: 'Bare name', spec: { kind: 'all' } });
    const rel = byId.get('R1')!;
    expect(rel).toMatchObject({ vendor: 'Acme', product: 'Pump 9', versionText: '2.1', via: 'relationship' });
    expect(rel.spec.kind === 'versions' && rel.spec.qualifier).toMatch(/widget os 3\.0 \(installed on\)/);
    expect(r.advisory.vulnerabilities[0]!.scores[0]).toMatchObject({ version: '2.0', baseScore: 7.5, computed: 7.5, severity: 'HIGH' });
  });
});

describe('CVSS', () => {
  it('computes every stated CVSS v3 score from its vector (ae-cvss-calculator) and flags disagreement', () => {
    let n = 0;
    const mismatches: string[] = [];
    for (const f of files) {
      for (const v of load('csaf-icsma', f).vulnerabilities) {
        for (const s of v.scores) {
          expect(s.computed, `${f} ${s.vector}`).toBeTypeOf('number');
          n++;
          if (s.mismatch) mismatches.push(`${f} ${v.cve} stated ${s.baseScore} computed ${s.computed}`);
        }
      }
    }
    expect(n).toBeGreaterThan(400);
    // CISA's stated scores are right almost always; the few that are not are kept and flagged.
    expect(mismatches.length).toBeLessThan(n * 0.05);
  });
  it('computes known FIRST examples and refuses broken vectors', () => {
    expect(computeBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '3.1')).toBe(9.8);
    expect(computeBaseScore('CVSS:3.0/AV:P/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N', '3.0')).toBe(4.9);
    expect(computeBaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P', '2.0')).toBe(7.5);
    expect(computeBaseScore('CVSS:3.1/AV:Q/AC:L', '3.1')).toBeUndefined();
    expect(computeBaseScore('CVSS:3.1/AV:N', '3.1')).toBeUndefined();
    expect(computeBaseScore('garbage', '3.1')).toBeUndefined();
    expect(readCvss({ vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }, 'v3')).toMatchObject({ baseScore: 9.8, severity: 'CRITICAL' });
    expect(readCvss({ vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 5 }, 'v3')).toMatchObject({ baseScore: 5, computed: 9.8, mismatch: true });
    expect(readCvss({ baseScore: 'high' }, 'v3')).toBeUndefined();
  });
});

describe('revisions', () => {
  it('a newer revision of the same tracking id replaces the older, whatever the order', () => {
    const older = load('csaf-icsma-older-revisions', 'icsma-22-244-01-rev1.json');
    const newer = load('csaf-icsma', 'icsma-22-244-01.json');
    expect(older.trackingId).toBe(newer.trackingId);
    expect(older.version).toBe('1');
    expect(newer.version).toBe('2');
    for (const order of [[older, newer], [newer, older]]) {
      const m = mergeRevisions([], order);
      expect(m.advisories).toHaveLength(1);
      expect(m.advisories[0]!.version).toBe('2');
      expect(m.advisories[0]!.products.map((p) => p.versionText)).toContain('<=smart3250-2.6.27-wlan2.1.7.cramfs');
      expect(m.superseded).toEqual([{ trackingId: 'ICSMA-22-244-01', kept: '2', dropped: '1', droppedSource: 'icsma-22-244-01-rev1.json' }]);
    }
    // the older revision said "all versions"; the newer narrows it to ranges
    expect(older.products[0]!.spec.kind).toBe('all');
  });
  it('keeps an advisory whose newer revision is absent', () => {
    const only = load('csaf-icsma-older-revisions', 'icsma-24-200-01-rev1.json');
    const all = files.map((f) => load('csaf-icsma', f));
    const m = mergeRevisions(all, [only]);
    expect(m.advisories.length).toBe(all.length + 1);
    expect(m.superseded).toEqual([]);
  });
});

describe('hostile input', () => {
  it('returns clear errors for non-CSAF JSON', () => {
    expect(parseCsafText('not json')).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON/) });
    expect(parseCsaf(null)).toEqual({ ok: false, error: 'not a JSON object' });
    expect(parseCsaf([])).toEqual({ ok: false, error: 'not a JSON object' });
    expect(parseCsaf({})).toMatchObject({ ok: false, error: expect.stringMatching(/no 'document'/) });
    expect(parseCsaf({ document: { tracking: {} } })).toMatchObject({ ok: false, error: expect.stringMatching(/tracking.id/) });
    expect(parseCsaf({ document: { csaf_version: '1.2', tracking: { id: 'x' } } })).toMatchObject({ ok: false, error: expect.stringMatching(/unsupported/) });
  });
  it('survives wrong types everywhere and reports what it skipped', () => {
    const r = parseCsaf({
      document: { tracking: { id: 'X', version: 3, revision_history: 'nope' }, title: ['x'], references: 7 },
      product_tree: { branches: [null, 1, { category: 'vendor', name: {}, branches: [{ product: { name: 'n' } }] }], relationships: [{}] },
      vulnerabilities: [null, { cve: 'CVE-nope', scores: [{ cvss_v3: { baseScore: 99 } }], remediations: [{ category: 'bogus' }] }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.advisory.version).toBe('3');
    expect(r.advisory.warnings.join(' ')).toMatch(/not an object|malformed CVE|no product_id|unreadable CVSS/);
    expect(r.advisory.vulnerabilities[0]!.remediations[0]!.category).toBe('other');
  });
  it('never throws on arbitrary JSON or on a real advisory with any field replaced', () => {
    const base = JSON.parse(read('csaf-icsma', 'icsma-20-023-01.json')) as Record<string, unknown>;
    const paths: string[][] = [];
    const collect = (x: unknown, p: string[]) => {
      if (paths.length > 400) return;
      paths.push(p);
      if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) collect(v, [...p, k]);
    };
    collect(base, []);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue(), (i, val) => {
        const doc = structuredClone(base);
        const p = paths[i]!;
        if (!p.length) return;
        let o = doc as Record<string, unknown>;
        for (const k of p.slice(0, -1)) o = o[k] as Record<string, unknown>;
        o[p[p.length - 1]!] = val;
        const r = parseCsaf(doc);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        expect(typeof parseCsaf(j).ok).toBe('boolean');
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});
