// The import wizard: choose a workbook → pick sheets, header row and column mapping → preview
// (new / changed field by field / unchanged / problem rows) → commit. The workbook is parsed in a
// worker on the main side; nothing is written to the database before the person commits.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, DragEvent } from 'react';
import { api, onEvent } from '../../bridge';
import { db } from '../../db/schema';
import { useStore, notify } from '../../store';
import { commitImport, loadProfiles, saveProfile } from '../../actions/inventory-import';
import type { CommitImportArgs } from '../../actions/inventory-import';
import { undoLast } from '../../actions/registry';
import { makeProfile } from '../../../../core/inventory/mapping';
import type { AssetField, ColumnMapping, DateOrder } from '../../../../core/inventory/types';
import { DATE_FIELDS } from '../../../../core/inventory/types';
import type { ImportPreview } from '../../../../core/inventory/preview';
import { newId } from '../../../../core/model/ids';
import { FIELD_GROUPS, FIELD_LABEL, changeLabel, columnLetter } from './fields';
import type { SheetAnalysis, WirePreview } from './fields';

/** The main side refuses larger files; refusing here too avoids reading them into memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const SHOWN_ROWS = 300;

type Stage = 'reading' | 'checking' | 'parsing' | 'converting' | 'analysing' | 'done';
const STAGE_LABEL: Record<Stage, string> = { reading: 'Reading the file', checking: 'Checking it is safe to open', parsing: 'Parsing the workbook', converting: 'Reading the cells', analysing: 'Finding headers and columns', done: 'Done' };

interface Workbook {
  workbookId: string;
  fileName: string;
  format: string;
  sheets: SheetAnalysis[];
}

interface SheetState {
  analysis: SheetAnalysis;
  columns: ColumnMapping[];
}

type Phase = 'choose' | 'parsing' | 'map' | 'previewing' | 'preview' | 'committing' | 'done';

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

function mappingFrom(a: SheetAnalysis): ColumnMapping[] {
  return a.mapping.columns.map((c) => {
    const m: ColumnMapping = { index: c.index, header: c.header, field: c.field };
    if (c.dateOrder) m.dateOrder = c.dateOrder;
    if (c.ignore) m.ignore = true;
    return m;
  });
}

/**
 * The service's own words, without the channel prefix the IPC layer adds, and a next step when the
 * service gave none (its refusals say what was wrong: size, zip bomb, not a spreadsheet).
 */
