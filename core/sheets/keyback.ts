// Keying a filled-in paper sheet back in. The form mirrors the sheet: one result per listed asset
// (present / moved / missing, or left blank), a note, and the "found here but not listed" lines.
// The result is a plan of records to write, made here (pure) so the rules are tested without a
// database:
// - present → a confirmation in the sheet's room, how 'paper-sheet';
// - moved with the room it was found in → a confirmation there, `moved.fromRoomId` = the sheet's room,
//   and a 'moved' flag; moved without a room → only the flag (nobody said where it is);
// - missing → a 'missing' flag (no confirmation: nobody saw it);
// - a found line naming a known asset (tag or serial) → a confirmation in the sheet's room, with
//   `moved.fromRoomId` = its home room when that is another room; unknown text → an unlisted finding.
// Blank rows produce nothing: an unticked box is not a statement.
import type { Asset } from '../model/asset';
import type { Confirmation } from '../model/location';
import type { AssetId, ConfirmationId, RoomId } from '../model/ids';
import { parseScan } from '../survey/barcodes';
import { findAssetByCode } from '../survey/locations';

export type TickResult = 'present' | 'moved' | 'missing';

export interface KeyBackRow {
  assetId: AssetId;
  result?: TickResult;
  /** Where a moved asset was found, when the sheet says. */
  movedToRoomId?: RoomId;
  note?: string;
}

export interface FoundLine {
  /** Tag or serial as written on the sheet. */
  text: string;
  note?: string;
}

export interface AssetFlag {
  kind: 'moved' | 'missing';
  assetId: AssetId;
  assetTag: string;
  /** The room whose sheet listed it. */
  roomId: RoomId;
  toRoomId?: RoomId;
  at: number;
  by: string;
  how: 'paper-sheet';
  note?: string;
}

export interface KeyBackInput {
  roomId: RoomId;
  /** The assets the sheet listed (its rows), to reject results for assets it did not list. */
  listed: readonly AssetId[];
  rows: readonly KeyBackRow[];
  found: readonly FoundLine[];
  by: string;
  at: number;
  surveyId?: string;
  /** Live assets, for tags written in the found lines. */
  assets: readonly Asset[];
  /** Home room of an asset (placement, else inventory room). */
  homeOf: (assetId: AssetId) => RoomId | undefined;
  newId: () => ConfirmationId;
}

export interface KeyBackPlan {
  confirmations: Confirmation[];
  flags: AssetFlag[];
  unlisted: FoundLine[];
  /** Things the person should know (ignored rows, duplicates); never silent. */
  problems: string[];
}

export function planKeyBack(input: KeyBackInput): KeyBackPlan {
  const plan: KeyBackPlan = { confirmations: [], flags: [], unlisted: [], problems: [] };
  const listed = new Set<string>(input.listed);
  const byId = new Map(input.assets.map((a) => [a.id as string, a]));
  const confirmed = new Set<string>();
  const tagOf = (id: AssetId) => {
    const a = byId.get(id);
    return a?.assetTag ?? a?.serial ?? id;
  };
  const confirm = (assetId: AssetId, roomId: RoomId, fromRoomId: RoomId | undefined, note: string | undefined) => {
    if (confirmed.has(assetId)) {
      plan.problems.push(`${tagOf(assetId)} was entered twice; recorded once.`);
      return;
    }
    confirmed.add(assetId);
    const c: Confirmation = { id: input.newId(), assetId, roomId, at: input.at, by: input.by, how: 'paper-sheet' };
    if (fromRoomId !== undefined) c.moved = { fromRoomId };
    if (input.surveyId) c.surveyId = input.surveyId;
    const n = note?.trim();
    if (n) c.note = n.slice(0, 500);
    plan.confirmations.push(c);
  };

  for (const row of input.rows) {
    if (!row.result) continue;
    if (!listed.has(row.assetId)) {
      plan.problems.push(`A result for ${tagOf(row.assetId)} was ignored: it is not on this room's sheet.`);
      continue;
    }
    const note = row.note?.trim() || undefined;
    if (row.result === 'present') {
      confirm(row.assetId, input.roomId, undefined, note);
    } else if (row.result === 'missing') {
      plan.flags.push(flag('missing', row.assetId, tagOf(row.assetId), input, undefined, note));
    } else {
      const to = row.movedToRoomId && row.movedToRoomId !== input.roomId ? row.movedToRoomId : undefined;
      if (to) confirm(row.assetId, to, input.roomId, note);
      plan.flags.push(flag('moved', row.assetId, tagOf(row.assetId), input, to, note));
    }
  }

  for (const line of input.found) {
    const parsed = parseScan(line.text);
    if (!parsed) continue;
    if (parsed.kind === 'room') {
      plan.problems.push(`"${line.text.trim()}" is a room code, not a device; ignored.`);
      continue;
    }
    const asset = findAssetByCode(input.assets, parsed.value);
    if (!asset) {
      plan.unlisted.push(line.note?.trim() ? { text: parsed.value, note: line.note.trim() } : { text: parsed.value });
      continue;
    }
    const home = input.homeOf(asset.id);
    const from = home !== undefined && home !== input.roomId ? home : undefined;
    if (listed.has(asset.id)) {
      const ticked = input.rows.find((r) => r.assetId === asset.id)?.result;
      if (ticked === 'missing' || ticked === 'moved') {
        plan.problems.push(`${tagOf(asset.id)} is ticked ${ticked} but also written as found here; recorded as found here.`);
        plan.flags = plan.flags.filter((f) => f.assetId !== asset.id);
        plan.confirmations = plan.confirmations.filter((c) => c.assetId !== asset.id);
        confirmed.delete(asset.id);
      }
    }
    confirm(asset.id, input.roomId, from, line.note);
  }
  return plan;
}

function flag(kind: AssetFlag['kind'], assetId: AssetId, assetTag: string, input: KeyBackInput, to: RoomId | undefined, note: string | undefined): AssetFlag {
  const f: AssetFlag = { kind, assetId, assetTag, roomId: input.roomId, at: input.at, by: input.by, how: 'paper-sheet' };
  if (to) f.toRoomId = to;
  if (note) f.note = note.slice(0, 500);
  return f;
}

/** The audit-log line for a flag (short, PHI-free; asset tags and room numbers only). */
export function flagAuditDetail(f: AssetFlag, roomNumber: (id: RoomId) => string): string {
  const where = roomNumber(f.roomId);
  if (f.kind === 'missing') return `${f.assetTag} ticked missing on the paper sheet of room ${where}`;
  return f.toRoomId
    ? `${f.assetTag} ticked moved on the paper sheet of room ${where}; found in room ${roomNumber(f.toRoomId)}`
    : `${f.assetTag} ticked moved on the paper sheet of room ${where}; where to is not known`;
}
