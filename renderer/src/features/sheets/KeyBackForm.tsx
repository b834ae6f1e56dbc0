// "Key results back": a form that mirrors the printed sheet of one room. Tick what the paper says,
// write the found-not-listed lines, save: paper-sheet confirmations and moved/missing flags.
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SheetData, SheetSet } from '../../../../core/sheets/model';
import type { FoundLine, KeyBackPlan, KeyBackRow, TickResult } from '../../../../core/sheets/keyback';
import { planKeyBack } from '../../../../core/sheets/keyback';
import type { AssetId, ConfirmationId, RoomId } from '../../../../core/model/ids';
import { newId } from '../../../../core/model/ids';
import { expectedRoom, latestPlacements } from '../../../../core/survey/locations';
import { keyBackSheet } from '../../actions/sheets';
import { notify } from '../../store';

const RESULTS: { id: TickResult; label: string }[] = [
  { id: 'present', label: 'Present' },
  { id: 'moved', label: 'Moved' },
  { id: 'missing', label: 'Missing' },
];

export function KeyBackForm({ set, data, by, surveyId }: { set: SheetSet; data: SheetData; by: string; surveyId?: string | undefined }) {
  const [roomId, setRoomId] = useState<string>(set.sections[0]?.roomId ?? '');
  const section = set.sections.find((s) => s.roomId === roomId) ?? set.sections[0];
  return (
    <div className="kb">
      <div className="kb-pick">
        <label htmlFor="kb-room">Sheet of room</label>
        <select id="kb-room" value={section?.roomId ?? ''} onChange={(e) => setRoomId(e.target.value)}>
          {set.sections.map((s) => (
            <option key={s.roomId} value={s.roomId}>
              {s.header.roomNumber}
              {s.header.roomName ? ` — ${s.header.roomName}` : ''} ({s.totals.expected})
            </option>
          ))}
        </select>
        <span className="muted">Enter what the paper says, row by row. Unticked rows record nothing.</span>
      </div>
      {section ? <RoomForm key={section.roomId} set={set} sectionIndex={set.sections.indexOf(section)} data={data} by={by} surveyId={surveyId} /> : <p className="muted">No rooms in this scope.</p>}
    </div>
  );
}