function errorText(e: { message: string; hint?: string }, what?: string): { message: string; hint?: string } {
  let m = e.message.replace(/^inventory:[a-z-]+ failed: /, '').trim();
  m = m.charAt(0).toUpperCase() + m.slice(1);
  if (!/[.!?]$/.test(m)) m += '.';
  if (what) m = `${what} was refused: ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
  const hint = e.hint ? e.hint.charAt(0).toUpperCase() + e.hint.slice(1) : what ? 'Open it in Excel and save a clean copy as .xlsx, or ask who sent it.' : undefined;
  return hint ? { message: m, hint } : { message: m };
}

export function ImportWizard({ onGoto }: { onGoto: (tab: 'reconcile' | 'export') => void }) {
  const by = useStore((s) => s.surveyor);
  const top = useStore((s) => s.undoStack[s.undoStack.length - 1]);
  const [phase, setPhase] = useState<Phase>('choose');
  const [job, setJob] = useState<{ jobId: string; stage: Stage; fraction: number } | null>(null);
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null);
  const [wb, setWb] = useState<Workbook | null>(null);
  const [sheets, setSheets] = useState<Record<string, SheetState>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [preview, setPreview] = useState<WirePreview | null>(null);
  const [remember, setRemember] = useState(true);
  const [outcome, setOutcome] = useState<CommitImportArgs['outcome'] | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const id = wb?.workbookId;
    return () => {
      if (id) void api()['inventory:close']({ workbookId: id });
    };
  }, [wb?.workbookId]);

  const reset = () => {
    setPhase('choose');
    setWb(null);
    setSheets({});
    setChosen([]);
    setActive(null);
    setPreview(null);
    setOutcome(null);
  };

  const open = async (source: { kind: 'dialog' } | { kind: 'bytes'; fileName: string; bytes: Uint8Array<ArrayBuffer> }) => {
    setError(null);
    setPreview(null);
    setOutcome(null);
    const jobId = newId('parse');
    setJob({ jobId, stage: 'reading', fraction: 0 });
    setPhase('parsing');
    const off = onEvent('inventory:parse-progressed', (p) => {
      if (p.jobId === jobId) setJob({ jobId, stage: p.stage, fraction: p.fraction });
    });
    try {
      const profiles = await loadProfiles();
      const r = await api()['inventory:parse-file']({ source, jobId, profiles });
      if (!r.ok) {
        setError(errorText(r.error, source.kind === 'bytes' ? source.fileName : 'The workbook'));
        setPhase('choose');
        setWb(null);
        return;
      }
      if (r.value.cancelled) {
        setPhase(wb ? 'map' : 'choose');
        return;
      }
      const next: Workbook = { workbookId: r.value.workbookId, fileName: r.value.fileName, format: r.value.format, sheets: r.value.sheets };
      const state: Record<string, SheetState> = {};
      for (const s of next.sheets) state[s.name] = { analysis: s, columns: mappingFrom(s) };
      const pick = next.sheets.filter((s) => s.importable && !s.hidden).map((s) => s.name);
      setWb(next);
      setSheets(state);
      setChosen(pick);
      setActive(pick[0] ?? next.sheets[0]?.name ?? null);
      if (!next.sheets.some((s) => s.importable)) setError({ message: `No sheet in ${next.fileName} looks like an inventory: no column was recognised as an asset tag, serial, model or description.`, hint: 'Pick a sheet, move the header row to the row with the column names, and map the columns by hand.' });
      setPhase('map');
    } finally {
      off();
      setJob(null);
    }
  };

  const openFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      setError({ message: `${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit: it was not read and nothing was imported.`, hint: 'Split the workbook, or save only the inventory sheets into a new file.' });
      return;
    }
    await open({ kind: 'bytes', fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  };

  const cancel = () => {
    if (job) void api()['inventory:cancel']({ jobId: job.jobId });
  };

  const reanalyse = async (sheet: string, headerRow: number, headerRows: number) => {
    if (!wb) return;
    setPreview(null);
    const profiles = await loadProfiles();
    const r = await api()['inventory:analyse-sheet']({ workbookId: wb.workbookId, sheet, headerRow, headerRows, profiles });
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setSheets((s) => ({ ...s, [sheet]: { analysis: r.value, columns: mappingFrom(r.value) } }));
  };

  const setColumn = (sheet: string, index: number, patch: Partial<ColumnMapping>) => {
    setPreview(null);
    setSheets((s) => {
      const st = s[sheet]!;
      const columns = st.columns.map((c) => {
        if (c.index !== index) return c;
        const next: ColumnMapping = { ...c, ...patch };
        if (!next.ignore) delete next.ignore;
        if (!next.field || !DATE_FIELDS.has(next.field)) delete next.dateOrder;
        return next;
      });
      return { ...s, [sheet]: { ...st, columns } };
    });
  };

  const selections = () =>
    chosen.flatMap((name) => {
      const st = sheets[name];
      if (!st) return [];
      return [{ sheet: name, headerRow: st.analysis.header.headerRow, headerRows: st.analysis.header.headerRows, columns: st.columns }];
    });

  const runPreview = async () => {
    if (!wb || !chosen.length) return;
    setError(null);
    setPhase('previewing');
    const existing = await db().assets.toArray();
    const r = await api()['inventory:preview']({ workbookId: wb.workbookId, selections: selections(), existing: existing.filter((a) => !a.deleted) });
    if (!r.ok) {
      setError(errorText(r.error));
      setPhase('map');
      return;
    }
    setPreview(r.value);
    setPhase('preview');
  };

  const commit = async () => {
    if (!wb || !preview) return;
    setPhase('committing');
    const sel = selections();
    if (remember) {
      for (const s of sel) {
        const st = sheets[s.sheet]!;
        const headers = st.analysis.header.headers;
        await saveProfile(makeProfile(st.analysis.mapping.signature.slice(0, 200), `${wb.fileName} · ${s.sheet}`.slice(0, 200), headers, s.columns, Date.now()));
      }
    }
    const first = sel[0];
    const args: CommitImportArgs = {
      preview: preview as unknown as ImportPreview,
      fileName: wb.fileName,
      sheets: sel.map((s) => s.sheet),
      by,
      ...(first ? { layout: { sheet: first.sheet, columns: first.columns } } : {}),
    };
    const ok = await commitImport(args);
    if (!ok || !args.outcome) {
      setPhase('preview');
      return;
    }
    setOutcome(args.outcome);
    setPhase('done');
    notify('success', `Imported ${wb.fileName}: ${args.outcome.created} new, ${args.outcome.updated} changed, ${args.outcome.unchanged} unchanged.`);
  };

  const undo = async () => {
    const label = await undoLast();
    if (label) notify('info', `Undone: ${label}`);
    reset();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0]);
  };

  const activeState = active ? sheets[active] : undefined;
  const canUndo = top?.name === 'inventory:commit-import' && top.label === `Import ${wb?.fileName ?? ''}`;

  return (
    <div className="import-wizard">
      <ol className="steps" aria-label="Import steps">
        {(['Choose a file', 'Sheets & columns', 'Preview', 'Committed'] as const).map((s, i) => {
          const cur = phase === 'choose' || phase === 'parsing' ? 0 : phase === 'map' || phase === 'previewing' ? 1 : phase === 'preview' || phase === 'committing' ? 2 : 3;
          return (
            <li key={s} className={i === cur ? 'current' : i < cur ? 'done' : ''} aria-current={i === cur ? 'step' : undefined}>
              <span className="step-no">{i + 1}</span> {s}
            </li>
          );
        })}
      </ol>

      {error ? (
        <div className="banner error" role="alert" data-testid="import-error">
          <strong>{error.message}</strong>
          {error.hint ? <div>{error.hint}</div> : null}
          <div className="muted">Nothing was written to your inventory.</div>
        </div>
      ) : null}

      {phase === 'choose' || phase === 'parsing' ? (
        <section
          className={dragging ? 'card drop-zone dragging' : 'card drop-zone'}
          aria-label="Choose a workbook"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <h2>Import an inventory workbook</h2>
          <p className="muted">Excel (.xlsx, .xlsm, .xls) or .csv, as it is: title rows, merged headers, several sheets, Spanish, French or German column names. Every column you do not map is kept as an extra field; nothing is written until you commit.</p>
          <div className="button-row">
            {window.wardwalk ? (
              <button type="button" className="primary" disabled={phase === 'parsing'} onClick={() => void open({ kind: 'dialog' })}>
                Open workbook…
              </button>
            ) : null}
            <label className={window.wardwalk ? 'file-button' : 'file-button primary'}>
              {window.wardwalk ? 'Choose a file…' : 'Open workbook…'}
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,.xlsm,.xls,.csv"
                aria-label="Workbook file"
                disabled={phase === 'parsing'}
                onChange={(e: ChangeEvent<HTMLInputElement>) => {
                  void openFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
            <span className="muted drop-hint">or drop a file here</span>
          </div>
          {job ? (
            <div className="parse-progress" role="status" aria-live="polite">
              <div className="progress-label">
                {STAGE_LABEL[job.stage]}… {Math.round(job.fraction * 100)}%
              </div>
              <progress max={1} value={job.fraction} aria-label="Reading the workbook" />
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {wb && (phase === 'map' || phase === 'previewing') ? (
        <>
          <section className="card" aria-label="Sheets">
            <div className="card-head">
              <h2>
                {wb.fileName} <span className="muted">· {wb.format.toUpperCase()} · {wb.sheets.length} sheet{wb.sheets.length === 1 ? '' : 's'}</span>
              </h2>
              <button type="button" className="small" onClick={reset}>
                Choose another file
              </button>
            </div>
            <p className="muted">Tick every sheet to import (several at once); click a sheet to check its header row and columns.</p>
            <ul className="sheet-list">
              {wb.sheets.map((s) => {
                const st = sheets[s.name]!;
                return (
                  <li key={s.name} className={s.name === active ? 'sheet active' : 'sheet'}>
                    <input
                      type="checkbox"
                      aria-label={`Import sheet ${s.name}`}
                      checked={chosen.includes(s.name)}
                      onChange={(e) => {
                        setPreview(null);
                        setChosen((c) => (e.target.checked ? [...c, s.name] : c.filter((x) => x !== s.name)));
                      }}
                    />
                    <button type="button" className="sheet-name" onClick={() => setActive(s.name)}>
                      <strong>{s.name}</strong>
                      <span className="muted">
                        {s.empty ? 'empty' : plural(Math.max(0, s.rowCount - st.analysis.header.dataStart), 'row')} · header on row {st.analysis.header.headerRow + 1}
                        {s.hidden ? ' · hidden' : ''}
                        {!s.importable && !s.empty ? ' · not recognised as an inventory' : ''}
                        {st.analysis.mapping.profileName ? ' · saved mapping' : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>

          {activeState ? <SheetMapper key={active!} state={activeState} onHeader={(row, rows) => void reanalyse(activeState.analysis.name, row, rows)} onColumn={(i, p) => setColumn(activeState.analysis.name, i, p)} /> : null}

          <div className="sticky-actions">
            <span className="muted">
              {chosen.length ? `${chosen.length} sheet${chosen.length === 1 ? '' : 's'} selected: ${chosen.join(', ')}` : 'Tick at least one sheet to import.'}
            </span>
            <button type="button" className="primary" disabled={!chosen.length || phase === 'previewing'} onClick={() => void runPreview()}>
              {phase === 'previewing' ? 'Comparing with your inventory…' : 'Preview import'}
            </button>
          </div>
        </>
      ) : null}

      {wb && preview && (phase === 'preview' || phase === 'committing') ? (
        <PreviewPanel
          preview={preview}
          fileName={wb.fileName}
          remember={remember}
          setRemember={setRemember}
          busy={phase === 'committing'}
          onBack={() => setPhase('map')}
          onReset={reset}
          onCommit={() => void commit()}
        />
      ) : null}

      {phase === 'done' && outcome && wb ? (
        <section className="card" aria-label="Import committed" data-testid="import-done">
          <h2>Imported {wb.fileName}</h2>
          <p>
            <strong>{outcome.created}</strong> new assets, <strong>{outcome.updated}</strong> updated (each keeps its previous version), <strong>{outcome.unchanged}</strong> unchanged
            {outcome.problems ? (
              <>
                , <strong>{outcome.problems}</strong> problem rows not imported
              </>
            ) : null}
            .
          </p>
          {preview && preview.problems.length ? (
            <details className="problems-after">
              <summary>The {preview.problems.length} problem rows that were not imported</summary>
              <ProblemTable problems={preview.problems} />
            </details>
          ) : null}
          <div className="button-row">
            <button type="button" disabled={!canUndo} title={canUndo ? undefined : 'Something else was done since: use Ctrl+Z to undo step by step'} onClick={() => void undo()}>
              Undo this import
            </button>
            <button type="button" className="primary" onClick={() => onGoto('reconcile')}>
              Reconcile with the network
            </button>
            <button type="button" onClick={() => useStore.getState().setView('inventory')}>
              Open the inventory
            </button>
            <button type="button" onClick={reset}>
              Import another file
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function SheetMapper({ state, onHeader, onColumn }: { state: SheetState; onHeader: (row: number, rows: number) => void; onColumn: (index: number, patch: Partial<ColumnMapping>) => void }) {
  const a = state.analysis;
  const h = a.header;
  const [row, setRow] = useState(String(h.headerRow + 1));
  useEffect(() => setRow(String(h.headerRow + 1)), [h.headerRow]);
  const suggestion = useMemo(() => new Map(a.mapping.columns.map((c) => [c.index, c])), [a]);
  const previewCols = Math.min(a.preview.reduce((m, r) => Math.max(m, r.length), 0), 30);
  const unmapped = state.columns.filter((c) => !c.field && !c.ignore).length;
  return (
    <section className="card" aria-label={`Sheet ${a.name}`}>
      <h2>Sheet “{a.name}”</h2>
      {a.mapping.profileName ? (
        <div className="banner info" role="status" data-testid="profile-applied">
          Your saved mapping <strong>{a.mapping.profileName}</strong> was applied: this sheet has the same columns. Check it below.
        </div>
      ) : null}
      <div className="header-row-form">
        <label>
          Header row{' '}
          <input type="number" min={1} max={a.rowCount} value={row} aria-label="Header row" onChange={(e) => setRow(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={h.headerRows === 2} onChange={(e) => onHeader(h.headerRow, e.target.checked ? 2 : 1)} /> Header spans two rows
        </label>
        <button type="button" className="small" disabled={Number(row) - 1 === h.headerRow || !(Number(row) >= 1)} onClick={() => onHeader(Number(row) - 1, h.headerRows)}>
          Use this row
        </button>
        <span className="muted">
          {h.reasons.join('; ')} · data starts on row {h.dataStart + 1}
        </span>
      </div>
      <div className="sheet-peek" aria-label="First rows of the sheet">
        <table className="table peek">
          <thead>
            <tr>
              <th />
              {Array.from({ length: previewCols }, (_, i) => (
                <th key={i}>{columnLetter(i)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {a.preview.slice(0, Math.min(a.preview.length, h.dataStart + 4)).map((r, ri) => (
              <tr key={ri} className={ri >= h.headerRow && ri < h.headerRow + h.headerRows ? 'is-header' : ri < h.headerRow ? 'is-title' : ''}>
                <th>
                  <button type="button" className="row-no" title="Use this row as the header" onClick={() => onHeader(ri, 1)}>
                    {ri + 1}
                  </button>
                </th>
                {Array.from({ length: previewCols }, (_, ci) => (
                  <td key={ci}>{r[ci] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>
        Columns <span className="muted">· {state.columns.length - unmapped} mapped, {unmapped} kept as extra fields</span>
      </h3>
      <table className="table mapping" aria-label="Column mapping">
        <thead>
          <tr>
            <th>Column</th>
            <th>Header</th>
            <th>Sample values</th>
            <th>Becomes</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {state.columns.map((c) => {
            const s = suggestion.get(c.index);
            const value = c.ignore ? '__ignore' : (c.field ?? '');
            return (
              <tr key={c.index} data-header={c.header}>
                <td className="col-letter">{columnLetter(c.index)}</td>
                <td>
                  <strong>{c.header}</strong>
                </td>
                <td className="samples">
                  {(s?.content.samples ?? []).slice(0, 4).map((v, i) => (
                    <span key={i} className="sample">
                      {v}
                    </span>
                  ))}
                  {s && s.content.filled === 0 ? <span className="muted">empty</span> : null}
                </td>
                <td>
                  <select
                    aria-label={`Map column ${c.header}`}
                    value={value}
                    onChange={(e) => {
                      const v = e.target.value;
                      if (v === '__ignore') onColumn(c.index, { field: null, ignore: true });
                      else onColumn(c.index, { field: (v || null) as AssetField | null, ignore: false });
                    }}
                  >
                    <option value="">Keep as extra field “{c.header.slice(0, 40)}”</option>
                    {FIELD_GROUPS.map((g) => (
                      <optgroup key={g.label} label={g.label}>
                        {g.fields.map(([f, l]) => (
                          <option key={f} value={f}>
                            {l}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                    <option value="__ignore">Ignore this column</option>
                  </select>
                  {c.field && DATE_FIELDS.has(c.field) ? (
                    <select aria-label={`Date order for ${c.header}`} className="date-order" value={c.dateOrder ?? 'dmy'} onChange={(e) => onColumn(c.index, { dateOrder: e.target.value as DateOrder })}>
                      <option value="dmy">day/month/year</option>
                      <option value="mdy">month/day/year</option>
                      <option value="ymd">year-month-day</option>
                    </select>
                  ) : null}
                </td>
                <td className="why">
                  {s && s.field === c.field && !!s.ignore === !!c.ignore ? (
                    <>
                      {s.field ? <span className={s.confidence >= 0.8 ? 'conf high' : s.confidence >= 0.5 ? 'conf mid' : 'conf low'}>{Math.round(s.confidence * 100)}%</span> : null} {s.reasons.join('; ')}
                    </>
                  ) : (
                    <span className="muted">
                      changed by you{s?.field ? ` (suggested: ${FIELD_LABEL[s.field] ?? s.field})` : ''}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

type PreviewTab = 'added' | 'changed' | 'unchanged' | 'problems';

function PreviewPanel(props: { preview: WirePreview; fileName: string; remember: boolean; setRemember: (b: boolean) => void; busy: boolean; onBack: () => void; onReset: () => void; onCommit: () => void }) {
  const p = props.preview;
  const counts: Record<PreviewTab, number> = { added: p.added.length, changed: p.changed.length, unchanged: p.unchanged.length, problems: p.problems.length };
  const [tab, setTab] = useState<PreviewTab>(counts.changed ? 'changed' : counts.added ? 'added' : counts.problems ? 'problems' : 'unchanged');
  const nothing = counts.added + counts.changed === 0;
  const labels: Record<PreviewTab, string> = { added: 'New', changed: 'Changed', unchanged: 'Unchanged', problems: 'Problem rows' };
  const name = (d: { assetTag?: string | undefined; serial?: string | undefined; description?: string | undefined; model?: string | undefined }) => d.assetTag ?? (d.serial ? `S/N ${d.serial}` : (d.description ?? d.model ?? '—'));
  return (
    <section className="card" aria-label="Preview">
      <div className="card-head">
        <h2>Preview: what committing {props.fileName} would do</h2>
        <span className="button-row">
          <button type="button" className="small" onClick={props.onBack}>
            ← Back to columns
          </button>
          <button type="button" className="small" onClick={props.onReset}>
            Choose another file
          </button>
        </span>
      </div>
      <div className="preview-counts" role="tablist">
        {(Object.keys(labels) as PreviewTab[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`count ${t}${tab === t ? ' selected' : ''}`} data-testid={`count-${t}`} onClick={() => setTab(t)}>
            <span className="n">{counts[t]}</span> {labels[t]}
          </button>
        ))}
      </div>
      <p className="muted">Rows are matched to your inventory by asset tag, then serial number; importing the same sheet again changes nothing. A blank cell never erases what an asset already has.</p>
      <div className="preview-rows" role="tabpanel">
        {tab === 'added' ? (
          <table className="table">
            <thead>
              <tr><th>Sheet · row</th><th>Asset tag</th><th>Serial</th><th>Maker</th><th>Model</th><th>Description</th><th>Department · room</th><th>Notes</th></tr>
            </thead>
            <tbody>
              {p.added.slice(0, SHOWN_ROWS).map((c) => (
                <tr key={`${c.sheet}:${c.row}`}>
                  <td className="muted">{c.sheet} · {c.row}</td>
                  <td>{c.data.assetTag ?? ''}</td>
                  <td>{c.data.serial ?? ''}</td>
                  <td>{c.data.maker ?? ''}{c.data.makerOriginal && c.data.makerOriginal !== c.data.maker ? <span className="muted"> (typed “{c.data.makerOriginal}”)</span> : null}</td>
                  <td>{c.data.model ?? ''}</td>
                  <td>{c.data.description ?? ''}</td>
                  <td>{[c.data.department, c.data.room].filter(Boolean).join(' · ')}</td>
                  <td className="warn-text">{c.warnings.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {tab === 'changed' ? (
          <table className="table">
            <thead>
              <tr><th>Sheet · row</th><th>Asset</th><th>Matched by</th><th>Changes (before → after)</th></tr>
            </thead>
            <tbody>
              {p.changed.slice(0, SHOWN_ROWS).map((c) => (
                <tr key={`${c.candidate.sheet}:${c.candidate.row}`} data-testid="changed-row">
                  <td className="muted">{c.candidate.sheet} · {c.candidate.row}</td>
                  <td><strong>{name(c.asset)}</strong></td>
                  <td className="muted">{c.matchedBy === 'assetTag' ? 'asset tag' : c.matchedBy}</td>
                  <td>
                    <ul className="changes">
                      {c.changes.map((ch) => (
                        <li key={ch.field}>
                          <span className="chg-field">{changeLabel(ch.field)}</span>: <del>{ch.before ?? '(empty)'}</del> → <ins>{ch.after ?? '(empty)'}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {tab === 'unchanged' ? (
          <table className="table">
            <thead>
              <tr><th>Sheet · row</th><th>Asset</th><th>Matched by</th></tr>
            </thead>
            <tbody>
              {p.unchanged.slice(0, SHOWN_ROWS).map((c) => (
                <tr key={`${c.candidate.sheet}:${c.candidate.row}`}>
                  <td className="muted">{c.candidate.sheet} · {c.candidate.row}</td>
                  <td>{name(c.asset)}</td>
                  <td className="muted">{c.matchedBy === 'assetTag' ? 'asset tag' : c.matchedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {tab === 'problems' ? (
          <ProblemTable problems={p.problems} />
        ) : null}
        {counts[tab] > SHOWN_ROWS ? <p className="muted">Showing the first {SHOWN_ROWS} of {counts[tab]}.</p> : null}
        {counts[tab] === 0 ? <p className="muted">None.</p> : null}
      </div>
      <div className="sticky-actions">
        <label>
          <input type="checkbox" checked={props.remember} onChange={(e) => props.setRemember(e.target.checked)} /> Remember this column mapping for sheets of the same shape
        </label>
        <button type="button" className="primary" disabled={props.busy || nothing} onClick={props.onCommit}>
          {props.busy ? 'Writing…' : nothing ? 'Nothing to import: your inventory already has all of it' : `Commit: ${counts.added} new, ${counts.changed} changed`}
        </button>
      </div>
    </section>
  );
}

function ProblemTable({ problems }: { problems: WirePreview['problems'] }) {
  return (
    <table className="table">
      <thead>
        <tr><th>Sheet</th><th>Row</th><th>Why it was not imported</th><th>What the row holds</th></tr>
      </thead>
      <tbody>
        {problems.slice(0, SHOWN_ROWS).map((c) => (
          <tr key={`${c.sheet}:${c.row}:${c.reason}`} data-testid="problem-row">
            <td>{c.sheet}</td>
            <td>{c.row}</td>
            <td className="warn-text">{c.reason}</td>
            <td className="muted">{Object.entries(c.cells).slice(0, 6).map(([k, v]) => `${k}: ${v}`).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
