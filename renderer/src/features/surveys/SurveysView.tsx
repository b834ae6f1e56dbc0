// Survey rounds (start, progress, finish, compare with the previous round) and the mobile-device
// watch list (last confirmed room and its age, stale and missing lists, history per asset).
import { useMemo, useState } from 'react';
import type { FloorId, AssetId } from '../../../../core/model/ids';
import type { Survey, SurveyScope } from '../../../../core/model/survey';
import { compareRounds, previousRound, surveyProgress } from '../../../../core/survey/rounds';
import { computeLocations, formatAge, isRetracted } from '../../../../core/survey/locations';
import { assetSeenAt } from '../../../../core/survey/hints';
import { isMobileType, shortType } from '../../../../core/survey/types';
import { finishSurvey, startSurvey } from '../../actions/surveys';
import { setWalkSettings } from '../../actions/walk';
import { useStore, notify } from '../../store';
import { assetLabel } from '../floorplan/pins';
import { useAllRooms, useAssets, useConfirmations, useDevices, useFloorOptions, usePlacements, useSurveys, useWalkSettings, walkState } from '../walk/data';

export function SurveysView() {
  const surveys = useSurveys();
  const confirmations = useConfirmations();
  const assets = useAssets();
  const rooms = useAllRooms();
  const floors = useFloorOptions();
  const by = useStore((s) => s.surveyor);
  const setView = useStore((s) => s.setView);
  const [picked, setPicked] = useState<string>();
  const roomNumber = useMemo(() => new Map((rooms ?? []).map((r) => [r.id as string, r.number])), [rooms]);
  const assetById = useMemo(() => new Map((assets ?? []).map((a) => [a.id as string, a])), [assets]);
  const label = (id: string) => {
    const a = assetById.get(id);
    return a ? `${assetLabel(a)} (${shortType(a.type)})` : id;
  };

  const current = (surveys ?? []).find((s) => s.id === picked) ?? (surveys ?? [])[0];
  const prev = current ? previousRound(current, surveys ?? []) : undefined;
  const cmp = current && prev ? compareRounds(current, prev, confirmations ?? []) : undefined;

  const walk = (s: Survey) => {
    if (s.scope.kind === 'floor') walkState().setFloorId(s.scope.floorId);
    else {
      const r = (rooms ?? []).find((x) => s.roomIds.includes(x.id));
      if (r) walkState().setFloorId(r.floorId);
    }
    walkState().setActiveSurveyId(s.id);
    setView('walk');
  };

  return (
    <section className="view" aria-labelledby="surveys-title">
      <header className="view-header">
        <h1 id="surveys-title">Surveys &amp; mobile devices</h1>
        <p className="muted">Walk a floor or a department room by room, then compare with the previous round.</p>
      </header>
      <div className="grid-2">
        <div className="card">
          <h2>Start a survey</h2>
          <StartForm
            floors={(floors ?? []).map((f) => ({ id: f.floor.id, label: f.label }))}
            departments={[...new Set((rooms ?? []).map((r) => r.department?.trim()).filter((d): d is string => !!d))].sort()}
            onStart={(scope, name) =>
              void startSurvey({
                scope,
                name,
                by,
                onStarted: (id) => {
                  setPicked(id);
                  walkState().setActiveSurveyId(id);
                  notify('success', `Survey "${name}" started.`, 'Open Ward walk to confirm devices room by room.');
                },
              })
            }
          />
          <h2 style={{ marginTop: 18 }}>Rounds</h2>
          {(surveys ?? []).length === 0 ? <p className="muted">No survey yet.</p> : null}
          <ul className="room-list" aria-label="Survey rounds">
            {(surveys ?? []).map((s) => {
              const p = surveyProgress(s, confirmations ?? []);
              return (
                <li key={s.id}>
                  <button type="button" className={s.id === current?.id ? 'selected' : ''} aria-pressed={s.id === current?.id} onClick={() => setPicked(s.id)}>
                    <span>
                      <strong>{s.name}</strong> <small className="muted">{new Date(s.startedAt).toLocaleDateString()}</small>
                    </span>
                    <span className={`badge ${s.finishedAt ? '' : 'ok'}`}>{s.finishedAt ? 'finished' : `running · ${p.confirmedExpected}/${p.expected}`}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="card" aria-label="Survey details">
          {current ? (
            <SurveyDetail
              survey={current}
              previous={prev}
              cmp={cmp}
              progress={surveyProgress(current, confirmations ?? [])}
              label={label}
              roomNumber={(id) => roomNumber.get(id) ?? '?'}
              onWalk={() => walk(current)}
              onFinish={() => void finishSurvey({ surveyId: current.id, by }).then((ok) => ok && notify('success', `Survey "${current.name}" finished.`))}
            />
          ) : (
            <p className="muted">Start a survey to see its progress here.</p>
          )}
        </div>
      </div>
      <MobileDevices />
    </section>
  );
}

function StartForm({ floors, departments, onStart }: { floors: { id: string; label: string }[]; departments: string[]; onStart: (scope: SurveyScope, name: string) => void }) {
  const [scope, setScope] = useState('');
  const [name, setName] = useState('');
  const value = scope || (floors[0] ? `floor:${floors[0].id}` : '');
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        const [kind, ...rest] = value.split(':');
        const v = rest.join(':');
        if (!v) return;
        const sc: SurveyScope = kind === 'floor' ? { kind: 'floor', floorId: v as FloorId } : { kind: 'department', department: v };
        const defName = kind === 'floor' ? floors.find((f) => f.id === v)?.label ?? 'Floor' : v;
        onStart(sc, name.trim() || `${defName} — ${new Date().toISOString().slice(0, 10)}`);
        setName('');
      }}
    >
      <label htmlFor="sv-scope">Floor or department</label>
      <select id="sv-scope" value={value} onChange={(e) => setScope(e.target.value)}>
        {floors.map((f) => (
          <option key={f.id} value={`floor:${f.id}`}>
            Floor: {f.label}
          </option>
        ))}
        {departments.map((d) => (
          <option key={d} value={`dept:${d}`}>
            Department: {d}
          </option>
        ))}
      </select>
      <label htmlFor="sv-name">Name</label>
      <input id="sv-name" value={name} placeholder="e.g. Autumn round" onChange={(e) => setName(e.target.value)} />
      <span />
      <button type="submit" className="primary" disabled={!value}>
        Start survey
      </button>
    </form>
  );
}

function SurveyDetail(props: {
  survey: Survey;
  previous: Survey | undefined;
  cmp: ReturnType<typeof compareRounds> | undefined;
  progress: ReturnType<typeof surveyProgress>;
  label: (id: string) => string;
  roomNumber: (id: string) => string;
  onWalk: () => void;
  onFinish: () => void;
}) {
  const { survey: s, progress: p, cmp } = props;
  const pct = p.expected ? Math.round((100 * p.confirmedExpected) / p.expected) : 0;
  return (
    <>
      <h2>{s.name}</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        Started {new Date(s.startedAt).toLocaleString()} by {s.by}
        {s.finishedAt ? ` · finished ${new Date(s.finishedAt).toLocaleString()}` : ''}
      </p>
      <div className="stat-row" aria-label="Progress">
        <div className="stat">
          <b>
            {p.roomsDone}/{p.roomsTotal}
          </b>
          <span className="muted">rooms done</span>
        </div>
        <div className="stat">
          <b>
            {p.confirmedExpected}/{p.expected}
          </b>
          <span className="muted">devices confirmed</span>
        </div>
        <div className="stat">
          <b>{p.notFound.length}</b>
          <span className="muted">{s.finishedAt ? 'missing' : 'not found yet'}</span>
        </div>
        <div className="stat">
          <b>{p.moved.length}</b>
          <span className="muted">moved</span>
        </div>
      </div>
      <div className="progress" style={{ margin: '10px 0' }} aria-hidden="true">
        <div style={{ width: `${pct}%` }} />
      </div>
      {!s.finishedAt ? (
        <div className="button-row">
          <button type="button" className="primary" onClick={props.onWalk}>
            Walk it
          </button>
          <button type="button" onClick={props.onFinish}>
            Finish survey
          </button>
        </div>
      ) : null}
      {props.previous && cmp ? (
        <div aria-label="Comparison with the previous round">
          <h2 style={{ marginTop: 16 }}>Compared with “{props.previous.name}”</h2>
          <CmpList title={`New (${cmp.added.length})`} items={cmp.added.map(props.label)} />
          <CmpList title={`Missing (${cmp.missing.length})`} items={cmp.missing.map(props.label)} />
          <CmpList title={`Moved (${cmp.moved.length})`} items={cmp.moved.map((m) => `${props.label(m.assetId)}: ${props.roomNumber(m.from)} → ${props.roomNumber(m.to)}`)} />
        </div>
      ) : (
        <p className="muted">No earlier finished round of the same floor or department to compare with.</p>
      )}
      {p.notFound.length ? (
        <details>
          <summary>{s.finishedAt ? 'Missing' : 'Not found yet'} ({p.notFound.length})</summary>
          <ul>{p.notFound.slice(0, 200).map((id) => <li key={id}>{props.label(id)}</li>)}</ul>
        </details>
      ) : null}
    </>
  );
}

function CmpList({ title, items }: { title: string; items: string[] }) {
  return (
    <details open={items.length > 0 && items.length <= 12}>
      <summary>{title}</summary>
      <ul>{items.map((t) => <li key={t}>{t}</li>)}</ul>
    </details>
  );
}

function MobileDevices() {
  const assets = useAssets();
  const confirmations = useConfirmations();
  const placements = usePlacements();
  const devices = useDevices();
  const rooms = useAllRooms();
  const settings = useWalkSettings();
  const by = useStore((s) => s.surveyor);
  const [filter, setFilter] = useState<'all' | 'stale' | 'missing'>('all');
  const [open, setOpen] = useState<string>();
  const [now] = useState(() => Date.now());
  const roomNumber = useMemo(() => new Map((rooms ?? []).map((r) => [r.id as string, r.number])), [rooms]);
  const locs = useMemo(
    () => computeLocations(assets ?? [], confirmations ?? [], placements ?? [], { now, staleDays: settings.staleDays, auditDays: settings.auditDays, seenAt: assetSeenAt(devices ?? [], assets ?? []) }),
    [assets, confirmations, placements, devices, now, settings.staleDays, settings.auditDays],
  );
  const mobile = (assets ?? []).filter((a) => isMobileType(a.type) && locs.has(a.id));
  const rows = mobile
    .map((a) => ({ a, l: locs.get(a.id)! }))
    .filter(({ l }) => filter === 'all' || (filter === 'stale' ? l.stale : l.missing))
    .sort((x, y) => (x.l.lastAt ?? 0) - (y.l.lastAt ?? 0));
  const history = open ? (confirmations ?? []).filter((c) => c.assetId === (open as AssetId)).sort((a, b) => b.at - a.at) : [];
  const counts = { all: mobile.length, stale: mobile.filter((a) => locs.get(a.id)!.stale).length, missing: mobile.filter((a) => locs.get(a.id)!.missing).length };
  return (
    <div className="card" style={{ marginTop: 16 }} aria-label="Mobile devices">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Mobile devices</h2>
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            const staleDays = Math.max(1, Math.min(3650, Number(fd.get('stale')) || settings.staleDays));
            const auditDays = Math.max(1, Math.min(3650, Number(fd.get('audit')) || settings.auditDays));
            void setWalkSettings({ value: { staleDays, auditDays }, by });
          }}
        >
          <label htmlFor="mob-stale" className="muted">Stale after (days)</label>
          <input id="mob-stale" name="stale" type="number" min={1} defaultValue={settings.staleDays} key={`s${settings.staleDays}`} style={{ width: 70 }} />
          <label htmlFor="mob-audit" className="muted">Audit period (days)</label>
          <input id="mob-audit" name="audit" type="number" min={1} defaultValue={settings.auditDays} key={`a${settings.auditDays}`} style={{ width: 80 }} />
          <button type="submit">Apply</button>
        </form>
      </div>
      <div className="tabs" role="tablist" aria-label="Filter" style={{ margin: '8px 0' }}>
        {(['all', 'stale', 'missing'] as const).map((f) => (
          <button key={f} type="button" role="tab" aria-selected={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? 'All' : f === 'stale' ? 'Stale' : 'Missing'} ({counts[f]})
          </button>
        ))}
      </div>
      <table className="table" aria-label="Mobile device list">
        <thead>
          <tr>
            <th>Device</th>
            <th>Type</th>
            <th>Last confirmed room</th>
            <th>Age</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ a, l }) => (
            <tr key={a.id}>
              <td>{assetLabel(a)}</td>
              <td>{shortType(a.type)}</td>
              <td>{l.lastRoomId ? roomNumber.get(l.lastRoomId) ?? '?' : '—'}</td>
              <td>{l.lastAt ? formatAge(now - l.lastAt) : 'never'}</td>
              <td>
                {l.missing ? <span className="badge missing">missing</span> : null} {l.stale ? <span className="badge stale">stale</span> : null} {l.moved ? <span className="badge moved">moved</span> : null}
                {!l.missing && !l.stale && !l.moved ? <span className="badge ok">ok</span> : null}
              </td>
              <td>
                <button type="button" className="small" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? undefined : a.id)}>
                  History
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? (
        <div aria-label="History" style={{ marginTop: 10 }}>
          <h2>History of {assetLabel((assets ?? []).find((a) => a.id === open)!)}</h2>
          {history.length === 0 ? <p className="muted">Never confirmed.</p> : null}
          <ol>
            {history.map((c) => (
              <li key={c.id} style={isRetracted(c) ? { textDecoration: 'line-through' } : undefined}>
                {new Date(c.at).toLocaleString()} — room {roomNumber.get(c.roomId) ?? '?'} — {c.how} by {c.by}
                {c.moved ? ` (moved from ${roomNumber.get(c.moved.fromRoomId ?? '') ?? '?'})` : ''}
                {isRetracted(c) ? ' (undone)' : ''}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
