// Vulnerabilities & risk: import CISA advisories (CSAF 2.0) and MDS2 forms, match them in a worker
// against the inventory (and against discovered devices where no asset exists), and show a
// dashboard per site / floor / department, a worklist ordered by an explainable score, every match
// with its verdict and reasons, the segmentation, and a printable / .xlsx report.
import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import { notify, useStore } from '../../store';
import type { GroupLevel } from './compute';
import { runRisk, useRisk } from './state';
import { ADVISORY_EXT, WORKBOOK_EXT, hasDialogs, importAdvisorySources, importMds2Source } from './importing';
import type { AdvisoryImportSummary } from './importing';
import { Dashboard, Totals } from './Dashboard';
import { Worklist } from './Worklist';
import { MatchesTable } from './MatchesTable';
import { Segmentation } from './Segmentation';
import { Library } from './Library';
import { PrintReport } from './PrintReport';
import { downloadRiskWorkbook } from './xlsx-export';
import { printDocument } from '../sheets/printing';
import './risk.css';

type Tab = 'dashboard' | 'worklist' | 'matches' | 'segments' | 'library';

/** Changes whenever what the report is computed from changes (cheap: counts and newest stamps). */
function useDataSignature(): string | undefined {
  return useLiveQuery(async () => {
    const d = db();
    const [assets, lastAsset, devices, lastDevice, advisories, forms, overrides] = await Promise.all([
      d.assets.count(),
      d.assets.orderBy('updatedAt').last(),
      d.devices.count(),
      d.devices.orderBy('lastSeen').last(),
      d.advisories.toCollection().primaryKeys(),
      d.mds2.toArray(),
      d.overrides.count(),
    ]);
    const revs = await d.advisories.orderBy('version').keys();
    return [assets, lastAsset?.updatedAt ?? 0, devices, lastDevice?.lastSeen ?? 0, advisories.length, advisories.join(','), revs.join(','), forms.map((f) => `${f.id}@${f.importedAt}`).join(','), overrides].join('|');
  }, []);
}

