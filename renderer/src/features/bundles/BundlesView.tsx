// Survey bundles: export this laptop's survey work as one file, import a colleague's (preview first:
// new / updated / unchanged / conflicts), and settle conflicts one by one (keep mine / take theirs).
import { useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import type { BundleConflictRecord } from '../../db/schema';
import { notify, useStore } from '../../store';
import type { BundleConflict, ConflictItem, Rec } from '../../../../core/bundle/merge';
import type { BundleTable } from '../../../../core/bundle/format';
import { bundleJobs } from './bundle-client';
import type { BundlePreview, ImportOutcome } from './bundle-db';
import { exportBundleAction, importBundleAction, settleConflictAction } from './actions';
import { download } from '../../lib/download';
import './bundles.css';

const MAX_BUNDLE_BYTES = 1_000_000_000;

const TABLE_LABEL: Record<BundleTable, string> = {
  sites: 'Sites', buildings: 'Buildings', floors: 'Floors', rooms: 'Rooms', assets: 'Assets', placements: 'Placements',
  confirmations: 'Confirmations', overrides: 'Identification corrections', surveys: 'Surveys', imports: 'Imports', auditLog: 'Audit log',
};

const when = (t: number) => (t ? new Date(t).toLocaleString() : 'unknown time');


export function BundlesView() {
  const surveyor = useStore((s) => s.surveyor);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ fileName: string; text: string; preview: BundlePreview } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const open = useLiveQuery(() => db().bundleConflicts.where('status').equals('open').sortBy('detectedAt'), [], []);
  const settled = useLiveQuery(async () => (await db().bundleConflicts.where('status').equals('settled').reverse().sortBy('detectedAt')).slice(0, 20), [], []);
  const rooms = useLiveQuery(async () => new Map((await db().rooms.toArray()).map((r) => [r.id as string, r.number])), [], new Map<string, string>());

  const doExport = async () => {
    setBusy(true);
    try {
      await exportBundleAction({
        by: surveyor,
        onDone: (text, records) => {
          const safe = surveyor.replace(/[^\w.-]+/g, '-').slice(0, 40) || 'surveyor';
          download(text, `wardwalk-bundle-${safe}-${new Date().toISOString().slice(0, 16).replace(/:/g, '')}.wwbundle.json`, 'application/json');
          notify('success', `Exported a survey bundle: ${records} records.`);
        },
      });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setRefusal(null);
    setResult(null);
    setPending(null);
    if (f.size > MAX_BUNDLE_BYTES) {
      setRefusal(`${f.name} is too large to be a Wardwalk survey bundle. Nothing was changed.`);
      return;
    }
    setBusy(true);
    try {
      const text = await f.text();
      const r = await bundleJobs.preview(text);
      if (!r.ok) setRefusal(`${f.name} was not imported. ${r.reason} Nothing was changed.`);
      else setPending({ fileName: f.name, text, preview: r.preview });
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await importBundleAction({
        text: pending.text,
        fileName: pending.fileName,
        by: surveyor,
        onDone: (r: ImportOutcome) => {
          if (!r.ok) {
            setRefusal(`${pending.fileName} was not imported. ${r.reason}`);
            return;
          }
          const t = r.plan.totals;
          setResult(
            !r.changed
              ? `Nothing new: ${pending.fileName} was already merged. Nothing was changed.`
              : `Merged ${pending.fileName}: ${t.new} new, ${t.updated} updated, ${t.unchanged} unchanged` +
                  (r.newConflicts ? `; ${r.newConflicts} conflict${r.newConflicts === 1 ? '' : 's'} to settle below.` : '.'),
          );
          setPending(null);
        },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="view" aria-labelledby="bundles-title">
      <header className="view-header">
        <h1 id="bundles-title">Survey bundles</h1>
        <p className="muted">
          Several people surveying at once: each exports their work as one file, the others import it. Records merge one by one; where two people
          changed the same thing, you decide.
        </p>
      </header>
      <div className="grid-2">
        <div className="card">
          <h2>Export your work</h2>
          <p className="muted">
            Rooms (and their sites, buildings and floors), placements, confirmations, identification corrections, imports, surveys, assets and
            the audit log, as <strong>{surveyor}</strong>.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void doExport()} disabled={busy}>
              Export bundle…
            </button>
          </div>
        </div>
        <div className="card">
          <h2>Import a colleague&apos;s bundle</h2>
          <p className="muted">You see what it would change before anything is written. A backup of your data is made first.</p>
          <div className="button-row">
            <button type="button" onClick={() => fileRef.current?.click()} disabled={busy}>
              Import bundle…
            </button>
            <input ref={fileRef} type="file" accept=".json,application/json" hidden onChange={onFile} aria-label="Import bundle file" />
          </div>
          {refusal ? (
            <p className="banner error bundle-msg" role="alert">
              {refusal}
            </p>
          ) : null}
          {result ? (
            <p className="banner bundle-ok bundle-msg" role="status">
              {result}
            </p>
          ) : null}
        </div>
      </div>

      {pending ? <PreviewCard pending={pending} busy={busy} onImport={() => void doImport()} onCancel={() => setPending(null)} /> : null}

      <div className="card bundle-section">
        <h2>Conflicts to settle {open.length ? <span className="badge-count">{open.length}</span> : null}</h2>
        {open.length === 0 ? (
          <p className="muted">No conflicts. When two people change the same record, or place the same device in different rooms at nearly the same time, it shows here.</p>
        ) : (
          <ul className="conflict-list" aria-label="Conflicts to settle">
            {open.map((c) => (
              <ConflictCard key={c.id} rec={c} rooms={rooms} busy={busy} by={surveyor} />
            ))}
          </ul>
        )}
        {settled.length ? (
          <details className="settled">
            <summary>Settled recently ({settled.length})</summary>
            <ul>
              {settled.map((c) => (
                <li key={c.id}>
                  {conflictTitle(c.conflict)} — kept {c.settled?.choice === 'mine' ? 'this computer\u2019s' : `${c.from.author}\u2019s`} version
                  {c.settled ? ` (${c.settled.by}, ${when(c.settled.at)})` : ''}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function PreviewCard(props: { pending: { fileName: string; preview: BundlePreview }; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const { preview, fileName } = props.pending;
  const p = preview.plan;
  const rows = (Object.keys(p.counts) as BundleTable[]).filter((t) => (preview.bundle.counts[t] ?? 0) > 0 || p.counts[t]!.new + p.counts[t]!.updated + p.counts[t]!.conflicts > 0);
  const nothing = p.totals.new + p.totals.updated === 0 && p.conflicts.length === preview.alreadyWaiting;
  return (
    <div className="card bundle-section" role="region" aria-label="Bundle preview">
      <h2>
        {fileName}: from {preview.bundle.author}, {when(preview.bundle.createdAt)}
      </h2>
      <table className="table preview-table">
        <thead>
          <tr>
            <th>Records</th>
            <th className="num">New</th>
            <th className="num">Updated</th>
            <th className="num">Unchanged</th>
            <th className="num">In conflict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t}>
              <td>{TABLE_LABEL[t]}</td>
              <td className="num">{p.counts[t]!.new}</td>
              <td className="num">{p.counts[t]!.updated}</td>
              <td className="num">{p.counts[t]!.unchanged}</td>
              <td className={p.counts[t]!.conflicts ? 'num warn-text' : 'num'}>{p.counts[t]!.conflicts}</td>
            </tr>
          ))}
          <tr className="total">
            <td>Total</td>
            <td className="num">{p.totals.new}</td>
            <td className="num">{p.totals.updated}</td>
            <td className="num">{p.totals.unchanged}</td>
            <td className="num">{p.totals.conflicts}</td>
          </tr>
        </tbody>
      </table>
      {p.conflicts.length ? (
        <p className="warn-text">
          {p.conflicts.length} conflict{p.conflicts.length === 1 ? '' : 's'} ({preview.alreadyWaiting ? `${preview.alreadyWaiting} already waiting, ` : ''}records in conflict are
          not changed until you settle them).
        </p>
      ) : null}
      {preview.dropped.length ? <p className="muted">Left out: {preview.dropped.slice(0, 5).join('; ')}{preview.dropped.length > 5 ? '…' : ''}</p> : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={props.onImport} disabled={props.busy}>
          {nothing ? 'Nothing new — close' : 'Merge into my data'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function assetLabel(c: BundleConflict): string {
  for (const it of c.items) {
    if (it.table !== 'assets') continue;
    const r = (it.mine ?? it.theirs)!;
    return String(r.assetTag ?? r.serial ?? r.id);
  }
  return c.assetId ?? '';
}

function conflictTitle(c: BundleConflict): string {
  if (c.kind === 'moved') return `Device ${assetLabel(c)}: placed or confirmed in different rooms at nearly the same time`;
  const it = c.items[0]!;
  const r = (it.mine ?? it.theirs)!;
  const name = it.table === 'rooms' ? `Room ${String(r.number)}` : it.table === 'assets' ? `Device ${assetLabel(c)}` : `${TABLE_LABEL[it.table]} record`;
  return `${name}: changed on both computers`;
}

function show(field: string, v: unknown, rooms: Map<string, string>): string {
  if (v === undefined || v === null || v === '') return '—';
  if (field === 'roomId' && typeof v === 'string') return rooms.get(v) ?? v;
  if (field === 'deleted') return v ? 'deleted' : 'kept';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}

/** One line per side for single-sided items (a placement or a confirmation only one side has). */
function describeSide(it: ConflictItem, r: Rec, rooms: Map<string, string>): string {
  const room = show('roomId', r.roomId, rooms);
  if (it.table === 'placements') return `placed in ${room} by ${String(r.by)} at ${when(Number(r.createdAt))}`;
  return `confirmed in ${room} by ${String(r.by)} at ${when(Number(r.at))}`;
}

function ConflictCard(props: { rec: BundleConflictRecord; rooms: Map<string, string>; busy: boolean; by: string }) {
  const { rec, rooms } = props;
  const c = rec.conflict;
  const title = conflictTitle(c);
  const lines = useMemo(() => {
    const out: { what: string; mine: string; theirs: string }[] = [];
    for (const it of c.items) {
      if (it.mine && it.theirs) {
        for (const f of it.fields) {
          if (f === 'room' && it.fields.includes('roomId')) continue;
          out.push({ what: `${TABLE_LABEL[it.table]}: ${f === 'roomId' ? 'room' : f}`, mine: show(f, it.mine[f], rooms), theirs: show(f, it.theirs[f], rooms) });
        }
      } else if (it.mine) out.push({ what: TABLE_LABEL[it.table], mine: describeSide(it, it.mine, rooms), theirs: '—' });
      else if (it.theirs) out.push({ what: TABLE_LABEL[it.table], mine: '—', theirs: describeSide(it, it.theirs, rooms) });
    }
    return out;
  }, [c, rooms]);
  return (
    <li className="conflict" aria-label={title}>
      <div className="conflict-head">
        <strong>{title}</strong>
        <span className="muted">
          bundle from {rec.from.author}, found {when(rec.detectedAt)}
        </span>
      </div>
      <table className="table conflict-table">
        <thead>
          <tr>
            <th>What</th>
            <th>Mine (this computer)</th>
            <th>Theirs ({rec.from.author})</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>{l.what}</td>
              <td>{l.mine}</td>
              <td>{l.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" disabled={props.busy} onClick={() => void settleConflictAction({ id: rec.id, choice: 'mine', by: props.by, what: title })}>
          Keep mine
        </button>
        <button type="button" disabled={props.busy} onClick={() => void settleConflictAction({ id: rec.id, choice: 'theirs', by: props.by, what: title })}>
          Take theirs
        </button>
      </div>
    </li>
  );
}
