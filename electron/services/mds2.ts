// Importing an MDS2 form (ANSI/NEMA HN 1-2019 Excel workbook). The workbook is read by the
// spreadsheet service (size checks, zip-bomb guard, worker thread with a timeout); the form's rows
// are interpreted by core/risk/mds2.ts. The sheet that yields the most answered questions wins
// (the NEMA workbook also carries instruction and revision sheets).
import type { RawWorkbook } from '../../core/inventory/types';
import { cellText } from '../../core/inventory/values';
import type { Mds2Facts } from '../../core/risk/mds2';
import { parseMds2Rows } from '../../core/risk/mds2';
import { parseWorkbookFile } from './spreadsheet/parse';

/** Interpret a parsed workbook as an MDS2 form. */
export function mds2FromWorkbook(wb: RawWorkbook, source: string): Mds2Facts {
  let best: Mds2Facts | undefined;
  for (const sheet of wb.sheets) {
    const rows = sheet.rows.slice(0, 3000).map((r) => r.slice(0, 30).map((c) => cellText(c, wb.date1904)));
    const f = parseMds2Rows(rows, `${source} (${sheet.name})`);
    if (!best || f.answered > best.answered) best = f;
  }
  return best ?? { evidence: {}, answered: 0, source, problems: ['the workbook has no sheets'] };
}

/** Read an MDS2 workbook from disk. Throws WorkbookRefused for hostile or oversized files. */
export async function importMds2(path: string): Promise<Mds2Facts> {
  const wb = await parseWorkbookFile(path, { timeoutMs: 60_000 });
  const name = path.split(/[\\/]/).pop() ?? path;
  return mds2FromWorkbook(wb, name);
}
