// `npm run eval:identify`: score identification on labelled real captures (see identify-cases.ts).
// Prints vendor and type accuracy, the share answered "unknown", and every confident-wrong answer;
// exits 1 when any answer is confidently wrong or type accuracy on captures that carry identifying
// evidence is below 90 %.
import { discoverFiles } from '../../electron/services/discovery';
import { loadOuiLookup } from '../../electron/services/oui-table';
import { explain, identify } from '../../core/fingerprint/combine';
import { categoryOf } from '../../core/fingerprint/taxonomy';
import type { Device, Identification } from '../../core/model/device';
import { allCases, vendorMatches, type IdCase } from './identify-cases';

const GENERIC = new Set(['medical-device', 'iot-device', 'network-device']);

export type Outcome = 'correct' | 'unknown' | 'wrong' | 'missing';

export interface CaseResult {
  c: IdCase;
  found: boolean;
  identity?: Identification;
  type?: Outcome;
  vendor?: Outcome;
  typeLine: string;
  makerLine: string;
}

export function scoreType(c: IdCase, id: Identification | undefined): Outcome | undefined {
  if (!c.type) return undefined;
  if (!id) return 'missing';
  const v = id.type?.value;
  if (!v || v === 'unknown') return 'unknown';
  if (v === c.type) return 'correct';
  // A generic answer ("IoT device, kind not known") in the right category is not wrong, but not a type.
  if (GENERIC.has(v)) return categoryOf(v) === categoryOf(c.type) ? 'unknown' : 'wrong';
  return 'wrong';
}

export function scoreVendor(c: IdCase, id: Identification | undefined): Outcome | undefined {
  if (!c.vendor) return undefined;
  if (!id) return 'missing';
  const v = id.maker?.value;
  if (!v || v === 'unknown') return 'unknown';
  return vendorMatches(v, c.vendor) ? 'correct' : 'wrong';
}

export async function runCases(cases: IdCase[]): Promise<CaseResult[]> {
  const oui = loadOuiLookup();
  const byFile = new Map<string, Device[]>();
  const out: CaseResult[] = [];
  for (const c of cases) {
    const key = c.files.join('|');
    let devices = byFile.get(key);
    if (!devices) {
      devices = (await discoverFiles(c.files)).devices;
      byFile.set(key, devices);
    }
    const d = devices.find((x) => x.mac === c.mac);
    const identity = d ? identify(d, undefined, { oui }) : undefined;
    const r: CaseResult = {
      c,
      found: !!d,
      typeLine: identity?.type ? explain('type', identity.type) : d ? '(no type evidence)' : '(device not discovered)',
      makerLine: identity?.maker ? `${identity.maker.value} ${identity.maker.confidence.toFixed(2)}` : '-',
    };
    if (identity) r.identity = identity;
    const t = scoreType(c, identity);
    if (t) r.type = t;
    const v = scoreVendor(c, identity);
    if (v) r.vendor = v;
    out.push(r);
  }
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a';
}

export function summarize(results: CaseResult[]) {
  const typed = results.filter((r) => r.type);
  const withEv = typed.filter((r) => r.c.carries);
  const vend = results.filter((r) => r.vendor);
  const count = (xs: CaseResult[], f: 'type' | 'vendor', o: Outcome) => xs.filter((r) => r[f] === o).length;
  return {
    cases: results.length,
    typeCorrect: count(typed, 'type', 'correct'),
    typeUnknown: count(typed, 'type', 'unknown') + count(typed, 'type', 'missing'),
    typeWrong: count(typed, 'type', 'wrong'),
    typeN: typed.length,
    evCorrect: count(withEv, 'type', 'correct'),
    evN: withEv.length,
    vendorCorrect: count(vend, 'vendor', 'correct'),
    vendorUnknown: count(vend, 'vendor', 'unknown') + count(vend, 'vendor', 'missing'),
    vendorWrong: count(vend, 'vendor', 'wrong'),
    vendorN: vend.length,
    confidentWrong: results.filter((r) => r.type === 'wrong' || r.vendor === 'wrong'),
    notDiscovered: results.filter((r) => !r.found),
  };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const results = await runCases(allCases());
  const lines: string[] = [];
  lines.push('case                               | type truth          | type result | maker result | identification');
  lines.push('-'.repeat(150));
  for (const r of results) {
    lines.push(
      [
        `${r.c.set === 'iot-sentinel' ? 'IoT ' : 'fix '}${r.c.name}`.padEnd(34),
        `${r.c.type ?? '-'}${r.c.carries ? '' : ' (no ev.)'}`.padEnd(19),
        (r.type ?? '-').padEnd(11),
        `${r.vendor ?? '-'}`.padEnd(8) + ` ${r.makerLine}`.padEnd(30),
        r.typeLine.slice(0, 160),
      ].join(' | '),
    );
  }
  const s = summarize(results);
  lines.push('');
  lines.push('metric                                          | value');
  lines.push('------------------------------------------------|------------------------');
  lines.push(`type accuracy, captures with identifying evidence | ${pct(s.evCorrect, s.evN)}`);
  lines.push(`type accuracy, all labelled cases                 | ${pct(s.typeCorrect, s.typeN)}`);
  lines.push(`type answered "unknown" (share)                   | ${pct(s.typeUnknown, s.typeN)}`);
  lines.push(`type confidently wrong                            | ${s.typeWrong}`);
  lines.push(`vendor accuracy                                   | ${pct(s.vendorCorrect, s.vendorN)}`);
  lines.push(`vendor answered "unknown" (share)                 | ${pct(s.vendorUnknown, s.vendorN)}`);
  lines.push(`vendor confidently wrong                          | ${s.vendorWrong}`);
  lines.push(`devices not discovered by the pipeline            | ${s.notDiscovered.map((r) => r.c.name).join(', ') || 'none'}`);
  lines.push('');
  lines.push(`confident-wrong answers (${s.confidentWrong.length}):`);
  for (const r of s.confidentWrong) {
    lines.push(`  ${r.c.name}: truth type=${r.c.type ?? '-'} vendor=${r.c.vendor ?? '-'}; got type=${r.identity?.type?.value ?? '-'} maker=${r.identity?.maker?.value ?? '-'}`);
    lines.push(`    ${r.typeLine}`);
  }
  lines.push(`(${results.length} cases in ${Date.now() - t0} ms)`);
  process.stdout.write(lines.join('\n') + '\n');
  const pass = s.confidentWrong.length === 0 && s.evN > 0 && s.evCorrect / s.evN >= 0.9;
  return pass ? 0 : 1;
}

/** Entry point for bin/run-ts.mjs (which calls run()); the exit code says pass / fail. */
export async function run(): Promise<undefined> {
  try {
    process.exitCode = await main();
  } catch (e) {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exitCode = 2;
  }
  return undefined;
}