function RoomForm({ set, sectionIndex, data, by, surveyId }: { set: SheetSet; sectionIndex: number; data: SheetData; by: string; surveyId?: string | undefined }) {
  const section = set.sections[sectionIndex]!;
  const [rows, setRows] = useState<Record<string, KeyBackRow>>({});
  const [found, setFound] = useState<FoundLine[]>(Array.from({ length: set.layout.foundLines }, () => ({ text: '' })));
  const [result, setResult] = useState<KeyBackPlan | null>(null);
  const [saving, setSaving] = useState(false);
  const otherRooms = useMemo(
    () => data.rooms.filter((r) => !r.deleted && r.id !== section.roomId).sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true })),
    [data.rooms, section.roomId],
  );
  const roomNumbers = useMemo(() => Object.fromEntries(data.rooms.map((r) => [r.id, r.number])), [data.rooms]);
  const update = (assetId: AssetId, patch: Partial<KeyBackRow>) => setRows((r) => ({ ...r, [assetId]: { ...(r[assetId] ?? { assetId }), ...patch } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const placed = latestPlacements(data.placements);
    const byId = new Map(data.assets.map((a) => [a.id as string, a]));
    const plan = planKeyBack({
      roomId: section.roomId,
      listed: section.rows.map((r) => r.assetId),
      rows: Object.values(rows),
      found: found.filter((f) => f.text.trim()),
      by,
      at: Date.now(),
      ...(surveyId ? { surveyId } : {}),
      assets: data.assets.filter((a) => !a.deleted),
      homeOf: (id) => {
        const a = byId.get(id);
        return a ? expectedRoom(a, placed.get(id)) : undefined;
      },
      newId: () => newId<'ConfirmationId'>('conf') as ConfirmationId,
    });
    setSaving(true);
    const ok = await keyBackSheet({ roomId: section.roomId, roomNumber: section.header.roomNumber, plan, by, roomNumbers });
    setSaving(false);
    if (ok) {
      setResult(plan);
      setRows({});
      setFound(Array.from({ length: set.layout.foundLines }, () => ({ text: '' })));
      notify('success', `Room ${section.header.roomNumber}: ${plan.confirmations.length} confirmed from the paper sheet.`, 'Ctrl+Z undoes it.');
    }
  };

  const tickedCount = Object.values(rows).filter((r) => r.result).length;
  return (
    <form className="kb-form" onSubmit={submit} aria-label={`Results for room ${section.header.roomNumber}`}>
      <div className="kb-head">
        <h2>
          Room {section.header.roomNumber} {section.header.roomName ? <span className="muted">{section.header.roomName}</span> : null}
        </h2>
        <div className="button-row">
          <button
            type="button"
            onClick={() => setRows((r) => {
              const next = { ...r };
              for (const row of section.rows) if (!next[row.assetId]?.result) next[row.assetId] = { ...(next[row.assetId] ?? { assetId: row.assetId }), result: 'present' };
              return next;
            })}
          >
            Mark unticked as present
          </button>
          <button type="button" onClick={() => setRows({})}>
            Clear ticks
          </button>
        </div>
      </div>
      <table className="table kb-table">
        <thead>
          <tr>
            <th>Asset tag</th>
            <th>Device</th>
            <th>Serial</th>
            {RESULTS.map((r) => (
              <th key={r.id} className="kb-tick-h">{r.label}</th>
            ))}
            <th>Found in room (if moved)</th>
            <th>Notes</th>
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => {
            const cur = rows[row.assetId];
            return (
              <tr key={row.assetId} className={cur?.result ? `kb-${cur.result}` : undefined}>
                <td className="mono">
                  {row.tag}
                  {row.highRisk ? <span className="kb-hr">{row.lifeSupport ? 'LS' : 'HR'}</span> : null}
                </td>
                <td>
                  <div>{row.type || 'Unknown type'}</div>
                  <div className="muted">{[row.maker, row.model].filter(Boolean).join(' · ')}</div>
                </td>
                <td className="mono">{row.serial}</td>
                {RESULTS.map((r) => (
                  <td key={r.id} className="kb-tick">
                    <input
                      type="radio"
                      name={`res-${row.assetId}`}
                      aria-label={`${r.label} ${row.tag}`}
                      checked={cur?.result === r.id}
                      onChange={() => update(row.assetId, { result: r.id })}
                    />
                  </td>
                ))}
                <td>
                  <select
                    aria-label={`Found in room, ${row.tag}`}
                    disabled={cur?.result !== 'moved'}
                    value={cur?.movedToRoomId ?? ''}
                    onChange={(e) => update(row.assetId, e.target.value ? { movedToRoomId: e.target.value as RoomId } : { movedToRoomId: undefined })}
                  >
                    <option value="">not known</option>
                    {otherRooms.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.number}
                        {r.name ? ` — ${r.name}` : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Note, ${row.tag}`} value={cur?.note ?? ''} onChange={(e) => update(row.assetId, { note: e.target.value })} maxLength={500} />
                </td>
              </tr>
            );
          })}
          {section.rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">No assets were listed for this room.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <fieldset className="kb-found">
        <legend>Found in this room but not listed</legend>
        {found.map((f, i) => (
          <div key={i} className="kb-found-line">
            <input
              aria-label={`Found line ${i + 1}, asset tag or serial`}
              placeholder="Asset tag or serial"
              className="mono"
              value={f.text}
              maxLength={128}
              onChange={(e) => setFound((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
            />
            <input
              aria-label={`Found line ${i + 1}, note`}
              placeholder="What it is, notes"
              value={f.note ?? ''}
              maxLength={500}
              onChange={(e) => setFound((all) => all.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))}
            />
          </div>
        ))}
        <button type="button" className="small" onClick={() => setFound((all) => [...all, { text: '' }])}>
          Add a line
        </button>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          Save results for room {section.header.roomNumber}
        </button>
        <span className="muted">{tickedCount} of {section.rows.length} rows ticked</span>
      </div>
      {result ? (
        <div className="kb-result" role="status">
          Saved: {result.confirmations.length} confirmed (paper sheet), {result.flags.filter((f) => f.kind === 'moved').length} moved, {result.flags.filter((f) => f.kind === 'missing').length} missing,{' '}
          {result.unlisted.length} not in the inventory{result.unlisted.length ? `: ${result.unlisted.map((u) => u.text).join(', ')}` : ''}.
          {result.problems.length ? (
            <ul>
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
