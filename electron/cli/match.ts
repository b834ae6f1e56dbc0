// `wardwalk match --advisories <file|folder|archive> --inventory <workbook|json> [--json]`
// Matches an inventory against CSAF advisories and prints, per matched asset: the advisory, CVEs,
// CVSS, confidence and reasons, and the version-range verdict — so matching can be scripted and
// checked. The inventory is a JSON array of asset-like objects (or {"assets": [...]}) or a workbook
// (.xlsx/.xls/.csv) read by the spreadsheet importer with its suggested column mapping.
import { readFile, stat } from 'node:fs/promises';
import type { AdvisoryMatch, MatchableAsset } from '../../core/advisories/match';
import { buildAdvisoryIndex, matchAssets } from '../../core/advisories/match';
import type { DeviceCategory } from '../../core/model/device';
import { worklistRows } from '../../core/risk/export';
import type { RiskSubject } from '../../core/risk/signals';
import { buildRiskReport } from '../../core/risk/worklist';
import { importAdvisories } from '../services/advisories';
import { writeExport } from '../services/spreadsheet/write-workbook';
import type { CliIo } from './io';
import { nodeIo } from './io';

const USAGE = `usage: wardwalk match --advisories <file|folder|archive> [--advisories …] --inventory <workbook|json> [--json] [--affected-only]

  --advisories PATH   CSAF 2.0 advisory: a .json file, a folder of them, or a .zip/.tar/.tar.gz archive
                      (repeatable; a newer revision of the same advisory replaces an older one)
  --inventory PATH    the inventory: .json (array of assets: maker, model, softwareVersion, firmware,
                      assetTag, …) or a workbook (.xlsx, .xls, .csv)
  --json              print JSON instead of text
  --affected-only     leave out matches whose version is outside the affected range
  --worklist FILE     also write the risk worklist (score per asset, term by term, with the advisory's
                      recommended mitigation) to FILE (.xlsx or .csv)
  --today YYYY-MM-DD  reference date for end-of-support checks in the worklist (default: today)
`;

interface Args {
  advisories: string[];
  inventory?: string;
  json: boolean;
  affectedOnly: boolean;
  worklist?: string;
  today?: string;
}

