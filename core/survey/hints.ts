// Network hints for walk mode. Devices seen on the wire recently are offered as candidates for the
// current room; the switch and port that LLDP/CDP report for the capture point's wall jack say which
// room the laptop is plugged in (when remembered). A person always confirms: nothing here places.
import type { Asset } from '../model/asset';
import type { Device } from '../model/device';
import type { Room } from '../model/location';
import type { AssetId } from '../model/ids';

export interface NetworkCandidate {
  device: Device;
  asset?: Asset;
  lastSeen: number;
}

export interface JackHint {
  /** "switch|port" as the decoders report it. */
  jack: string;
  lastSeen: number;
  /** Rooms that remember this jack (normally one). */
  rooms: Room[];
}

export function assetsByDevice(assets: readonly Asset[]): Map<string, Asset> {
  const byDevice = new Map<string, Asset>();
  const byMac = new Map<string, Asset>();
  for (const a of assets) {
    if (a.deleted) continue;
    if (a.deviceId) byDevice.set(a.deviceId, a);
    for (const m of a.macs) byMac.set(m, a);
  }
  return new Map([...byMac].concat([...byDevice]));
}

/** The asset linked to a device: by the asset's deviceId, else by a shared MAC. */
export function linkedAsset(device: Device, assets: readonly Asset[], index = assetsByDevice(assets)): Asset | undefined {
  return index.get(device.id) ?? (device.mac ? index.get(device.mac) : undefined);
}

/**
 * Devices seen within `windowMs` of `now`, newest first, infrastructure (routers, gateways that front
 * many IPs) left out, with their linked asset when there is one.
 */
export function recentCandidates(devices: readonly Device[], assets: readonly Asset[], now: number, windowMs: number): NetworkCandidate[] {
  const index = assetsByDevice(assets);
  const out: NetworkCandidate[] = [];
  for (const d of devices) {
    if (d.router || now - d.lastSeen > windowMs) continue;
    const asset = linkedAsset(d, assets, index);
    out.push(asset ? { device: d, asset, lastSeen: d.lastSeen } : { device: d, lastSeen: d.lastSeen });
  }
  return out.sort((a, b) => b.lastSeen - a.lastSeen);
}

/** When each asset was last seen on the network (for the missing list). */
export function assetSeenAt(devices: readonly Device[], assets: readonly Asset[]): Map<AssetId, number> {
  const index = assetsByDevice(assets);
  const out = new Map<AssetId, number>();
  for (const d of devices) {
    const a = linkedAsset(d, assets, index);
    if (a && (out.get(a.id) ?? -Infinity) < d.lastSeen) out.set(a.id, d.lastSeen);
  }
  return out;
}

/**
 * The jacks the capture point was connected to recently ('switch-port' evidence from LLDP/CDP), newest
 * first, each with the rooms that remember it.
 */
export function currentJacks(devices: readonly Device[], rooms: readonly Room[], now: number, windowMs: number): JackHint[] {
  const seen = new Map<string, number>();
  for (const d of devices) {
    for (const e of d.evidence) {
      if (e.kind !== 'switch-port' || now - e.lastSeen > windowMs) continue;
      const jack = normaliseJack(e.value);
      if (!jack) continue;
      if ((seen.get(jack) ?? -Infinity) < e.lastSeen) seen.set(jack, e.lastSeen);
    }
  }
  return [...seen]
    .sort((a, b) => b[1] - a[1])
    .map(([jack, lastSeen]) => ({ jack, lastSeen, rooms: rooms.filter((r) => !r.deleted && (r.jacks ?? []).some((j) => normaliseJack(j) === jack)) }));
}

/** "SW-3B-01 | Gi1/0/12 " → "SW-3B-01|Gi1/0/12"; undefined without a port. */
export function normaliseJack(text: string): string | undefined {
  const i = text.lastIndexOf('|');
  if (i < 0) return undefined;
  const sw = text.slice(0, i).trim();
  const port = text.slice(i + 1).trim();
  return port ? `${sw}|${port}` : undefined;
}

/**
 * The moment hints are measured from: now while a live capture feeds the database, else the end of
 * the newest traffic on record (an imported capture file recorded on the ward), so hints work with
 * imported captures too. The caller shows how old that moment is.
 */
export function hintReference(devices: readonly Pick<Device, 'lastSeen'>[], now: number): number {
  let latest = -Infinity;
  for (const d of devices) if (d.lastSeen > latest && d.lastSeen <= now) latest = d.lastSeen;
  return Number.isFinite(latest) ? latest : now;
}
