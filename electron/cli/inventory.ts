// `wardwalk inventory <workbook> [--json] [--mapping PROFILE] [--sheet NAME]… [--save-mapping FILE]`
// Reads a workbook headless with the same importer as the app (worker parse, size and zip-bomb
// checks, header detection, mapping suggestion or a saved profile, normalisation) and prints the
// assets with their extra fields and the problem rows, so an import can be scripted and checked.
import { readFile, writeFile } from 'node:fs/promises';
import { parseWorkbookFile, ParseCancelled } from '../services/spreadsheet/parse';
import { WorkbookRefused } from '../services/spreadsheet/read-workbook';
import { analyseSheet } from '../../core/inventory/importer';
import type { SheetAnalysis, SheetSelection } from '../../core/inventory/importer';
import { importSheets, selectionFromAnalysis } from '../../core/inventory/importer';
import type { MappingProfile } from '../../core/inventory/mapping';
import { applyProfile, makeProfile } from '../../core/inventory/mapping';
import { ASSET_FIELDS } from '../../core/inventory/types';
import type { CliIo } from './io';
import { nodeIo } from './io';
import type { AssetField } from '../../core/inventory/types';


const USAGE = `usage: wardwalk inventory <workbook.xlsx|.xlsm|.xls|.csv> [options]

  --json               print the result as JSON (assets with extra fields, problem rows, mappings)
  --mapping FILE       a mapping profile (JSON, as saved by the app or by --save-mapping) to use
                       instead of the suggested mapping
  --sheet NAME         import only this sheet (repeatable; default: every visible sheet that looks like an inventory)
  --save-mapping FILE  write the mapping used for the first sheet as a profile you can edit and reuse
  --max-mb N           refuse files larger than N MB (default 64)
  -h, --help           this text
`;

interface Args {
  file?: string;
  json: boolean;
  mapping?: string;
  sheets: string[];
  saveMapping?: string;
  maxMb?: number;
  help: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, sheets: [], help: false };
  const rest = argv[0] === 'inventory' ? argv.slice(1) : argv;
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i]!;
    const val = (): string | undefined => rest[++i];
    if (x === '--json') a.json = true;
    else if (x === '-h' || x === '--help') a.help = true;
    else if (x === '--mapping') a.mapping = val();
    else if (x === '--sheet') {
      const v = val();
      if (v !== undefined) a.sheets.push(v);
    } else if (x === '--save-mapping') a.saveMapping = val();
    else if (x === '--max-mb') a.maxMb = Number(val());
    else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (a.file === undefined) a.file = x;
    else return `unexpected argument ${x}`;
  }
  if (a.help) return a;
  if (!a.file) return 'no workbook given';
  for (const k of ['mapping', 'saveMapping'] as const) if (k in a && a[k] === undefined) return `--${k === 'mapping' ? 'mapping' : 'save-mapping'} needs a file`;
  if (a.maxMb !== undefined && !(a.maxMb > 0)) return '--max-mb needs a positive number';
  return a;
}

/** Read a profile file: one profile or a list; validated field by field (never spread). */
export function readProfiles(text: string): MappingProfile[] {
  const data: unknown = JSON.parse(text);
  const list: unknown[] = Array.isArray(data) ? data : [data];
  const fields = new Set<string>(ASSET_FIELDS);
  return list.map((p, i) => {
    if (typeof p !== 'object' || p === null) throw new Error(`profile ${i + 1} is not an object`);
    const o = p as Record<string, unknown>;
    if (!Array.isArray(o.columns)) throw new Error(`profile ${i + 1} has no columns`);
    const columns = o.columns.map((c, j) => {
      const col = c as Record<string, unknown>;
      if (typeof col?.headerKey !== 'string') throw new Error(`profile ${i + 1} column ${j + 1} has no headerKey`);
      const field = col.field === null || col.field === undefined ? null : String(col.field);
      if (field !== null && !fields.has(field)) throw new Error(`profile ${i + 1} column ${j + 1}: unknown field '${field}' (known: ${ASSET_FIELDS.join(', ')})`);
      const out: MappingProfile['columns'][number] = { headerKey: col.headerKey, field: field as AssetField | null };
      if (col.dateOrder === 'dmy' || col.dateOrder === 'mdy' || col.dateOrder === 'ymd') out.dateOrder = col.dateOrder;
      if (col.ignore === true) out.ignore = true;
      return out;
    });
    return {
      id: typeof o.id === 'string' ? o.id : `cli-${i}`,
      name: typeof o.name === 'string' ? o.name : `profile ${i + 1}`,
      signature: typeof o.signature === 'string' ? o.signature : '',
      createdAt: typeof o.createdAt === 'number' ? o.createdAt : 0,
      columns,
    };
  });
}

