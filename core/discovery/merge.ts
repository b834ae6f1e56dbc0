// Merging what a new capture found into the devices already stored: evidence is unioned by
// (kind, value, source) with counts added and first/last widened; addresses and names are unioned.
// Identification is not merged here: it is recomputed from the merged evidence (a person's
// overrides live apart and are applied on top).
import type { Device, Evidence } from '../model/device';

const evKey = (e: Evidence) => `${e.kind}\u0000${e.value}\u0000${e.source}`;

export const MAX_STORED_EVIDENCE = 400;

function union(a: readonly string[], b: readonly string[], max = 64): string[] {
  const out = [...a];
  const seen = new Set(a);
  for (const x of b) {
    if (!seen.has(x) && out.length < max) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

export function mergeDevice(existing: Device, incoming: Device): Device {
  const byKey = new Map<string, Evidence>();
  for (const e of existing.evidence) byKey.set(evKey(e), { ...e });
  for (const e of incoming.evidence) {
    const k = evKey(e);
    const cur = byKey.get(k);
    if (cur) {
      cur.count += e.count;
      cur.firstSeen = Math.min(cur.firstSeen, e.firstSeen);
      cur.lastSeen = Math.max(cur.lastSeen, e.lastSeen);
    } else if (byKey.size < MAX_STORED_EVIDENCE) byKey.set(k, { ...e });
  }
  const merged: Device = {
    ...existing,
    ips: union(existing.ips, incoming.ips),
    hostnames: union(existing.hostnames, incoming.hostnames),
    firstSeen: Math.min(existing.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(existing.lastSeen, incoming.lastSeen),
    packets: existing.packets + incoming.packets,
    evidence: [...byKey.values()],
  };
  if (existing.router || incoming.router) merged.router = true;
  if (existing.ipOnly && incoming.ipOnly) merged.ipOnly = true;
  else delete merged.ipOnly;
  if (!merged.mac && incoming.mac) merged.mac = incoming.mac;
  return merged;
}

/** Merge a batch into a map of stored devices by id; returns the changed devices and which ids are new. */
export function mergeBatch(stored: ReadonlyMap<string, Device>, incoming: readonly Device[]): { changed: Device[]; newIds: string[] } {
  const changed: Device[] = [];
  const newIds: string[] = [];
  for (const d of incoming) {
    const cur = stored.get(d.id);
    if (cur) changed.push(mergeDevice(cur, d));
    else {
      changed.push(d);
      newIds.push(d.id);
    }
  }
  return { changed, newIds };
}
