// Floor plans: import a plan (image or PDF page), calibrate, draw rooms (rectangles, polygons), edit,
// merge, import room lists and small asset lists, and place devices by dragging them onto rooms (or,
// without a mouse, by choosing a device and a room). Every change is a named, undoable action.
import { useMemo, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { FloorId, RoomId, AssetId } from '../../../../core/model/ids';
import type { FloorPlanImage, Point, Room } from '../../../../core/model/location';
import { calibrate, area, areaM2 } from '../../../../core/survey/geometry';
import { suggestRoomNumber } from '../../../../core/survey/room-edits';
import { computeLocations, latestPlacements } from '../../../../core/survey/locations';
import { assetSeenAt } from '../../../../core/survey/hints';
import { mapAssetRows, mapRoomRows } from '../../../../core/survey/sheet-rows';
import { shortType } from '../../../../core/survey/types';
import { calibrateFloor, createRoom, deleteRoom, importAssets, importRooms, mergeRoomsAction, placeAsset, setFloorPlan, updateRoom } from '../../actions/rooms';
import { undoLast } from '../../actions/registry';
import { notify, useStore } from '../../store';
import { useAssets, useConfirmations, useDevices, useFloor, useFloorOptions, usePlacements, useRooms, useWalk, useWalkSettings } from '../walk/data';
import { FloorPicker } from '../walk/FloorPicker';
import { PlanCanvas } from './PlanCanvas';
import type { PlanCanvasHandle, PlanMode } from './PlanCanvas';
import { buildPins, assetLabel } from './pins';
import { imageToPlan, isPdf, pdfPageCount, pdfPageToPlan, readSheet } from './plan-import';
import { DemoOffer } from './DemoOffer';

export function FloorPlanView() {
  const floorOptions = useFloorOptions();
  const floorId = useWalk((s) => s.floorId) as FloorId | undefined;
  const floor = useFloor(floorId);
  const rooms = useRooms(floorId);
  const assets = useAssets();
  const placementsRaw = usePlacements();
  const confirmations = useConfirmations();
  const devices = useDevices();
  const settings = useWalkSettings();
  const by = useStore((s) => s.surveyor);
  const canvas = useRef<PlanCanvasHandle>(null);
  const planFile = useRef<HTMLInputElement>(null);
  const roomFile = useRef<HTMLInputElement>(null);
  const assetFile = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<PlanMode>('select');
  const [selected, setSelected] = useState<string>();
  const [mergeWith, setMergeWith] = useState<string | undefined>();
  const [merging, setMerging] = useState(false);
  const [pending, setPending] = useState<Point[] | undefined>();
  const [calib, setCalib] = useState<[Point, Point] | undefined>();
  const [pdf, setPdf] = useState<{ file: File; pages: number } | undefined>();
  const [showPins, setShowPins] = useState(true);
  const [pickAsset, setPickAsset] = useState<string>();
  const [busy, setBusy] = useState(false);

  const now = Date.now();
  const placements = useMemo(() => latestPlacements(placementsRaw ?? []), [placementsRaw]);
  const locations = useMemo(
    () => computeLocations(assets ?? [], confirmations ?? [], placementsRaw ?? [], { now, staleDays: settings.staleDays, auditDays: settings.auditDays, seenAt: assetSeenAt(devices ?? [], assets ?? []) }),
    [assets, confirmations, placementsRaw, devices, settings.staleDays, settings.auditDays],
  );
  const pins = useMemo(() => buildPins(rooms ?? [], assets ?? [], locations, placements, now, settings.staleDays, floor?.plan), [rooms, assets, locations, placements, settings.staleDays, floor?.plan]);
  const roomIds = useMemo(() => new Set((rooms ?? []).map((r) => r.id)), [rooms]);
  const unplaced = useMemo(() => (assets ?? []).filter((a) => !(a.roomId && roomIds.has(a.roomId)) && !placements.get(a.id)), [assets, roomIds, placements]);
  const onFloor = useMemo(() => (assets ?? []).filter((a) => a.roomId && roomIds.has(a.roomId)), [assets, roomIds]);

  if (floorOptions && floorOptions.length === 0) {
    return (
      <section className="view" aria-labelledby="fp-title">
        <header className="view-header">
          <h1 id="fp-title">Floor plans</h1>
          <p className="muted">Plans, rooms and where each device belongs.</p>
        </header>
        <DemoOffer />
      </section>
    );
  }

  const room = rooms?.find((r) => r.id === selected);
  const mpp = floor?.plan?.metresPerPixel;

  const onPlanFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f || !floorId) return;
    setBusy(true);
    try {
      if (isPdf(f)) {
        const pages = await pdfPageCount(f);
        if (pages > 1) {
          setPdf({ file: f, pages });
          return;
        }
        await savePlan(await pdfPageToPlan(f, 1), f.name);
      } else await savePlan(await imageToPlan(f), f.name);
    } catch (err) {
      notify('error', `${f.name} could not be used as a plan.`, err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const savePlan = async (plan: FloorPlanImage, fileName: string) => {
    if (!floorId) return;
    if (await setFloorPlan({ floorId, plan, fileName, by })) notify('success', `Plan imported (${plan.width}×${plan.height} px). Calibrate it, then draw rooms.`);
  };

  const onSheet = async (e: ChangeEvent<HTMLInputElement>, kind: 'rooms' | 'assets') => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f || !floorId) return;
    setBusy(true);
    try {
      const rows = await readSheet(f);
      if (kind === 'rooms') {
        const r = mapRoomRows(rows);
        if (!r.items.length) throw new Error(r.problems[0] ?? 'No rooms found.');
        await importRooms({
          floorId,
          drafts: r.items,
          fileName: f.name,
          by,
          onResult: (added, skipped) =>
            notify(
              r.problems.length || skipped ? 'warning' : 'success',
              `Imported ${added} rooms from ${f.name}${skipped ? ` (${skipped} already on this floor)` : ''}. Select one without an outline and draw it on the plan.`,
              r.problems.slice(0, 3).join(' ') || undefined,
            ),
        });
      } else {
        const r = mapAssetRows(rows);
        if (!r.items.length) throw new Error(r.problems[0] ?? 'No assets found.');
        await importAssets({
          floorId,
          drafts: r.items,
          fileName: f.name,
          by,
          onResult: (added, skipped) =>
            notify(r.problems.length || skipped ? 'warning' : 'success', `Imported ${added} assets from ${f.name}${skipped ? ` (${skipped} tags already known)` : ''}.`, r.problems.slice(0, 3).join(' ') || undefined),
        });
      }
    } catch (err) {
      notify('error', `${f.name} was not imported.`, err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const onRoomClick = async (id: string | undefined) => {
    if (merging && room && id && id !== room.id) {
      setMergeWith(id);
      return;
    }
    setSelected(id);
    setMerging(false);
    setMergeWith(undefined);
  };

  const onShape = async (points: Point[]) => {
    if (room && !room.shape) {
      await updateRoom({ id: room.id, patch: { shape: points }, by, what: `Lay out room ${room.number}` });
      return;
    }
    setPending(points);
  };

  const onDropItem = async (data: string, at: Point, roomId: string | undefined) => {
    const r = rooms?.find((x) => x.id === roomId);
    if (!r) {
      notify('warning', 'Drop the device inside a room outline.');
      return;
    }
    await placeAsset({ assetId: data as AssetId, roomId: r.id, x: at.x, y: at.y, by, roomLabel: `room ${r.number}` });
  };

  const tool = (m: PlanMode, label: string, key: string) => (
    <button type="button" aria-pressed={mode === m} onClick={() => setMode(m)} aria-keyshortcuts={key} title={`${label} (${key})`}>
      {label}
    </button>
  );

  const hint = merging
    ? `Click the room to merge into ${room?.number ?? ''}.`
    : mode === 'rect'
      ? 'Drag to draw a rectangular room. Shift-drag or two fingers pan.'
      : mode === 'polygon'
        ? 'Click corners; click the first corner, double-click or press Enter to close. Backspace removes a corner.'
        : mode === 'calibrate'
          ? 'Click two points a known distance apart (e.g. the ends of a wall).'
          : 'Click a room to edit it. Drag to pan, wheel or pinch to zoom. Drag devices from the list onto rooms.';

  return (
    <section className="view" aria-labelledby="fp-title" onKeyDown={(e) => {
      if ((e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
      const m = ({ v: 'select', r: 'rect', p: 'polygon', k: 'calibrate' } as Record<string, PlanMode>)[e.key];
      if (m) setMode(m);
    }}>
      <header className="view-header toolbar">
        <h1 id="fp-title" style={{ marginRight: 12 }}>Floor plans</h1>
        <FloorPicker />
        <span className="muted">{floor?.plan ? `${floor.plan.width}×${floor.plan.height} px${mpp ? ` · 1 m = ${(1 / mpp).toFixed(1)} px` : ' · not calibrated'}` : 'No plan yet'}</span>
      </header>
      <div className="fp-layout">
        <div className="fp-main">
          <div className="toolbar" role="toolbar" aria-label="Plan tools">
            <button type="button" className="primary" disabled={busy || !floorId} onClick={() => planFile.current?.click()}>
              Import plan…
            </button>
            <input ref={planFile} type="file" hidden accept=".png,.jpg,.jpeg,.svg,.pdf,image/png,image/jpeg,image/svg+xml,application/pdf" aria-label="Plan file" onChange={onPlanFile} />
            <span className="sep" />
            {tool('select', 'Select', 'V')}
            {tool('rect', 'Rectangle', 'R')}
            {tool('polygon', 'Polygon', 'P')}
            {tool('calibrate', 'Calibrate', 'K')}
            <span className="sep" />
            <button type="button" onClick={() => canvas.current?.zoomBy(1.25)} aria-label="Zoom in">+</button>
            <button type="button" onClick={() => canvas.current?.zoomBy(0.8)} aria-label="Zoom out">−</button>
            <button type="button" onClick={() => canvas.current?.fit()}>Fit</button>
            <label className="muted" style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
              <input type="checkbox" checked={showPins} onChange={(e) => setShowPins(e.target.checked)} /> Pins
            </label>
            <span className="sep" />
            <button type="button" onClick={() => void undoLast().then((l) => l && notify('info', `Undone: ${l}`))} title="Undo (Ctrl+Z)">
              Undo
            </button>
          </div>
          <div className="tool-hint" aria-live="polite">{hint}</div>
          {pdf ? (
            <PdfPagePicker
              pages={pdf.pages}
              onPick={async (n) => {
                setBusy(true);
                try {
                  await savePlan(await pdfPageToPlan(pdf.file, n), `${pdf.file.name} p.${n}`);
                } catch (err) {
                  notify('error', 'The PDF page could not be rendered.', err instanceof Error ? err.message : String(err));
                } finally {
                  setBusy(false);
                  setPdf(undefined);
                }
              }}
              onCancel={() => setPdf(undefined)}
            />
          ) : null}
          <PlanCanvas
            ref={canvas}
            plan={floor?.plan}
            rooms={rooms ?? []}
            pins={pins}
            showPins={showPins}
            selectedRoomId={selected}
            mergeRoomId={mergeWith}
            mode={merging ? 'select' : mode}
            onRoomClick={(id) => void onRoomClick(id)}
            onShape={(p) => void onShape(p)}
            onCalibrate={(a, b) => setCalib([a, b])}
            onDropItem={(d, at, r) => void onDropItem(d, at, r)}
          />
          <div className="legend" aria-label="Pin legend">
            <span><i style={{ background: '#1f7a44' }} />confirmed today</span>
            <span><i style={{ background: '#0b6e99' }} />within {settings.staleDays} d</span>
            <span><i style={{ background: '#b36b00' }} />stale</span>
            <span><i style={{ background: '#6b7785' }} />never confirmed</span>
            <span><i style={{ background: '#fff', border: '3px solid #d93a00' }} />moved</span>
            <span>{pins.length} pins</span>
          </div>
        </div>
        <aside className="fp-side" aria-label="Rooms and devices">
          {calib ? (
            <CalibrateForm
              px={Math.hypot(calib[1].x - calib[0].x, calib[1].y - calib[0].y)}
              onCancel={() => setCalib(undefined)}
              onSave={async (metres) => {
                const m = calibrate(calib[0], calib[1], metres);
                if (!m || !floorId) {
                  notify('error', 'Choose two points further apart and a positive distance.');
                  return;
                }
                if (await calibrateFloor({ floorId, metresPerPixel: m, by })) {
                  setCalib(undefined);
                  setMode('select');
                  notify('success', `Calibrated: 1 m = ${(1 / m).toFixed(1)} px.`);
                }
              }}
            />
          ) : null}
          {pending && floorId ? (
            <NewRoomForm
              key={pending.map((p) => p.x).join()}
              floorId={floorId}
              rooms={rooms ?? []}
              shape={pending}
              mpp={mpp}
              onDone={() => setPending(undefined)}
            />
          ) : null}
          {room ? (
            <RoomEditor
              key={room.id + room.version}
              room={room}
              mpp={mpp}
              assets={onFloor.filter((a) => a.roomId === room.id)}
              merging={merging}
              mergeWith={rooms?.find((r) => r.id === mergeWith)}
              onStartMerge={() => {
                setMerging(true);
                setMergeWith(undefined);
              }}
              onPickMerge={setMergeWith}
              others={(rooms ?? []).filter((r) => r.id !== room.id)}
              onCancelMerge={() => {
                setMerging(false);
                setMergeWith(undefined);
              }}
              onMerged={() => {
                setMerging(false);
                setMergeWith(undefined);
              }}
              onDeleted={() => setSelected(undefined)}
            />
          ) : null}
          <div className="card">
            <h2>Rooms ({rooms?.length ?? 0})</h2>
            <ul className="room-list" aria-label="Rooms on this floor">
              {(rooms ?? []).map((r) => (
                <li key={r.id}>
                  <button type="button" className={r.id === selected ? 'selected' : ''} aria-pressed={r.id === selected} onClick={() => void onRoomClick(r.id)}>
                    <span>
                      <strong>{r.number}</strong> {r.name ?? ''}
                    </span>
                    <small className="muted">{r.shape ? r.department ?? '' : 'not on plan'}</small>
                  </button>
                </li>
              ))}
            </ul>
            <div className="button-row" style={{ marginTop: 8 }}>
              <button type="button" disabled={busy || !floorId} onClick={() => roomFile.current?.click()}>
                Import room list…
              </button>
              <input ref={roomFile} type="file" hidden accept=".xlsx,.xls,.ods,.csv" aria-label="Room list file" onChange={(e) => void onSheet(e, 'rooms')} />
              <button type="button" disabled={busy || !floorId} onClick={() => assetFile.current?.click()}>
                Import assets…
              </button>
              <input ref={assetFile} type="file" hidden accept=".xlsx,.xls,.ods,.csv" aria-label="Asset list file" onChange={(e) => void onSheet(e, 'assets')} />
            </div>
          </div>
          <div className="card">
            <h2>Devices without a room ({unplaced.length})</h2>
            {unplaced.length === 0 ? (
              <p className="muted">Every device has a room on some floor.</p>
            ) : (
              <>
                <p className="muted" style={{ marginTop: 0 }}>Drag onto a room, or choose one and press “Place in selected room”.</p>
                <ul className="asset-list" aria-label="Devices without a room">
                  {unplaced.slice(0, 300).map((a) => (
                    <li key={a.id}>
                      <div
                        className={`item${pickAsset === a.id ? ' selected' : ''}`}
                        draggable
                        role="button"
                        tabIndex={0}
                        aria-pressed={pickAsset === a.id}
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/x-wardwalk-asset', a.id);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onClick={() => setPickAsset(a.id)}
                        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setPickAsset(a.id))}
                      >
                        <span>{assetLabel(a)}</span>
                        <small className="muted">{shortType(a.type)}</small>
                      </div>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  style={{ marginTop: 8 }}
                  disabled={!pickAsset || !room}
                  onClick={() => room && pickAsset && void placeAsset({ assetId: pickAsset as AssetId, roomId: room.id, by, roomLabel: `room ${room.number}` }).then(() => setPickAsset(undefined))}
                >
                  Place in selected room{room ? ` (${room.number})` : ''}
                </button>
              </>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}

function PdfPagePicker({ pages, onPick, onCancel }: { pages: number; onPick: (n: number) => void; onCancel: () => void }) {
  const [n, setN] = useState('1');
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onPick(Math.max(1, Math.min(pages, Number(n) || 1)));
      }}
    >
      <label htmlFor="pdf-page">The PDF has {pages} pages. Page:</label>
      <input id="pdf-page" type="number" min={1} max={pages} value={n} onChange={(e) => setN(e.target.value)} autoFocus />
      <button type="submit" className="primary">Use page</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

function CalibrateForm({ px, onSave, onCancel }: { px: number; onSave: (m: number) => void; onCancel: () => void }) {
  const [m, setM] = useState('');
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Number(m.replace(',', '.')));
      }}
    >
      <h2>Calibrate</h2>
      <p className="muted">The two points are {px.toFixed(0)} px apart on the plan. How far apart are they really?</p>
      <div className="inline-form">
        <label htmlFor="calib-m" className="sr-only">Distance in metres</label>
        <input id="calib-m" inputMode="decimal" placeholder="metres, e.g. 12.5" value={m} onChange={(e) => setM(e.target.value)} autoFocus />
        <button type="submit" className="primary">Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function RoomFields({ v, set, idp }: { v: Record<string, string>; set: (k: string, x: string) => void; idp: string }) {
  return (
    <div className="form-grid">
      {(
        [
          ['number', 'Number'],
          ['name', 'Name'],
          ['department', 'Department'],
          ['type', 'Type'],
        ] as const
      ).map(([k, label]) => (
        <FragmentField key={k} id={`${idp}-${k}`} label={label} value={v[k] ?? ''} onChange={(x) => set(k, x)} autoFocus={k === 'number'} list={k === 'type' ? 'room-types' : undefined} />
      ))}
      <datalist id="room-types">
        {['Patient room', 'Bay', 'ICU bed', 'Nurse station', 'Clean utility', 'Dirty utility', 'Equipment store', 'Treatment room', 'Office', 'Corridor'].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </div>
  );
}

function FragmentField({ id, label, value, onChange, autoFocus, list }: { id: string; label: string; value: string; onChange: (v: string) => void; autoFocus?: boolean; list?: string | undefined }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} list={list} />
    </>
  );
}

function NewRoomForm({ floorId, rooms, shape, mpp, onDone }: { floorId: FloorId; rooms: Room[]; shape: Point[]; mpp: number | undefined; onDone: () => void }) {
  const by = useStore((s) => s.surveyor);
  const [v, setV] = useState<Record<string, string>>({ number: suggestRoomNumber(rooms, floorId) });
  const unlaid = rooms.filter((r) => !r.shape);
  const [existing, setExisting] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (existing) {
      const r = rooms.find((x) => x.id === existing);
      if (r && (await updateRoom({ id: r.id, patch: { shape }, by, what: `Lay out room ${r.number}` }))) onDone();
      return;
    }
    const args: Parameters<typeof createRoom>[0] = { floorId, number: v['number'] ?? '', shape, by };
    for (const k of ['name', 'department', 'type'] as const) if (v[k]?.trim()) args[k] = v[k];
    if (await createRoom(args)) onDone();
  };
  const m2 = areaM2(shape, mpp);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-label="New room">
      <h2>New room</h2>
      <p className="muted" style={{ marginTop: 0 }}>{m2 !== undefined ? `${m2.toFixed(1)} m²` : `${area(shape).toFixed(0)} px²`}</p>
      {unlaid.length ? (
        <div className="form-grid" style={{ marginBottom: 8 }}>
          <label htmlFor="nr-existing">From room list</label>
          <select id="nr-existing" value={existing} onChange={(e) => setExisting(e.target.value)}>
            <option value="">— a new room —</option>
            {unlaid.map((r) => (
              <option key={r.id} value={r.id}>
                {r.number} {r.name ?? ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!existing ? <RoomFields v={v} set={(k, x) => setV({ ...v, [k]: x })} idp="nr" /> : null}
      <div className="button-row" style={{ marginTop: 10 }}>
        <button type="submit" className="primary">Add room</button>
        <button type="button" onClick={onDone}>Discard outline</button>
      </div>
    </form>
  );
}

function RoomEditor(props: {
  room: Room;
  mpp: number | undefined;
  assets: { id: string; assetTag?: string | undefined; serial?: string | undefined; type?: string | undefined }[];
  merging: boolean;
  mergeWith: Room | undefined;
  onStartMerge: () => void;
  onCancelMerge: () => void;
  onPickMerge: (id: string) => void;
  others: Room[];
  onMerged: () => void;
  onDeleted: () => void;
}) {
  const { room } = props;
  const by = useStore((s) => s.surveyor);
  const [v, setV] = useState<Record<string, string>>({ number: room.number, name: room.name ?? '', department: room.department ?? '', type: room.type ?? '' });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await updateRoom({ id: room.id, patch: { number: v['number'] ?? '', name: v['name'] ?? '', department: v['department'] ?? '', type: v['type'] ?? '' }, by, what: v['number'] !== room.number ? `Rename room ${room.number} to ${v['number']?.trim()}` : `Edit room ${room.number}` });
  };
  const m2 = room.shape ? areaM2(room.shape, props.mpp) : undefined;
  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-label={`Room ${room.number}`}>
      <h2>
        Room {room.number} {m2 !== undefined ? <small className="muted">· {m2.toFixed(1)} m²</small> : null}
      </h2>
      {!room.shape ? <p className="banner warning">Not on the plan yet: draw its outline with Rectangle or Polygon.</p> : null}
      <RoomFields v={v} set={(k, x) => setV({ ...v, [k]: x })} idp="re" />
      <OutlineFields room={room} mpp={props.mpp} by={by} />
      {room.jacks?.length ? <p className="muted">Wall jacks: {room.jacks.join(', ')}</p> : null}
      <p className="muted">{props.assets.length} devices belong here.</p>
      <div className="button-row">
        <button type="submit" className="primary">Save</button>
        {props.merging ? (
          props.mergeWith ? (
            <button
              type="button"
              onClick={() => void mergeRoomsAction({ keepId: room.id as RoomId, goneId: props.mergeWith!.id, by }).then((ok) => ok && (notify('success', `Merged ${props.mergeWith!.number} into ${room.number}.`), props.onMerged()))}
            >
              Merge {props.mergeWith.number} into {room.number}
            </button>
          ) : (
            <label className="toolbar">
              <span className="muted">Click the other room on the plan, or</span>
              <select aria-label="Room to merge" value="" onChange={(e) => e.target.value && props.onPickMerge(e.target.value)}>
                <option value="">choose…</option>
                {props.others.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.number} {r.name ?? ''}
                  </option>
                ))}
              </select>
            </label>
          )
        ) : (
          <button type="button" onClick={props.onStartMerge}>Merge with…</button>
        )}
        {props.merging ? <button type="button" onClick={props.onCancelMerge}>Cancel merge</button> : null}
        <button type="button" onClick={() => void deleteRoom({ id: room.id, by }).then((ok) => ok && props.onDeleted())}>Delete</button>
      </div>
    </form>
  );
}

/**
 * The room's outline as a rectangle typed in (metres when the plan is calibrated, else plan pixels):
 * laying rooms out works with the keyboard alone, not only by drawing with a pointer.
 */
function OutlineFields({ room, mpp, by }: { room: Room; mpp: number | undefined; by: string }) {
  const unit = mpp ? 'm' : 'px';
  const k = mpp ?? 1;
  const box = room.shape?.length
    ? {
        x: Math.min(...room.shape.map((p) => p.x)),
        y: Math.min(...room.shape.map((p) => p.y)),
        w: Math.max(...room.shape.map((p) => p.x)) - Math.min(...room.shape.map((p) => p.x)),
        h: Math.max(...room.shape.map((p) => p.y)) - Math.min(...room.shape.map((p) => p.y)),
      }
    : { x: 0, y: 0, w: mpp ? 4 / mpp : 100, h: mpp ? 3 / mpp : 80 };
  const fmt = (n: number) => String(Math.round((n * k) * 100) / 100);
  const [f, setF] = useState({ x: fmt(box.x), y: fmt(box.y), w: fmt(box.w), h: fmt(box.h) });
  const nums = [f.x, f.y, f.w, f.h].map(Number);
  const valid = nums.every((n) => Number.isFinite(n)) && nums[2]! > 0 && nums[3]! > 0 && nums[0]! >= 0 && nums[1]! >= 0;
  const apply = async () => {
    if (!valid) return;
    const [x, y, w, h] = nums.map((n) => n / k) as [number, number, number, number];
    const shape = [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
    await updateRoom({ id: room.id, patch: { shape }, by, what: `Set the outline of room ${room.number}` });
  };
  const field = (key: 'x' | 'y' | 'w' | 'h', label: string) => (
    <label className="outline-field">
      <span>{label} ({unit})</span>
      <input inputMode="decimal" aria-label={`Outline ${label.toLowerCase()} (${unit})`} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
    </label>
  );
  return (
    <fieldset className="outline-fields">
      <legend>Outline (rectangle)</legend>
      {field('x', 'Left')}
      {field('y', 'Top')}
      {field('w', 'Width')}
      {field('h', 'Height')}
      <button type="button" onClick={() => void apply()} disabled={!valid}>
        Set outline
      </button>
    </fieldset>
  );
}
