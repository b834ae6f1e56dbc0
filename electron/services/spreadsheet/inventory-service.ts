// The Node side of the import wizard: holds parsed workbooks between steps (main process, never the
// database), runs each step of core/inventory on them, and writes exports. Plain module: the IPC
// handlers, the CLI and tests all use it. The database is untouched until the renderer commits.
import { randomUUID } from 'node:crypto';
import type { Asset } from '../../../core/model/asset';
import type { RawWorkbook, ColumnMapping } from '../../../core/inventory/types';
import type { MappingProfile } from '../../../core/inventory/mapping';
import type { ImportResult, SheetAnalysis, SheetSelection } from '../../../core/inventory/importer';
import { analyseSheet, analyseWorkbook, importSheets } from '../../../core/inventory/importer';
import type { ImportPreview } from '../../../core/inventory/preview';
import { previewImport } from '../../../core/inventory/preview';
import type { NetworkFacts } from '../../../core/inventory/export';
import { exportRows } from '../../../core/inventory/export';
import type { ParseOptions, ParseProgress } from './parse';
import { parseWorkbookBytes, parseWorkbookFile, ParseCancelled } from './parse';
import type { ExportFormat } from './write-workbook';
import { writeExport } from './write-workbook';

export type ServiceProgress = { jobId: string; stage: ParseProgress['stage'] | 'analysing'; fraction: number };

export interface InventoryServiceDeps {
  /** Ask the person for a workbook to open (main: dialog.showOpenDialog). */
  pickFile?: () => Promise<string | undefined>;
  /** Ask where to save an export (main: dialog.showSaveDialog). */
  pickSavePath?: (suggestedName: string, format: ExportFormat) => Promise<string | undefined>;
  onProgress?: (p: ServiceProgress) => void;
  parse?: Omit<ParseOptions, 'signal' | 'onProgress'>;
  /** Parsed workbooks kept at once (older ones are forgotten). */
  keep?: number;
  /** Replace the worker parse (tests that exercise later steps in-process). */
  parseBytes?: (bytes: Uint8Array, fileName: string, opts: ParseOptions) => Promise<RawWorkbook>;
}

export type ParsedWorkbookSummary =
  | { cancelled: true }
  | { cancelled: false; workbookId: string; fileName: string; format: RawWorkbook['format']; sheets: SheetAnalysis[] };

export type FileSource = { kind: 'dialog' } | { kind: 'path'; path: string } | { kind: 'bytes'; fileName: string; bytes: Uint8Array };

export class InventoryService {
  private readonly workbooks = new Map<string, RawWorkbook>();
  private readonly jobs = new Map<string, AbortController>();

  constructor(private readonly deps: InventoryServiceDeps = {}) {}

  async parseFile(
    source: FileSource,
    opts: { jobId?: string; profiles?: readonly MappingProfile[]; onProgress?: (p: ServiceProgress) => void } = {},
  ): Promise<ParsedWorkbookSummary> {
    const jobId = opts.jobId ?? randomUUID();
    const ac = new AbortController();
    this.jobs.set(jobId, ac);
    const emit = (p: ServiceProgress): void => (opts.onProgress ?? this.deps.onProgress)?.(p);
    const progress = (p: ParseProgress): void => emit({ jobId, stage: p.stage, fraction: p.fraction });
    try {
      const parseOpts: ParseOptions = { ...this.deps.parse, signal: ac.signal, onProgress: progress };
      let wb: RawWorkbook;
      const parseBytes = this.deps.parseBytes ?? parseWorkbookBytes;
      if (source.kind === 'dialog') {
        const path = await this.deps.pickFile?.();
        if (!path) return { cancelled: true };
        wb = await parseWorkbookFile(path, { ...parseOpts, parseBytes });
      } else if (source.kind === 'path') wb = await parseWorkbookFile(source.path, { ...parseOpts, parseBytes });
      else wb = await parseBytes(source.bytes, source.fileName, parseOpts);
      emit({ jobId, stage: 'analysing', fraction: 1 });
      const sheets = analyseWorkbook(wb, opts.profiles ?? []);
      const workbookId = randomUUID();
      this.workbooks.set(workbookId, wb);
      const keep = this.deps.keep ?? 3;
      while (this.workbooks.size > keep) this.workbooks.delete(this.workbooks.keys().next().value!);
      emit({ jobId, stage: 'done', fraction: 1 });
      return { cancelled: false, workbookId, fileName: wb.fileName, format: wb.format, sheets };
    } catch (err) {
      if (err instanceof ParseCancelled) return { cancelled: true };
      throw err;
    } finally {
      this.jobs.delete(jobId);
    }
  }

  cancel(jobId: string): { cancelled: boolean } {
    const ac = this.jobs.get(jobId);
    if (!ac) return { cancelled: false };
    ac.abort();
    return { cancelled: true };
  }

  close(workbookId: string): { closed: boolean } {
    return { closed: this.workbooks.delete(workbookId) };
  }

  workbook(workbookId: string): RawWorkbook {
    const wb = this.workbooks.get(workbookId);
    if (!wb) throw new Error('that workbook is no longer open: please open the file again');
    return wb;
  }

  analyseSheet(workbookId: string, sheet: string, opts: { headerRow?: number; headerRows?: number; profiles?: readonly MappingProfile[] } = {}): SheetAnalysis {
    const a = analyseSheet(this.workbook(workbookId), sheet, opts.profiles ?? [], opts.headerRow, opts.headerRows);
    if (!a) throw new Error(`the workbook has no sheet named '${sheet}'`);
    return a;
  }

  buildCandidates(workbookId: string, selections: readonly SheetSelection[]): ImportResult {
    return importSheets(this.workbook(workbookId), selections);
  }

  preview(workbookId: string, selections: readonly SheetSelection[], existing: readonly Asset[]): ImportPreview {
    const r = this.buildCandidates(workbookId, selections);
    return previewImport(existing, r.candidates, r.problems);
  }

  async export(args: {
    assets: readonly Asset[];
    layout?: readonly ColumnMapping[];
    network?: Record<string, NetworkFacts>;
    format: ExportFormat;
    suggestedName?: string;
    path?: string;
  }): Promise<{ saved: boolean; path?: string; rows: number }> {
    const net = args.network;
    const rows = exportRows(args.assets, {
      layout: args.layout,
      network: net ? (a) => (Object.prototype.hasOwnProperty.call(net, a.id) ? net[a.id] : undefined) : undefined,
    });
    const path = args.path ?? (await this.deps.pickSavePath?.(args.suggestedName ?? `inventory.${args.format}`, args.format));
    if (!path) return { saved: false, rows: rows.length - 1 };
    await writeExport(path, rows, args.format);
    return { saved: true, path, rows: rows.length - 1 };
  }
}