export function RiskView() {
  const result = useRisk((s) => s.riskResult);
  const job = useRisk((s) => s.riskJob);
  const error = useRisk((s) => s.riskError);
  const ms = useRisk((s) => s.riskMs);
  const by = useStore((s) => s.surveyor);
  const advisories = useLiveQuery(() => db().advisories.toArray(), []) ?? [];
  const forms = useLiveQuery(() => db().mds2.toArray(), []) ?? [];
  const signature = useDataSignature();
  const [tab, setTab] = useState<Tab>('dashboard');
  const [level, setLevel] = useState<GroupLevel>('department');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [last, setLast] = useState<AdvisoryImportSummary | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (signature !== undefined) runRisk();
  }, [signature]);

  const importAdvisories = async (from: { dialog: 'files' | 'folder' } | { files: File[] }) => {
    setBusy(true);
    try {
      const s = await importAdvisorySources(from, by);
      if (s.cancelled) return;
      setLast(s);
      const stored = s.added + s.replaced.length;
      const parts = [s.added ? `${s.added} new advisor${s.added === 1 ? 'y' : 'ies'}` : '', s.replaced.length ? `${s.replaced.length} newer revision${s.replaced.length === 1 ? '' : 's'} stored` : ''].filter(Boolean);
      const head = `${stored ? parts.join(', ') : 'No new advisories'}${s.unchanged ? ` (${s.unchanged} already up to date)` : ''}.`;
      const cap = head[0]!.toUpperCase() + head.slice(1);
      if (s.problems.length) notify(stored ? 'warning' : 'error', `${cap} ${s.problems.length} file${s.problems.length === 1 ? '' : 's'} could not be read.`, `${s.problems[0]!.source}: ${s.problems[0]!.error}. Nothing already stored was changed.`);
      else notify('success', cap);
    } catch (e) {
      notify('error', `The advisories could not be imported: ${e instanceof Error ? e.message : String(e)}`, 'Nothing already stored was changed.');
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (!files.length) return;
    const books = files.filter((f) => WORKBOOK_EXT.test(f.name));
    const rest = files.filter((f) => !WORKBOOK_EXT.test(f.name));
    for (const b of books) {
      void importMds2Source({ file: b }, {}, by).then((r) => {
        if (r.error) notify('error', `${b.name}: MDS2 form not imported: ${r.error}`, 'Open "Advisories & MDS2" to type the model it covers.');
        else if (r.stored) notify('success', `MDS2 form for ${[r.facts?.maker, r.facts?.model].filter(Boolean).join(' ')} imported.`);
      });
    }
    if (rest.length) {
      const odd = rest.filter((f) => !ADVISORY_EXT.test(f.name));
      if (odd.length) notify('warning', `${odd.map((f) => f.name).join(', ')}: not .json, .zip or .tar.gz — tried anyway.`);
      void importAdvisories({ files: rest });
    }
  };

  const doExport = () => {
    if (!result) return;
    try {
      const name = downloadRiskWorkbook(result, level);
      notify('success', `Saved ${name}.`);
    } catch (e) {
      notify('error', `The workbook could not be written: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const doPrint = async () => {
    const r = await printDocument({ paper: 'A4', orientation: 'landscape', title: `Wardwalk risk report ${result?.today ?? ''}`.trim() });
    if (!r.ok) notify('warning', r.message);
  };

  const pctDone = job && job.total ? Math.round((job.done / job.total) * 100) : 0;
  const wl = result?.report.worklist.length ?? 0;

  return (
    <section
      className={`view view-risk${dragging ? ' dragging' : ''}`}
      aria-labelledby="risk-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="rk-screen">
        <header className="view-header row">
          <div>
            <h1 id="risk-title">Vulnerabilities &amp; risk</h1>
            <p className="muted">Known vulnerabilities from CISA medical advisories, unsupported software, risky traffic and flat networks — ranked, with the reason for every point.</p>
          </div>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => (hasDialogs() ? void importAdvisories({ dialog: 'files' }) : fileRef.current?.click())}>
              Import advisories…
            </button>
            {hasDialogs() ? (
              <button type="button" disabled={busy} onClick={() => void importAdvisories({ dialog: 'folder' })}>
                Import a folder…
              </button>
            ) : null}
            <input
              ref={fileRef}
              type="file"
              multiple
              hidden
              accept=".json,.zip,.tar,.tgz,.gz,application/json,application/zip"
              aria-label="Advisory files"
              onChange={(e) => {
                const f = e.target.files;
                if (f?.length) void importAdvisories({ files: [...f] });
                e.target.value = '';
              }}
            />
            <button type="button" disabled={!result || !wl} onClick={doExport}>
              Export .xlsx
            </button>
            <button type="button" disabled={!result || !wl} onClick={() => void doPrint()}>
              Print report
            </button>
          </div>
        </header>

        <div className="card rk-status" role="status" aria-live="polite">
          {job ? (
            <div>
              <div>
                {job.phase === 'matching' ? `Matching ${job.done.toLocaleString()} of ${job.total.toLocaleString()} devices against the advisories…` : `${job.phase[0]!.toUpperCase()}${job.phase.slice(1)}…`}
              </div>
              <progress max={100} value={pctDone} aria-label="Matching progress" />
            </div>
          ) : result ? (
            <div className="rk-status-line">
              <span>
                <strong>{result.stats.advisories}</strong> advisories ({result.stats.products} products) checked against <strong>{result.stats.assets.toLocaleString()}</strong> inventory assets and{' '}
                <strong>{result.stats.devices.toLocaleString()}</strong> discovered devices: <strong>{result.stats.matched}</strong> with a possible or confirmed match, <strong>{wl}</strong> on the worklist.
              </span>
              <span className="muted small">
                {result.today}
                {ms !== null ? ` · ${(ms / 1000).toFixed(1)} s` : ''}
              </span>
              <button type="button" className="small" onClick={() => runRisk()}>
                Re-run
              </button>
            </div>
          ) : (
            <div className="muted">Preparing…</div>
          )}
          {error ? (
            <div className="banner error small" role="alert">
              {error}
            </div>
          ) : null}
        </div>

        {last ? <ImportOutcome s={last} onClose={() => setLast(null)} /> : <div className="drop-hint muted">Drop CSAF advisories (.json, .zip, .tar.gz) or MDS2 workbooks (.xlsx) anywhere here.</div>}

        {result ? <Totals result={result} /> : null}

        <div className="tabs rk-tabs" role="tablist" aria-label="Risk sections">
          {(
            [
              ['dashboard', 'Dashboard'],
              ['worklist', `Worklist (${wl})`],
              ['matches', `Advisory matches (${result?.matches.length ?? 0})`],
              ['segments', `Segmentation${result?.report.segmentation.mixed.length ? ` (${result.report.segmentation.mixed.length} mixed)` : ''}`],
              ['library', `Advisories & MDS2 (${advisories.length})`],
            ] as [Tab, string][]
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
              {label}
            </button>
          ))}
        </div>

        {result ? (
          <div role="tabpanel">
            {tab === 'dashboard' ? <Dashboard result={result} level={level} setLevel={setLevel} /> : null}
            {tab === 'worklist' ? <Worklist result={result} /> : null}
            {tab === 'matches' ? <MatchesTable result={result} /> : null}
            {tab === 'segments' ? <Segmentation result={result} /> : null}
            {tab === 'library' ? <Library advisories={advisories} forms={forms} result={result} /> : null}
          </div>
        ) : tab === 'library' ? (
          <Library advisories={advisories} forms={forms} result={null} />
        ) : null}
      </div>
      {result ? <PrintReport result={result} level={level} site="" /> : null}
    </section>
  );
}

function ImportOutcome({ s, onClose }: { s: AdvisoryImportSummary; onClose: () => void }) {
  const bad = s.problems.length > 0;
  return (
    <div className={`card rk-import ${bad ? 'has-problems' : ''}`} role={bad ? 'alert' : 'status'} aria-label="Last advisory import">
      <div className="row">
        <div>
          <strong>Last import:</strong> {s.documents} document{s.documents === 1 ? '' : 's'} read · {s.added} new · {s.replaced.length} newer revision{s.replaced.length === 1 ? '' : 's'} · {s.unchanged} already up to date
          {s.superseded ? ` · ${s.superseded} older revision${s.superseded === 1 ? '' : 's'} skipped` : ''}
          {bad ? ` · ${s.problems.length} could not be read (damaged, cut short, or not a CSAF 2.0 advisory)` : ''}
        </div>
        <button type="button" className="icon" aria-label="Close import summary" onClick={onClose}>
          ×
        </button>
      </div>
      {s.replaced.length ? (
        <ul className="small">
          {s.replaced.map((r) => (
            <li key={r.trackingId}>
              {r.trackingId}: revision {r.from} replaced by {r.to}
            </li>
          ))}
        </ul>
      ) : null}
      {bad ? (
        <ul className="small rk-problems">
          {s.problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              <strong>{p.source}</strong>: {p.error}
            </li>
          ))}
          <li className="muted">Nothing already stored was changed.</li>
        </ul>
      ) : null}
    </div>
  );
}