export async function run(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`wardwalk inventory: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  let profiles: MappingProfile[] = [];
  if (args.mapping) {
    try {
      profiles = readProfiles(await readFile(args.mapping, 'utf8'));
    } catch (err) {
      io.stderr(`wardwalk inventory: cannot use the mapping '${args.mapping}': ${(err as Error).message}\n`);
      return 1;
    }
  }
  try {
    const wb = await parseWorkbookFile(args.file!, args.maxMb ? { limits: { maxFileBytes: args.maxMb * 1024 * 1024 } } : {});
    const names = args.sheets.length ? args.sheets : wb.sheets.map((s) => s.name);
    const missing = names.filter((n) => !wb.sheets.some((s) => s.name === n));
    if (missing.length) {
      io.stderr(`wardwalk inventory: no sheet named ${missing.map((m) => `'${m}'`).join(', ')} (sheets: ${wb.sheets.map((s) => `'${s.name}'`).join(', ')})\n`);
      return 1;
    }
    const analyses: SheetAnalysis[] = names.map((n) => analyseSheet(wb, n, profiles)!);
    // Hidden sheets are usually lookup lists; name them with --sheet to import them.
    const chosen = args.sheets.length ? analyses : analyses.filter((a) => a.importable && !a.hidden);
    const selections: SheetSelection[] = chosen.map((a) => {
      const sel = selectionFromAnalysis(a);
      // A profile given on the command line applies even when the sheet's shape changed a little.
      if (profiles.length && !a.mapping.profileId) sel.columns = applyProfile(profiles[0]!, a.header.headers);
      return sel;
    });
    const result = importSheets(wb, selections);
    if (args.saveMapping && selections[0]) {
      const p = makeProfile(`cli-${Date.now()}`, `${wb.fileName} / ${selections[0].sheet}`, chosen[0]!.header.headers, selections[0].columns, Date.now());
      await writeFile(args.saveMapping, JSON.stringify(p, null, 2) + '\n');
    }
    const sheets = analyses.map((a) => {
      const sel = selections.find((s) => s.sheet === a.name);
      return {
        name: a.name,
        imported: sel !== undefined,
        headerRow: a.header.headerRow + 1,
        headerRows: a.header.headerRows,
        headerReasons: a.header.reasons,
        profile: a.mapping.profileName ?? (profiles.length && sel ? profiles[0]!.name : undefined),
        columns: (sel?.columns ?? a.mapping.columns).map((c) => {
          const s = a.mapping.columns[c.index];
          return { column: c.index + 1, header: c.header, field: c.field, ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}), ...(c.ignore ? { ignore: true } : {}), ...(s && !(profiles.length && sel) ? { confidence: s.confidence, reasons: s.reasons } : {}) };
        }),
      };
    });
    const assets = result.candidates.map((c) => ({ sheet: c.sheet, row: c.row, ...c.data, ...(c.warnings.length ? { warnings: c.warnings } : {}) }));
    if (args.json) {
      io.stdout(
        JSON.stringify(
          { file: wb.fileName, format: wb.format, sheets, assets, problems: result.problems, summary: { assets: assets.length, problems: result.problems.length, emptyRows: result.emptyRows } },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(`${wb.fileName} (${wb.format}): ${assets.length} assets, ${result.problems.length} problem rows\n`);
      for (const s of sheets) {
        io.stdout(`\nsheet '${s.name}'${s.imported ? '' : ' (not imported)'}: header at row ${s.headerRow}${s.profile ? `, profile '${s.profile}'` : ''}\n`);
        if (s.imported) for (const c of s.columns) io.stdout(`  ${String(c.column).padStart(3)}  ${c.header.padEnd(32).slice(0, 32)} → ${c.ignore ? '(ignored)' : (c.field ?? 'extra field')}\n`);
      }
      if (result.problems.length) {
        io.stdout('\nproblem rows:\n');
        for (const p of result.problems) io.stdout(`  ${p.sheet} row ${p.row}: ${p.reason}\n`);
      }
      io.stdout('\n(use --json for every asset with its extra fields)\n');
    }
    return 0;
  } catch (err) {
    if (err instanceof WorkbookRefused) {
      io.stderr(`wardwalk inventory: refused: ${err.message}${err.hint ? `\n  what to do: ${err.hint}` : ''}\n`);
      return 1;
    }
    if (err instanceof ParseCancelled) return 1;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      io.stderr(`wardwalk inventory: no such file '${args.file}'\n`);
      return 1;
    }
    io.stderr(`wardwalk inventory: ${e.message ?? String(err)}\n`);
    return 1;
  }
}
