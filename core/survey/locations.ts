// Where is each asset? From the audit trail (confirmations), the expected room (placement by a person,
// else the inventory's room), and network sightings. Moved, stale and missing are computed here, never
// stored, so changing the thresholds changes the lists at once.
import type { Asset } from '../model/asset';
import type { Confirmation, Placement } from '../model/location';
import type { AssetId, RoomId } from '../model/ids';

export const DAY_MS = 86_400_000;

/** Marker put in a confirmation's note when its action was undone (records are never deleted). */
export const RETRACTED = '[retracted]';

export function isRetracted(c: Pick<Confirmation, 'note'>): boolean {
  return c.note?.startsWith(RETRACTED) === true;
}

export interface LocationOptions {
  now: number;
  /** A confirmation older than this is stale. */
  staleDays: number;
  /** Not confirmed nor seen on the network within this many days → missing. */
  auditDays: number;
  /** Last time each asset was seen on the network (from linked discovered devices). */
  seenAt?: ReadonlyMap<AssetId, number>;
}

export interface AssetLocation {
  assetId: AssetId;
  /** Home room: the latest placement by a person, else the inventory's room. */
  expectedRoomId?: RoomId;
  lastRoomId?: RoomId;
  lastAt?: number;
  lastHow?: Confirmation['how'];
  lastBy?: string;
  /** Whole days since the last confirmation. */
  ageDays?: number;
  /** Last confirmed in a room other than the expected one. */
  moved: boolean;
  stale: boolean;
  missing: boolean;
  lastSeenOnNetwork?: number;
}

/** The latest live placement per asset. */
export function latestPlacements(placements: readonly Placement[]): Map<AssetId, Placement> {
  const out = new Map<AssetId, Placement>();
  for (const p of placements) {
    if (p.deleted || !p.assetId) continue;
    const cur = out.get(p.assetId);
    if (!cur || p.updatedAt > cur.updatedAt || (p.updatedAt === cur.updatedAt && p.createdAt > cur.createdAt)) out.set(p.assetId, p);
  }
  return out;
}

/** Confirmations per asset, newest first, retracted ones left out. */
export function confirmationsByAsset(confirmations: readonly Confirmation[]): Map<AssetId, Confirmation[]> {
  const out = new Map<AssetId, Confirmation[]>();
  for (const c of confirmations) {
    if (!c.assetId || isRetracted(c)) continue;
    let list = out.get(c.assetId);
    if (!list) out.set(c.assetId, (list = []));
    list.push(c);
  }
  for (const list of out.values()) list.sort((a, b) => b.at - a.at);
  return out;
}

export function expectedRoom(asset: Pick<Asset, 'roomId'>, placement: Placement | undefined): RoomId | undefined {
  return placement?.roomId ?? asset.roomId;
}

/**
 * Is a confirmation in `roomId` a move? Against the expected room when there is one, else against the
 * previous confirmation. An asset never placed nor confirmed before is not "moved": it is new here.
 */
export function movedFrom(expected: RoomId | undefined, previous: Confirmation | undefined, roomId: RoomId): RoomId | undefined {
  const ref = expected ?? previous?.roomId;
  return ref !== undefined && ref !== roomId ? ref : undefined;
}

export function computeLocations(
  assets: readonly Asset[],
  confirmations: readonly Confirmation[],
  placements: readonly Placement[],
  opts: LocationOptions,
): Map<AssetId, AssetLocation> {
  const byAsset = confirmationsByAsset(confirmations);
  const placed = latestPlacements(placements);
  const staleMs = opts.staleDays * DAY_MS;
  const auditMs = opts.auditDays * DAY_MS;
  const out = new Map<AssetId, AssetLocation>();
  for (const a of assets) {
    if (a.deleted || a.status === 'retired') continue;
    const last = byAsset.get(a.id)?.[0];
    const expected = expectedRoom(a, placed.get(a.id));
    const seen = opts.seenAt?.get(a.id);
    const loc: AssetLocation = {
      assetId: a.id,
      moved: last !== undefined && expected !== undefined && last.roomId !== expected,
      stale: last !== undefined && opts.now - last.at > staleMs,
      missing: !(last !== undefined && opts.now - last.at <= auditMs) && !(seen !== undefined && opts.now - seen <= auditMs),
    };
    if (expected !== undefined) loc.expectedRoomId = expected;
    if (last) {
      loc.lastRoomId = last.roomId;
      loc.lastAt = last.at;
      loc.lastHow = last.how;
      loc.lastBy = last.by;
      loc.ageDays = Math.max(0, Math.floor((opts.now - last.at) / DAY_MS));
    }
    if (seen !== undefined) loc.lastSeenOnNetwork = seen;
    out.set(a.id, loc);
  }
  return out;
}

/** "just now", "5 min", "3 h", "2 d", "7 wk": compact ages for pins and lists. */
export function formatAge(ms: number): string {
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min`;
  if (ms < DAY_MS) return `${Math.floor(ms / 3_600_000)} h`;
  if (ms < 14 * DAY_MS) return `${Math.floor(ms / DAY_MS)} d`;
  if (ms < 120 * DAY_MS) return `${Math.floor(ms / (7 * DAY_MS))} wk`;
  return `${Math.floor(ms / (30 * DAY_MS))} mo`;
}

export type Freshness = 'fresh' | 'recent' | 'stale' | 'never';

/** Pin colour class: fresh within a day, recent within the stale threshold, else stale. */
export function freshness(lastAt: number | undefined, now: number, staleDays: number): Freshness {
  if (lastAt === undefined) return 'never';
  const age = now - lastAt;
  if (age <= DAY_MS) return 'fresh';
  if (age <= staleDays * DAY_MS) return 'recent';
  return 'stale';
}

/** Find an asset by what a scanner or a person produced: tag first, then serial; case- and space-insensitive. */
export function findAssetByCode<A extends Pick<Asset, 'assetTag' | 'serial' | 'deleted'>>(assets: readonly A[], code: string): A | undefined {
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  const want = norm(code);
  if (!want) return undefined;
  const live = assets.filter((a) => !a.deleted);
  return live.find((a) => a.assetTag !== undefined && norm(a.assetTag) === want) ?? live.find((a) => a.serial !== undefined && norm(a.serial) === want);
}
