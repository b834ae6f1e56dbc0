// Room sheets & labels: choose a scope and paper, preview the print page, print or save a PDF, export
// .xlsx, print asset/room labels, and key the ticked results back in.
import { useMemo, useState } from 'react';
import type { SheetData, SheetScope } from '../../../../core/sheets/model';
import { buildSheetSet, departments, roomsForScope } from '../../../../core/sheets/model';
import type { Orientation, PaperSize } from '../../../../core/sheets/geometry';
import { LABEL_SHEETS, assetLabelItems, labelSheet, layoutLabels, roomLabelItems } from '../../../../core/sheets/labels';
import type { RoomId } from '../../../../core/model/ids';
import { expectedRoom, latestPlacements } from '../../../../core/survey/locations';
import { useStore, notify } from '../../store';
import { useSheetData } from './useSheetData';
import { SheetDocument } from './SheetDocument';
import { LabelDocument } from './LabelDocument';
import type { RoomCode } from './LabelDocument';
import { KeyBackForm } from './KeyBackForm';
import { canSavePdf, printDocument, savePdf } from './printing';
import { downloadWorkbook } from './xlsx-export';
import './sheets.css';

type Mode = 'sheets' | 'labels' | 'keyback';
type ScopeKind = SheetScope['kind'];

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function localDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function SheetsView() {
  const data = useSheetData();
  const surveyor = useStore((s) => s.surveyor);
  const [mode, setMode] = useState<Mode>('sheets');
  const [kind, setKind] = useState<ScopeKind>('floor');
  const [siteId, setSiteId] = useState('');
  const [buildingId, setBuildingId] = useState('');
  const [floorId, setFloorId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [department, setDepartment] = useState('');
  const [surveyId, setSurveyId] = useState('');
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  const [date, setDate] = useState(today());
  const [who, setWho] = useState(surveyor === 'surveyor' ? '' : surveyor);
  const [zoom, setZoom] = useState(0.75);
  const [labelKind, setLabelKind] = useState<'asset' | 'room'>('asset');
  const [labelSpec, setLabelSpec] = useState('L7160');
  const [roomCode, setRoomCode] = useState<RoomCode>('qr');
  const [skip, setSkip] = useState(0);
  const [outline, setOutline] = useState(true);

  // Defaults follow the data: first site, building, floor, room, department.
  const site = data?.sites.find((s) => s.id === siteId) ?? data?.sites[0];
  const buildings = useMemo(() => (data && site ? data.buildings.filter((b) => b.siteId === site.id) : []), [data, site]);
  const building = buildings.find((b) => b.id === buildingId) ?? buildings[0];
  const floors = useMemo(() => (data && building ? data.floors.filter((f) => f.buildingId === building.id).sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || a.name.localeCompare(b.name)) : []), [data, building]);
  const floor = floors.find((f) => f.id === floorId) ?? floors[0];
  const floorRooms = useMemo(() => (data && floor ? roomsForScope(data, { kind: 'floor', floorId: floor.id }) : []), [data, floor]);
  const room = floorRooms.find((r) => r.id === roomId) ?? floorRooms[0];
  const depts = useMemo(() => (data ? departments(data.rooms) : []), [data]);
  const dept = depts.includes(department) ? department : depts[0] ?? '';
  const surveys = data?.surveys ?? [];
  const survey = surveys.find((s) => s.id === surveyId) ?? surveys[0];

  const scope: SheetScope | undefined =
    kind === 'room' ? (room ? { kind, roomId: room.id } : undefined)
    : kind === 'floor' ? (floor ? { kind, floorId: floor.id } : undefined)
    : kind === 'department' ? (dept ? { kind, department: dept } : undefined)
    : kind === 'survey' ? (survey ? { kind, surveyId: survey.id } : undefined)
    : site ? { kind: 'site', siteId: site.id } : undefined;

  const set = useMemo(
    () => (data && scope ? buildSheetSet(data, scope, { paper, orientation, date, surveyor: who.trim(), formatDate: localDate }) : undefined),
    [data, JSON.stringify(scope), paper, orientation, date, who],
  );

  const labels = useMemo(() => {
    if (!data || !scope || mode !== 'labels') return undefined;
    const spec = labelSheet(labelSpec) ?? LABEL_SHEETS[0]!;
    const rooms = roomsForScope(data, scope);
    if (labelKind === 'room') {
      const floorName = new Map(data.floors.map((f) => [f.id as string, f.name]));
      return { spec, pages: layoutLabels(spec, roomLabelItems(rooms, (r) => floorName.get(r.floorId) ?? ''), skip), skipped: 0 };
    }
    const ids = new Set<string>(rooms.map((r) => r.id));
    const placed = latestPlacements(data.placements);
    const inScope = data.assets.filter((a) => {
      const home = expectedRoom(a, placed.get(a.id));
      return home !== undefined && ids.has(home);
    });
    const { items, skipped } = assetLabelItems(inScope);
    return { spec, pages: layoutLabels(spec, items, skip), skipped };
  }, [data, scope, mode, labelSpec, labelKind, skip]);

  if (!data) return <section className="view view-sheets"><p className="muted">Loading…</p></section>;

  const job = () => ({
    paper: mode === 'labels' && labels ? labels.spec.paper : paper,
    orientation: mode === 'labels' ? ('portrait' as const) : orientation,
    title: set?.title ?? 'Wardwalk sheets',
  });
  const run = async (what: 'print' | 'pdf') => {
    const r = what === 'print' ? await printDocument(job()) : await savePdf(job());
    notify(r.ok ? 'success' : 'warning', r.message);
  };

  return (
    <section className="view view-sheets" aria-labelledby="sheets-title">
      <div className="no-print">
        <header className="view-header">
          <h1 id="sheets-title">Room sheets &amp; labels</h1>
          <p className="muted">Print what the audit walk needs, one section per room; key the ticked results back in afterwards.</p>
        </header>
        <div className="sheets-tabs" role="tablist" aria-label="Sheets">
          {(
            [
              ['sheets', 'Room sheets'],
              ['labels', 'Labels'],
              ['keyback', 'Key results back'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={mode === id} className={mode === id ? 'sheets-tab active' : 'sheets-tab'} onClick={() => setMode(id)}>
              {label}
            </button>
          ))}
        </div>
        <div className="card sheets-controls">
          <div className="sheets-field">
            <label htmlFor="sh-kind">Scope</label>
            <select id="sh-kind" value={kind} onChange={(e) => setKind(e.target.value as ScopeKind)}>
              <option value="room">One room</option>
              <option value="floor">A floor</option>
              <option value="department">A department</option>
              <option value="survey" disabled={surveys.length === 0}>A survey round</option>
              <option value="site">Whole site</option>
            </select>
          </div>
          {kind === 'department' ? (
            <div className="sheets-field">
              <label htmlFor="sh-dept">Department</label>
              <select id="sh-dept" value={dept} onChange={(e) => setDepartment(e.target.value)}>
                {depts.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </div>
          ) : kind === 'survey' ? (
            <div className="sheets-field">
              <label htmlFor="sh-survey">Survey round</label>
              <select id="sh-survey" value={survey?.id ?? ''} onChange={(e) => setSurveyId(e.target.value)}>
                {surveys.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </div>
          ) : (
            <>
              <div className="sheets-field">
                <label htmlFor="sh-site">Site</label>
                <select id="sh-site" value={site?.id ?? ''} onChange={(e) => setSiteId(e.target.value)}>
                  {data.sites.map((s) => (
                    <option key={s.id} value={s.id}>{s.name}</option>
                  ))}
                </select>
              </div>
              {kind !== 'site' ? (
                <>
                  <div className="sheets-field">
                    <label htmlFor="sh-building">Building</label>
                    <select id="sh-building" value={building?.id ?? ''} onChange={(e) => setBuildingId(e.target.value)}>
                      {buildings.map((b) => (
                        <option key={b.id} value={b.id}>{b.name}</option>
                      ))}
                    </select>
                  </div>
                  <div className="sheets-field">
                    <label htmlFor="sh-floor">Floor</label>
                    <select id="sh-floor" value={floor?.id ?? ''} onChange={(e) => setFloorId(e.target.value)}>
                      {floors.map((f) => (
                        <option key={f.id} value={f.id}>{f.name}</option>
                      ))}
                    </select>
                  </div>
                </>
              ) : null}
              {kind === 'room' ? (
                <div className="sheets-field">
                  <label htmlFor="sh-room">Room</label>
                  <select id="sh-room" value={room?.id ?? ''} onChange={(e) => setRoomId(e.target.value as RoomId)}>
                    {floorRooms.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.number}
                        {r.name ? ` — ${r.name}` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </>
          )}
          {mode === 'sheets' ? (
            <>
              <div className="sheets-field">
                <label htmlFor="sh-paper">Paper</label>
                <select id="sh-paper" value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
                  <option value="A4">A4</option>
                  <option value="Letter">US Letter</option>
                </select>
              </div>
              <div className="sheets-field">
                <label htmlFor="sh-orient">Orientation</label>
                <select id="sh-orient" value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
                  <option value="portrait">Portrait</option>
                  <option value="landscape">Landscape</option>
                </select>
              </div>
            </>
          ) : null}
          {mode !== 'labels' ? (
            <>
              <div className="sheets-field">
                <label htmlFor="sh-date">Date</label>
                <input id="sh-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
              </div>
              <div className="sheets-field">
                <label htmlFor="sh-who">Surveyor</label>
                <input id="sh-who" value={who} placeholder="Name on the sheet" maxLength={80} onChange={(e) => setWho(e.target.value)} />
              </div>
            </>
          ) : (
            <>
              <div className="sheets-field">
                <label htmlFor="lb-kind">Labels for</label>
                <select id="lb-kind" value={labelKind} onChange={(e) => setLabelKind(e.target.value as 'asset' | 'room')}>
                  <option value="asset">Assets (tag barcode)</option>
                  <option value="room">Rooms (walk-mode code)</option>
                </select>
              </div>
              <div className="sheets-field">
                <label htmlFor="lb-spec">Label sheet</label>
                <select id="lb-spec" value={labelSpec} onChange={(e) => setLabelSpec(e.target.value)}>
                  {LABEL_SHEETS.map((s) => (
                    <option key={s.id} value={s.id}>{s.name}</option>
                  ))}
                </select>
              </div>
              {labelKind === 'room' ? (
                <div className="sheets-field">
                  <label htmlFor="lb-code">Room code</label>
                  <select id="lb-code" value={roomCode} onChange={(e) => setRoomCode(e.target.value as RoomCode)}>
                    <option value="qr">QR</option>
                    <option value="code128">Code 128</option>
                  </select>
                </div>
              ) : null}
              <div className="sheets-field">
                <label htmlFor="lb-skip">Skip used labels</label>
                <input id="lb-skip" type="number" min={0} max={79} value={skip} onChange={(e) => setSkip(Math.max(0, Number(e.target.value) || 0))} />
              </div>
              <label className="sheets-check">
                <input type="checkbox" checked={outline} onChange={(e) => setOutline(e.target.checked)} /> Show label outlines (preview and test prints)
              </label>
            </>
          )}
        </div>
        {mode !== 'keyback' ? (
          <div className="sheets-actions">
            <div className="button-row">
              <button type="button" className="primary" disabled={!set || set.sections.length === 0} onClick={() => void run('print')}>
                Print…
              </button>
              <button type="button" disabled={!set || set.sections.length === 0} onClick={() => void run('pdf')} title={canSavePdf() ? 'Save as PDF' : 'Opens the print dialog: choose "Save as PDF"'}>
                Save as PDF…
              </button>
              {mode === 'sheets' ? (
                <button
                  type="button"
                  disabled={!set || set.sections.length === 0}
                  onClick={() => {
                    if (!set) return;
                    const name = downloadWorkbook(set);
                    notify('success', `Exported ${name}.`);
                  }}
                >
                  Export .xlsx
                </button>
              ) : null}
            </div>
            <div className="sheets-summary" aria-live="polite">
              {mode === 'sheets' && set ? (
                <span data-testid="sheet-summary">
                  {set.title}: {set.totals.rooms} rooms, {set.totals.assets} assets ({set.totals.highRisk} high risk), {set.pageCount} pages
                </span>
              ) : mode === 'labels' && labels ? (
                <span data-testid="label-summary">
                  {labels.pages.reduce((n, p) => n + p.labels.length, 0)} labels on {labels.pages.length} sheets
                  {labels.skipped ? ` · ${labels.skipped} assets without tag or serial left out` : ''}
                </span>
              ) : null}
              <label className="sheets-zoom">
                Preview size
                <input type="range" min={0.4} max={1.2} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} aria-label="Preview size" />
              </label>
            </div>
          </div>
        ) : null}
      </div>
      {data.rooms.filter((r) => !r.deleted).length === 0 ? (
        <p className="card no-print">No rooms yet. Draw rooms on a floor plan (or import an inventory with room numbers) and their sheets appear here.</p>
      ) : mode === 'keyback' ? (
        set ? <div className="no-print"><KeyBackForm key={JSON.stringify(scope)} set={set} data={data as SheetData} by={who.trim() || surveyor} surveyId={kind === 'survey' ? survey?.id : undefined} /></div> : null
      ) : (
        <div className="print-host">
          {mode === 'sheets' && set ? (
            set.sections.length ? <SheetDocument set={set} zoom={zoom} /> : <p className="muted no-print">No rooms in this scope.</p>
          ) : mode === 'labels' && labels ? (
            <LabelDocument spec={labels.spec} pages={labels.pages} roomCode={roomCode} outline={outline} zoom={zoom} />
          ) : null}
        </div>
      )}
    </section>
  );
}
