// Walk mode: stand in a room, confirm what is there. Choose the room by clicking the plan, typing its
// number or scanning its label; confirm devices by scanning (keyboard wedge, anywhere on the page),
// typing a tag or serial, ticking, or accepting a network hint. Unknown tags open a quick form.
import { useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AssetId, DeviceId, FloorId, RoomId } from '../../../../core/model/ids';
import type { Asset } from '../../../../core/model/asset';
import type { ConfirmationHow, Room } from '../../../../core/model/location';
import { parseScan } from '../../../../core/survey/barcodes';
import { looksScanned } from '../../../../core/survey/scanner';
import { computeLocations, findAssetByCode, formatAge, isRetracted, latestPlacements } from '../../../../core/survey/locations';
import { assetSeenAt, currentJacks, hintReference, recentCandidates } from '../../../../core/survey/hints';
import { surveyProgress } from '../../../../core/survey/rounds';
import { DEVICE_TYPES } from '../../../../core/fingerprint/taxonomy';
import { shortType } from '../../../../core/survey/types';
import { confirmAsset, createAndConfirm, rememberJack } from '../../actions/walk';
import type { QuickAsset } from '../../actions/walk';
import { markRoomDone } from '../../actions/surveys';
import { db } from '../../db/schema';
import { useStore } from '../../store';
import { PlanCanvas } from '../floorplan/PlanCanvas';
import { assetLabel, buildPins } from '../floorplan/pins';
import { rememberSurveyor, useAllRooms, useAssets, useConfirmations, useDevices, useFloor, usePlacements, useRememberedSurveyor, useRooms, useSurveys, useWalk, useWalkSettings, walkState } from './data';
import { FloorPicker } from './FloorPicker';
import { useWedgeScanner } from './useWedgeScanner';

type Flash = { kind: 'ok' | 'moved' | 'err'; text: string };