/** What the CLI reads per asset: the matching fields plus what the risk score uses. */
export interface CliAsset extends MatchableAsset {
  os?: string;
  type?: string;
  category?: string;
  site?: string;
  floor?: string;
  department?: string;
  highRisk?: boolean;
  lifeSupport?: boolean;
  ips?: string[];
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Args = { advisories: [], json: false, affectedOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${k} needs a value`);
      return v;
    };
    try {
      if (k === '--advisories' || k === '-a') a.advisories.push(val());
      else if (k.startsWith('--advisories=')) a.advisories.push(k.slice(13));
      else if (k === '--inventory' || k === '-i') a.inventory = val();
      else if (k.startsWith('--inventory=')) a.inventory = k.slice(12);
      else if (k === '--json') a.json = true;
      else if (k === '--affected-only') a.affectedOnly = true;
      else if (k === '--worklist') a.worklist = val();
      else if (k === '--today') a.today = val();
      else return `unknown option '${k}'`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!a.advisories.length) return 'missing --advisories';
  if (!a.inventory) return 'missing --inventory';
  if (a.worklist && !/\.(xlsx|csv)$/i.test(a.worklist)) return '--worklist must end in .xlsx or .csv';
  if (a.today && !/^\d{4}-\d{2}-\d{2}$/.test(a.today)) return '--today must be YYYY-MM-DD';
  return a;
}

const CATEGORIES: readonly DeviceCategory[] = ['medical', 'it', 'iot', 'building', 'network', 'unknown'];

const FIELDS = ['assetTag', 'maker', 'makerOriginal', 'model', 'description', 'softwareVersion', 'firmware', 'installDate', 'os', 'type', 'category', 'site', 'floor', 'department'] as const;

/** Copy only known fields, as bounded strings, from an untrusted object (never spread it). */
export function assetFromJson(x: unknown, i: number): CliAsset | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 256) : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
  const id = text(o.id) ?? text(o.assetTag) ?? `row-${i + 1}`;
  const a: CliAsset = { id };
  for (const f of FIELDS) {
    const v = text(o[f]);
    if (v !== undefined && v.trim()) a[f] = v.trim();
  }
  if (o.highRisk === true) a.highRisk = true;
  if (o.lifeSupport === true) a.lifeSupport = true;
  if (Array.isArray(o.ips)) a.ips = o.ips.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 64)).slice(0, 16);
  // common alternative spellings in hand-written JSON
  a.maker ??= text(o.manufacturer)?.trim() || text(o.vendor)?.trim() || undefined;
  a.softwareVersion ??= text(o.version)?.trim() || undefined;
  if (a.maker === undefined) delete a.maker;
  if (a.softwareVersion === undefined) delete a.softwareVersion;
  return a;
}

async function loadInventory(path: string): Promise<{ assets: CliAsset[]; problems: string[] }> {
  const st = await stat(path);
  if (!st.isFile()) throw new Error(`'${path}' is not a file`);
  if (/\.json$/i.test(path)) {
    if (st.size > 256 * 1024 * 1024) throw new Error('inventory JSON over 256 MB');
    const j: unknown = JSON.parse(await readFile(path, 'utf8'));
    const list = Array.isArray(j) ? j : j && typeof j === 'object' && Array.isArray((j as { assets?: unknown }).assets) ? (j as { assets: unknown[] }).assets : undefined;
    if (!list) throw new Error('inventory JSON must be an array of assets or {"assets": [...]}');
    const assets: CliAsset[] = [];
    const problems: string[] = [];
    list.forEach((x, i) => {
      const a = assetFromJson(x, i);
      if (a) assets.push(a);
      else problems.push(`entry ${i + 1} is not an object`);
    });
    return { assets, problems };
  }
  if (/\.(xlsx|xlsm|xls|csv)$/i.test(path)) {
    // The spreadsheet importer (electron/services/spreadsheet + core/inventory), suggestions accepted.
    const { parseWorkbookFile } = await import('../services/spreadsheet/parse');
    const { analyseWorkbook, importSheets, selectionFromAnalysis } = await import('../../core/inventory/importer');
    const wb = await parseWorkbookFile(path);
    const sheets = analyseWorkbook(wb).filter((s) => !s.empty && !s.hidden);
    const res = importSheets(wb, sheets.map(selectionFromAnalysis));
    const assets = res.candidates.map((c) => {
      const d = c.data;
      const a: CliAsset = { id: d.assetTag ?? `${c.sheet}!${c.row}` };
      for (const f of FIELDS) {
        const v = f === 'category' ? undefined : d[f];
        if (typeof v === 'string' && v.trim()) a[f] = v.trim();
      }
      if (d.highRisk) a.highRisk = true;
      if (d.lifeSupport) a.lifeSupport = true;
      if (d.ips.length) a.ips = [...d.ips];
      return a;
    });
    return { assets, problems: res.problems.map((p) => `${p.sheet} row ${p.row}: ${p.reason}`) };
  }
  throw new Error(`unknown inventory format '${path}': expected .json, .xlsx, .xls or .csv`);
}

function fmtMatch(m: AdvisoryMatch): string {
  const verdict = m.verdict === 'affected' ? 'AFFECTED' : m.verdict === 'not-affected' ? 'not affected' : 'UNKNOWN';
  const cvss = m.cvss ? `CVSS ${m.cvss.score} ${m.cvss.vector}` : 'no CVSS';
  const lines = [
    `  ${m.advisoryId} (rev ${m.advisoryVersion})  ${verdict}  ${m.certainty}  confidence ${m.confidence.toFixed(2)}  ${cvss}`,
    `    ${m.cves.join(', ') || 'no CVE listed'}`,
    `    product: ${m.vendor} / ${m.product}   affected: ${m.versionText || 'all'}`,
    `    version: ${m.versionReason}${m.condition ? `  (only if: ${m.condition})` : ''}`,
    `    why: ${m.reasons.join('; ')}`,
  ];
  if (m.verdict !== 'not-affected') lines.push(`    do: ${m.recommended.action}: ${m.recommended.text}`);
  return lines.join('\n');
}

export async function run(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`wardwalk match: ${args}\n\n${USAGE}`);
    return 2;
  }
  const imp = await importAdvisories(args.advisories);
  for (const p of imp.problems) io.stderr(`advisory ${p.source}: ${p.error}\n`);
  if (!imp.advisories.length) {
    io.stderr('wardwalk match: no advisories could be read\n');
    return 1;
  }
  let inv: { assets: CliAsset[]; problems: string[] };
  try {
    inv = await loadInventory(args.inventory!);
  } catch (e) {
    io.stderr(`wardwalk match: inventory: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  for (const p of inv.problems.slice(0, 50)) io.stderr(`inventory: ${p}\n`);
  const index = buildAdvisoryIndex(imp.advisories);
  let matches = matchAssets(index, inv.assets);
  if (args.affectedOnly) matches = matches.filter((m) => m.verdict !== 'not-affected');
  const byAsset = new Map<string, AdvisoryMatch[]>();
  for (const m of matches) {
    let l = byAsset.get(m.assetId);
    if (!l) byAsset.set(m.assetId, (l = []));
    l.push(m);
  }
  const count = (v: string) => matches.filter((m) => m.verdict === v).length;
  const summary = {
    advisories: imp.advisories.length,
    documents: imp.documents,
    superseded: imp.superseded,
    assets: inv.assets.length,
    matchedAssets: byAsset.size,
    affected: count('affected'),
    unknown: count('unknown'),
    notAffected: count('not-affected'),
    possible: matches.filter((m) => m.certainty === 'possible').length,
  };
  if (args.worklist) {
    const report = buildRiskReport(
      inv.assets.map((a) => {
        const cat = CATEGORIES.find((c) => c === a.category);
        const s: RiskSubject = {
          id: a.id,
          label: [a.assetTag, a.maker, a.model].filter(Boolean).join(' · ') || a.id,
          ips: a.ips ?? [],
          evidence: [],
          matches: byAsset.get(a.id) ?? [],
        };
        if (cat) s.category = cat;
        if (a.os) s.os = a.os;
        if (a.type) s.type = a.type;
        if (a.highRisk) s.highRisk = true;
        if (a.lifeSupport) s.lifeSupport = true;
        if (a.site) s.site = a.site;
        if (a.floor) s.floor = a.floor;
        if (a.department) s.department = a.department;
        return s;
      }),
      args.today ?? new Date().toISOString().slice(0, 10),
    );
    await writeExport(args.worklist, worklistRows(report), /\.csv$/i.test(args.worklist) ? 'csv' : 'xlsx', 'Risk worklist');
    io.stderr(`worklist: ${report.worklist.length} assets at risk written to ${args.worklist}\n`);
  }
  if (args.json) {
    io.stdout(JSON.stringify({ summary, problems: imp.problems, matches }, null, 2) + '\n');
    return 0;
  }
  const assetsById = new Map(inv.assets.map((a) => [a.id, a]));
  for (const [id, list] of byAsset) {
    const a = assetsById.get(id);
    const what = [a?.maker, a?.model, a?.softwareVersion ?? a?.firmware].filter(Boolean).join(' · ');
    io.stdout(`${id}${a?.assetTag && a.assetTag !== id ? ` [${a.assetTag}]` : ''}  ${what}\n`);
    for (const m of list) io.stdout(fmtMatch(m) + '\n');
    io.stdout('\n');
  }
  for (const s of imp.superseded) io.stdout(`note: ${s.trackingId} revision ${s.kept} replaces revision ${s.dropped}\n`);
  io.stdout(
    `${summary.assets} assets, ${summary.advisories} advisories: ${summary.matchedAssets} assets matched; ${summary.affected} affected, ${summary.unknown} unknown version, ${summary.notAffected} outside the range; ${summary.possible} possible (uncertain)\n`,
  );
  return 0;
}
