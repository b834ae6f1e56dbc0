// The risk worklist and the per-department summary as rows for .xlsx / .csv export
// (electron/services/spreadsheet/write-workbook.ts writes them). Every term of every score is in
// the export, so the arithmetic can be checked in the spreadsheet. Labels and hostnames come off the
// wire or out of old spreadsheets: every cell is escaped against formula injection (CWE-1236).
import { escapeCell } from '../inventory/values';
import type { RiskReport } from './worklist';

export const WORKLIST_HEADER = ['Rank', 'Score', 'Band', 'Device', 'Site', 'Floor', 'Department', 'Action', 'Mitigation', 'Advisory', 'Score terms', 'Signals'] as const;

const num = (n: number) => String(Math.round(n * 10) / 10);

export function worklistRows(report: RiskReport): string[][] {
  const rows: string[][] = [[...WORKLIST_HEADER]];
  for (const w of report.worklist) {
    rows.push(
      [
        String(w.rank),
        num(w.score),
        w.band,
        w.label,
        w.site ?? '',
        w.floor ?? '',
        w.department ?? '',
        w.action,
        w.mitigation,
        w.advisoryId ?? '',
        w.risk.terms.map((t) => `${t.name} ${t.value >= 0 ? '+' : ''}${num(t.value)} (${t.explanation})`).join('; '),
        w.risk.signals.map((s) => s.title).join('; '),
      ].map(escapeCell),
    );
  }
  return rows;
}

export function departmentRows(report: RiskReport): string[][] {
  const rows: string[][] = [['Location', 'Devices', 'At risk', 'Score sum', 'Worst score']];
  for (const d of report.byDepartment) rows.push([d.key, String(d.devices), String(d.atRisk), num(d.scoreSum), num(d.worst)].map(escapeCell));
  return rows;
}