export function WalkView() {
  const floorId = useWalk((s) => s.floorId) as FloorId | undefined;
  const roomId = useWalk((s) => s.walkRoomId) as RoomId | undefined;
  const setRoomId = useWalk((s) => s.setWalkRoomId);
  const activeSurveyId = useWalk((s) => s.activeSurveyId);
  const setActiveSurveyId = useWalk((s) => s.setActiveSurveyId);
  const floor = useFloor(floorId);
  const rooms = useRooms(floorId);
  const allRooms = useAllRooms();
  const assets = useAssets();
  const placementsRaw = usePlacements();
  const confirmations = useConfirmations();
  const devices = useDevices();
  const surveys = useSurveys();
  const settings = useWalkSettings();
  const by = useStore((s) => s.surveyor);
  const setSurveyor = useStore((s) => s.setSurveyor);
  useRememberedSurveyor();
  const [flash, setFlash] = useState<Flash>();
  const [unknown, setUnknown] = useState<string>();
  const [tab, setTab] = useState<'room' | 'moved' | 'missing'>('room');
  const [now, setNow] = useState(() => Date.now());
  /** Ticked, confirmation being written: shown checked at once (optimistic). */
  const [ticking, setTicking] = useState<ReadonlySet<string>>(new Set());

  const room = rooms?.find((r) => r.id === roomId);
  const running = (surveys ?? []).filter((s) => s.finishedAt === undefined);
  const survey = running.find((s) => s.id === activeSurveyId);
  const roomById = useMemo(() => new Map((allRooms ?? []).map((r) => [r.id, r])), [allRooms]);
  const placements = useMemo(() => latestPlacements(placementsRaw ?? []), [placementsRaw]);
  const seenAt = useMemo(() => assetSeenAt(devices ?? [], assets ?? []), [devices, assets]);
  const locations = useMemo(
    () => computeLocations(assets ?? [], confirmations ?? [], placementsRaw ?? [], { now, staleDays: settings.staleDays, auditDays: settings.auditDays, seenAt }),
    [assets, confirmations, placementsRaw, now, settings.staleDays, settings.auditDays, seenAt],
  );
  const pins = useMemo(() => buildPins(rooms ?? [], assets ?? [], locations, placements, now, settings.staleDays, floor?.plan), [rooms, assets, locations, placements, now, settings.staleDays, floor?.plan]);
  const progress = useMemo(() => (survey ? surveyProgress(survey, confirmations ?? []) : undefined), [survey, confirmations]);
  const doneRooms = useMemo(() => new Set<string>(progress?.roomsVisited ?? []), [progress]);
  const assetById = useMemo(() => new Map((assets ?? []).map((a) => [a.id, a])), [assets]);

  const roomLabel = (id: string | undefined) => {
    const r = id ? roomById.get(id as RoomId) : undefined;
    return r ? r.number : '—';
  };

  const chooseRoom = (r: Room | undefined, how: string) => {
    if (!r) return;
    if (r.floorId !== floorId) walkState().setFloorId(r.floorId);
    setRoomId(r.id);
    setUnknown(undefined);
    setFlash({ kind: 'ok', text: `Room ${r.number}${r.name ? ` — ${r.name}` : ''} (${how})` });
  };

  const findRoom = (number: string) => {
    const k = number.replace(/\s+/g, '').toUpperCase();
    const match = (r: Room) => r.number.replace(/\s+/g, '').toUpperCase() === k;
    return rooms?.find(match) ?? allRooms?.find(match);
  };

  const confirm = async (asset: Asset, how: ConfirmationHow, deviceId?: DeviceId) => {
    if (!room) {
      setFlash({ kind: 'err', text: 'Choose the room first: click it on the plan, type its number, or scan its label.' });
      return;
    }
    const last = (confirmations ?? []).filter((c) => c.assetId === asset.id && !isRetracted(c)).at(-1);
    if (last && last.roomId === room.id && Date.now() - last.at < 10 * 60_000 && (!survey || last.surveyId === survey.id)) {
      setFlash({ kind: 'ok', text: `${assetLabel(asset)} was already confirmed here ${formatAge(Date.now() - last.at)} ago.` });
      return;
    }
    const args: Parameters<typeof confirmAsset>[0] = { assetId: asset.id, roomId: room.id, how, by, label: assetLabel(asset) };
    if (survey) args.surveyId = survey.id;
    if (deviceId) args.deviceId = deviceId;
    if (await confirmAsset(args)) {
      const c = await db().confirmations.orderBy('at').last();
      setNow(Date.now());
      if (c?.moved) setFlash({ kind: 'moved', text: `MOVED: ${assetLabel(asset)} (${shortType(asset.type)}) expected in ${roomLabel(c.moved.fromRoomId)}, confirmed in ${room.number}.` });
      else setFlash({ kind: 'ok', text: `✓ ${assetLabel(asset)} (${shortType(asset.type)}) confirmed in ${room.number}.` });
    }
  };

  const handleCode = (text: string, how: 'scan' | 'typed') => {
    const p = parseScan(text);
    if (!p) return;
    if (p.kind === 'room') {
      const r = findRoom(p.value);
      if (r) chooseRoom(r, how === 'scan' ? 'scanned' : 'typed');
      else setFlash({ kind: 'err', text: `No room ${p.value} on any floor.` });
      return;
    }
    const a = findAssetByCode(assets ?? [], p.value);
    if (a) void confirm(a, how);
    else if (!room) setFlash({ kind: 'err', text: `Unknown tag ${p.value}. Choose the room first, then scan it again to add it.` });
    else {
      setUnknown(p.value);
      setFlash({ kind: 'err', text: `Unknown tag ${p.value}: add it below, or scan again if it was misread.` });
    }
  };

  useWedgeScanner((t) => handleCode(t, 'scan'));

  const here = useMemo(() => {
    if (!room) return [];
    const list = (assets ?? []).filter((a) => {
      const loc = locations.get(a.id);
      return loc?.expectedRoomId === room.id || (loc?.lastRoomId === room.id && loc.moved);
    });
    return list.sort((a, b) => assetLabel(a).localeCompare(assetLabel(b)));
  }, [assets, locations, room]);

  const confirmedHere = useMemo(() => {
    const out = new Map<string, { at: number; how: ConfirmationHow; moved: boolean }>();
    if (!room) return out;
    for (const c of confirmations ?? []) {
      if (c.roomId !== room.id || !c.assetId || isRetracted(c)) continue;
      if (survey ? c.surveyId !== survey.id : now - c.at > 12 * 3_600_000) continue;
      out.set(c.assetId, { at: c.at, how: c.how, moved: !!c.moved });
    }
    // A later confirmation elsewhere means it left this room.
    for (const id of [...out.keys()]) if (locations.get(id as AssetId)?.lastRoomId !== room.id) out.delete(id);
    return out;
  }, [confirmations, room, survey, now, locations]);

  const hintWindow = settings.hintMinutes * 60_000;
  const hintRef = useMemo(() => hintReference(devices ?? [], now), [devices, now]);
  // Devices that belong in this room first, then other inventory devices, then unknown ones.
  const candidates = useMemo(() => {
    const rank = (c: ReturnType<typeof recentCandidates>[number]) => (!c.asset ? 2 : room && locations.get(c.asset.id)?.expectedRoomId === room.id ? 0 : 1);
    return recentCandidates(devices ?? [], assets ?? [], hintRef, hintWindow)
      .filter((c) => !c.asset || !confirmedHere.has(c.asset.id))
      .sort((a, b) => rank(a) - rank(b));
  }, [devices, assets, hintRef, hintWindow, confirmedHere, room, locations]);
  const [allHints, setAllHints] = useState(false);
  const jacks = useMemo(() => currentJacks(devices ?? [], allRooms ?? [], hintRef, hintWindow), [devices, allRooms, hintRef, hintWindow]);

  const movedList = useMemo(() => {
    const ids = survey ? progress?.moved ?? [] : [...locations.values()].filter((l) => l.moved).map((l) => l.assetId);
    return ids.map((id) => ({ asset: assetById.get(id), loc: locations.get(id) })).filter((x) => x.asset);
  }, [survey, progress, locations, assetById]);
  const missingList = useMemo(() => {
    const ids = survey ? progress?.notFound ?? [] : [...locations.values()].filter((l) => l.missing).map((l) => l.assetId);
    return ids.map((id) => ({ asset: assetById.get(id), loc: locations.get(id) })).filter((x) => x.asset);
  }, [survey, progress, locations, assetById]);

  return (
    <section className="view" aria-labelledby="walk-title">
      <header className="view-header toolbar">
        <h1 id="walk-title" style={{ marginRight: 12 }}>Ward walk</h1>
        <FloorPicker id="walk-floor" />
        <label className="toolbar">
          <span className="muted">Survey</span>
          <select aria-label="Survey" value={survey?.id ?? ''} onChange={(e) => setActiveSurveyId(e.target.value || undefined)}>
            <option value="">No survey (spot checks)</option>
            {running.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar">
          <span className="muted">You</span>
          <input aria-label="Your name" value={by} onChange={(e) => setSurveyor(e.target.value)} onBlur={(e) => void rememberSurveyor(e.target.value)} style={{ width: 130 }} />
        </label>
        {progress ? (
          <span className="badge ok" aria-label="Survey progress">
            {progress.roomsDone}/{progress.roomsTotal} rooms · {progress.confirmedExpected}/{progress.expected} devices
          </span>
        ) : null}
      </header>
      <div className="walk-layout">
        <div className="fp-main">
          <PlanCanvas plan={floor?.plan} rooms={rooms ?? []} pins={pins} selectedRoomId={roomId} doneRoomIds={doneRooms} mode="select" onRoomClick={(id) => chooseRoom(rooms?.find((r) => r.id === id), 'clicked')} label="Floor plan: click the room you are in" />
          <RoomButtons rooms={rooms ?? []} current={roomId} done={doneRooms} onPick={(r) => chooseRoom(r, 'chosen')} />
        </div>
        <aside className="walk-side" aria-label="Walk">
          <div className="card">
            <div className="walk-room" aria-live="polite" data-testid="current-room">
              {room ? `Room ${room.number}` : 'No room chosen'}
              {room?.name ? <span className="muted" style={{ fontSize: 16, fontWeight: 400 }}> — {room.name}</span> : null}
            </div>
            <RoomNumberForm onSubmit={(n) => handleCode(n.toUpperCase().startsWith('ROOM:') ? n : `ROOM:${n}`, 'typed')} />
            <ScanBox onCode={handleCode} />
            {flash ? (
              <div className={`scan-flash ${flash.kind}`} role="status" data-testid="scan-flash">
                {flash.text}
              </div>
            ) : null}
            {survey && room ? (
              <button type="button" style={{ marginTop: 8 }} onClick={() => void markRoomDone({ surveyId: survey.id, roomId: room.id, done: !survey.roomsDone.includes(room.id), by })}>
                {survey.roomsDone.includes(room.id) ? 'Room done ✓ (undo)' : 'Mark room done'}
              </button>
            ) : null}
          </div>
          {unknown && room ? (
            <NewAssetForm
              code={unknown}
              onCancel={() => setUnknown(undefined)}
              onSave={async (fields) => {
                const args: Parameters<typeof createAndConfirm>[0] = { fields, roomId: room.id, roomNumber: room.number, how: 'typed', by };
                if (survey) args.surveyId = survey.id;
                if (await createAndConfirm(args)) {
                  setUnknown(undefined);
                  setNow(Date.now());
                  setFlash({ kind: 'ok', text: `✓ New asset ${fields.assetTag ?? fields.serial} added and confirmed in ${room.number}.` });
                }
              }}
            />
          ) : null}
          <div className="card">
            <div className="tabs" role="tablist" aria-label="Lists">
              {(
                [
                  ['room', `This room (${here.length})`],
                  ['moved', `Moved (${movedList.length})`],
                  ['missing', `${survey ? 'Not found yet' : 'Missing'} (${missingList.length})`],
                ] as const
              ).map(([id, label]) => (
                <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
                  {label}
                </button>
              ))}
            </div>
            {tab === 'room' ? (
              room ? (
                <ul className="check-list" aria-label="Devices in this room" style={{ marginTop: 8 }}>
                  {here.length === 0 ? <li className="muted">No device is expected here. Scan what you see.</li> : null}
                  {here.map((a) => {
                    const c = confirmedHere.get(a.id);
                    const loc = locations.get(a.id);
                    return (
                      <li key={a.id} className={c ? 'confirmed' : ''}>
                        <input
                          type="checkbox"
                          checked={!!c || ticking.has(a.id)}
                          disabled={!!c || ticking.has(a.id)}
                          aria-label={`Confirm ${assetLabel(a)}`}
                          onChange={() => {
                            setTicking(new Set([...ticking, a.id]));
                            void confirm(a, 'ticked').finally(() => setTicking((t) => new Set([...t].filter((x) => x !== a.id))));
                          }}
                        />
                        <div className="grow">
                          <div>
                            <strong>{assetLabel(a)}</strong> {shortType(a.type)}
                          </div>
                          <div className="sub">
                            {[a.maker, a.model, a.serial ? `SN ${a.serial}` : ''].filter(Boolean).join(' · ')}
                            {c ? ` · confirmed ${formatAge(now - c.at)} ago (${c.how})` : loc?.lastAt ? ` · last ${formatAge(now - loc.lastAt)} ago in ${roomLabel(loc.lastRoomId)}` : ' · never confirmed'}
                          </div>
                        </div>
                        {c?.moved || (loc?.moved && loc.lastRoomId === room.id) ? <span className="badge moved">moved here</span> : loc?.moved ? <span className="badge moved">in {roomLabel(loc.lastRoomId)}</span> : null}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="muted">Choose a room to see what should be there.</p>
              )
            ) : (
              <AssetTable
                rows={tab === 'moved' ? movedList : missingList}
                now={now}
                roomLabel={roomLabel}
                kind={tab}
                label={tab === 'moved' ? 'Moved devices' : 'Missing devices'}
              />
            )}
          </div>
          <div className="card" aria-label="Network hints">
            <h2>{now - hintRef > hintWindow ? 'On the network (last capture)' : 'On the network now'}</h2>
            {now - hintRef > hintWindow ? <p className="muted" style={{ marginTop: 0 }}>Nothing seen live: these come from the newest traffic on record, {formatAge(now - hintRef)} old.</p> : null}
            {jacks.length ? (
              <div style={{ marginBottom: 8 }}>
                {jacks.slice(0, 2).map((j) => (
                  <div key={j.jack} className="toolbar">
                    <span className="badge hint">jack {j.jack}</span>
                    {j.rooms.length ? (
                      <span className="muted">
                        remembered for {j.rooms.map((r) => r.number).join(', ')}
                        {room && !j.rooms.some((r) => r.id === room.id) ? ' (not this room)' : ''}
                      </span>
                    ) : null}
                    {j.rooms.length && !room ? (
                      <button type="button" className="small" onClick={() => chooseRoom(j.rooms[0], 'from wall jack')}>
                        Go to {j.rooms[0]!.number}
                      </button>
                    ) : null}
                    {room && !j.rooms.some((r) => r.id === room.id) ? (
                      <button type="button" className="small" onClick={() => void rememberJack({ roomId: room.id, jack: j.jack, by })}>
                        Remember for {room.number}
                      </button>
                    ) : null}
                  </div>
                ))}
              </div>
            ) : null}
            {candidates.length === 0 ? (
              <p className="muted">No device seen in the last {settings.hintMinutes} minutes. Start a capture or import one in Discovery.</p>
            ) : (
              <ul className="check-list" aria-label="Network candidates">
                {candidates.slice(0, allHints ? 300 : 8).map((c) => (
                  <li key={c.device.id}>
                    <div className="grow">
                      <div>{c.asset ? <strong>{assetLabel(c.asset)}</strong> : <span>{c.device.hostnames[0] ?? c.device.mac ?? c.device.ips[0] ?? 'device'}</span>} <span className="muted">{c.asset ? shortType(c.asset.type) : c.device.identity?.type?.value ?? ''}</span></div>
                      <div className="sub">
                        {c.device.mac ?? ''} · seen {formatAge(now - c.lastSeen)} ago{c.asset ? ` · belongs in ${roomLabel(locations.get(c.asset.id)?.expectedRoomId)}` : ' · not in the inventory'}
                      </div>
                    </div>
                    {c.asset && room ? (
                      <button type="button" className="small" onClick={() => void confirm(c.asset!, 'network', c.device.id)}>
                        It’s here
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {candidates.length > 8 ? (
              <button type="button" className="small" style={{ marginTop: 6 }} onClick={() => setAllHints(!allHints)}>
                {allHints ? 'Show fewer' : `Show all ${candidates.length}`}
              </button>
            ) : null}
            <p className="muted" style={{ fontSize: 12 }}>Hints only: a device is placed when a person confirms it.</p>
          </div>
        </aside>
      </div>
    </section>
  );
}

function RoomButtons({ rooms, current, done, onPick }: { rooms: Room[]; current: string | undefined; done: ReadonlySet<string>; onPick: (r: Room) => void }) {
  return (
    <div className="toolbar room-chips" role="group" aria-label="Rooms">
      {rooms.map((r) => (
        <button key={r.id} type="button" aria-pressed={r.id === current} onClick={() => onPick(r)} title={r.name}>
          {done.has(r.id) ? '✓ ' : ''}
          {r.number}
        </button>
      ))}
    </div>
  );
}

function RoomNumberForm({ onSubmit }: { onSubmit: (n: string) => void }) {
  const [v, setV] = useState('');
  return (
    <form
      className="inline-form"
      style={{ margin: '8px 0' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (v.trim()) onSubmit(v.trim());
        setV('');
      }}
    >
      <label htmlFor="walk-room-number" className="sr-only">
        Room number
      </label>
      <input id="walk-room-number" placeholder="Room number (or scan the door label)" value={v} onChange={(e) => setV(e.target.value)} />
      <button type="submit">Go</button>
    </form>
  );
}

/** Tag/serial box: Enter confirms; a fast burst (a scanner) is recorded as "scan", else "typed". */
function ScanBox({ onCode }: { onCode: (text: string, how: 'scan' | 'typed') => void }) {
  const [v, setV] = useState('');
  const times = useRef<number[]>([]);
  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key.length === 1) times.current.push(e.timeStamp);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = v.trim();
    const how = looksScanned(times.current) && times.current.length >= text.length ? 'scan' : 'typed';
    times.current = [];
    setV('');
    if (text) onCode(text, how);
  };
  return (
    <form className="scan-box" onSubmit={submit}>
      <label htmlFor="walk-scan" className="sr-only">
        Scan or type an asset tag or serial
      </label>
      <input
        id="walk-scan"
        placeholder="Scan or type a tag / serial"
        value={v}
        autoComplete="off"
        onKeyDown={onKeyDown}
        onChange={(e) => {
          if (!e.target.value) times.current = [];
          setV(e.target.value);
        }}
      />
      <button type="submit" className="primary">
        Confirm
      </button>
    </form>
  );
}

function NewAssetForm({ code, onSave, onCancel }: { code: string; onSave: (f: QuickAsset) => void; onCancel: () => void }) {
  const [f, setF] = useState<QuickAsset>({ assetTag: code });
  const set = (k: keyof QuickAsset, v: string) => setF({ ...f, [k]: v });
  return (
    <form
      className="card"
      aria-label="New asset"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(f);
      }}
    >
      <h2>New asset {code}</h2>
      <div className="form-grid">
        <label htmlFor="na-tag">Asset tag</label>
        <input id="na-tag" value={f.assetTag ?? ''} onChange={(e) => set('assetTag', e.target.value)} />
        <label htmlFor="na-type">Type</label>
        <select id="na-type" value={f.type ?? ''} onChange={(e) => set('type', e.target.value)} autoFocus>
          <option value="">— choose —</option>
          {DEVICE_TYPES.filter((t) => t.category === 'medical' || t.category === 'it').map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <label htmlFor="na-maker">Maker</label>
        <input id="na-maker" value={f.maker ?? ''} onChange={(e) => set('maker', e.target.value)} />
        <label htmlFor="na-model">Model</label>
        <input id="na-model" value={f.model ?? ''} onChange={(e) => set('model', e.target.value)} />
        <label htmlFor="na-serial">Serial</label>
        <input id="na-serial" value={f.serial ?? ''} onChange={(e) => set('serial', e.target.value)} />
      </div>
      <div className="button-row" style={{ marginTop: 10 }}>
        <button type="submit" className="primary">
          Add and confirm here
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AssetTable({
  rows,
  now,
  roomLabel,
  kind,
  label,
}: {
  rows: { asset: Asset | undefined; loc: ReturnType<typeof computeLocations> extends Map<AssetId, infer L> ? L | undefined : never }[];
  now: number;
  roomLabel: (id: string | undefined) => string;
  kind: 'moved' | 'missing' | 'mobile';
  label: string;
}) {
  if (!rows.length) return <p className="muted">{kind === 'moved' ? 'No device was found out of place.' : 'Nothing missing.'}</p>;
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th>Device</th>
          <th>Type</th>
          <th>Belongs in</th>
          <th>Last confirmed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ asset, loc }) => (
          <tr key={asset!.id}>
            <td>{assetLabel(asset!)}</td>
            <td>{shortType(asset!.type)}</td>
            <td>{roomLabel(loc?.expectedRoomId)}</td>
            <td>
              {loc?.lastAt ? `${roomLabel(loc.lastRoomId)}, ${formatAge(now - loc.lastAt)} ago` : 'never'}
              {loc?.moved ? <span className="badge moved"> moved</span> : null}
              {loc?.stale ? <span className="badge stale"> stale</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
