// The risk report as an .xlsx workbook: the worklist (core/risk/export.ts rows, every score term in
// one cell), one row per score term (so the arithmetic can be checked with a SUM), every advisory
// match with its verdict and reasons, and the per-site / floor / department summary. Labels come off
// the wire or out of old spreadsheets: every text cell is escaped against formula injection (CWE-1236).
import * as XLSX from 'xlsx';
import { departmentRows, worklistRows } from '../../../../core/risk/export';
import { escapeCell } from '../../../../core/inventory/values';
import type { GroupLevel, RiskResult } from './compute';
import { download, XLSX_TYPE } from '../../lib/download';
import { dashboardRows, verdictLabel } from './compute';

const esc = (v: string | number | undefined): string | number => (typeof v === 'number' ? v : escapeCell(v ?? ''));

/** Rank and score back to numbers (the core rows are text for .csv too). */
function numeric(rows: string[][], cols: number[]): (string | number)[][] {
  return rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (cols.includes(j) && c !== '' && Number.isFinite(Number(c)) ? Number(c) : c))));
}

function sheet(rows: (string | number)[][], widths: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = widths.map((wch) => ({ wch }));
  const cols = Math.max(1, rows[0]?.length ?? 1);
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: cols - 1 } }) };
  return ws;
}

export function riskWorkbook(result: RiskResult, level: GroupLevel): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet(numeric(worklistRows(result.report), [0, 1]), [6, 7, 9, 34, 14, 12, 16, 14, 50, 16, 80, 50]), 'Worklist');

  const terms: (string | number)[][] = [['Rank', 'Device', 'Term', 'Value', 'Explanation', 'Score']];
  for (const w of result.report.worklist) {
    for (const t of w.risk.terms) terms.push([w.rank, esc(w.label), esc(t.name), t.value, esc(t.explanation), w.score]);
  }
  XLSX.utils.book_append_sheet(wb, sheet(terms, [6, 34, 24, 8, 70, 8]), 'Score terms');

  const labels = new Map(result.subjects.map((s) => [s.id, s]));
  const matches: (string | number)[][] = [
    ['Device', 'Maker', 'Model', 'Version', 'Advisory', 'Revision', 'Title', 'Vendor (advisory)', 'Product (advisory)', 'Version range', 'Verdict', 'Certainty', 'Confidence', 'CVSS', 'CVSS vector', 'CVEs', 'Recommended', 'Mitigation', 'Reasons', 'Advisory URL'],
  ];
  for (const m of result.matches) {
    const s = labels.get(m.assetId);
    matches.push([
      esc(s?.label ?? m.assetId),
      esc(s?.maker),
      esc(s?.model),
      esc(s?.version),
      esc(m.advisoryId),
      esc(m.advisoryVersion),
      esc(m.advisoryTitle),
      esc(m.vendor),
      esc(m.product),
      esc(m.versionRange),
      esc(verdictLabel(m)),
      esc(m.certainty),
      m.confidence,
      m.cvss ? m.cvss.score : '',
      esc(m.cvss?.vector),
      esc(m.cves.join(', ')),
      esc(m.recommended.action),
      esc(m.recommended.text),
      esc(m.reasons.join('; ')),
      esc(m.advisoryUrl),
    ]);
  }
  XLSX.utils.book_append_sheet(wb, sheet(matches, [30, 16, 24, 12, 16, 8, 40, 20, 30, 24, 16, 10, 10, 6, 40, 30, 14, 60, 80, 40]), 'Matches');

  const dash: (string | number)[][] = [
    [level === 'site' ? 'Site' : level === 'floor' ? 'Site / floor' : 'Department', 'Devices', 'Critical', 'High', 'Medium', 'Low', 'Vulnerable (confirmed)', 'Possible matches only', 'End-of-support OS', 'Cleartext / default SNMP', 'Internet talkers', 'On mixed segments', 'Worst score'],
  ];
  for (const r of dashboardRows(result, level)) dash.push([esc(r.key), r.devices, r.critical, r.high, r.medium, r.low, r.vulnerable, r.possible, r.endOfSupport, r.cleartext, r.internet, r.mixedSegment, r.worstScore]);
  XLSX.utils.book_append_sheet(wb, sheet(dash, [30, 8, 8, 8, 8, 8, 12, 12, 12, 12, 12, 12, 10]), 'Summary');
  XLSX.utils.book_append_sheet(wb, sheet(numeric(departmentRows(result.report), [1, 2, 3, 4]), [40, 8, 8, 10, 10]), 'Locations');

  const seg: (string | number)[][] = [['Segment', 'Kind', 'Medical', 'IT', 'IoT', 'Guest', 'Building', 'Network', 'Unknown', 'Mixed', 'Note']];
  for (const s of result.report.segmentation.segments) {
    const c = s.counts;
    seg.push([esc(s.key), s.kind, c.medical ?? 0, c.it ?? 0, c.iot ?? 0, c.guest ?? 0, c.building ?? 0, c.network ?? 0, c.unknown ?? 0, s.mixed ? 'MIXED' : '', esc(s.note)]);
  }
  XLSX.utils.book_append_sheet(wb, sheet(seg, [22, 8, 8, 6, 6, 6, 8, 8, 8, 8, 50]), 'Segments');
  wb.Props = { Title: `Wardwalk risk report ${result.today}`, Author: 'Wardwalk' };
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}

export function downloadRiskWorkbook(result: RiskResult, level: GroupLevel): string {
  const data = riskWorkbook(result, level);
  const name = `Wardwalk risk report ${result.today}.xlsx`;
  download(data as BlobPart, name, XLSX_TYPE);
  return name;
}
