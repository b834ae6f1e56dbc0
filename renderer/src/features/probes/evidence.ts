// Probe answers become evidence like any other: each observation (source "probe") is folded into the
// device it was asked of, as the discovery merge does (core/discovery/merge: evidence unioned by kind,
// value and source), and the device is identified again from the merged evidence by the discover
// worker (DiscoveryRunner.ingest). A sysDescr can then name model and firmware; sysLocation a room.
import type { Device, Evidence } from '../../../../core/model/device';
import type { DeviceId } from '../../../../core/model/ids';
import { parseMac } from '../../../../core/model/ids';
import { OBSERVATION_KINDS, cleanText } from '../../../../core/model/observation';
import type { ObservationKind } from '../../../../core/model/observation';
import type { PlanView, ProbeFinished } from './state';

const KINDS: ReadonlySet<string> = new Set(OBSERVATION_KINDS);
const isObservationKind = (k: string): k is ObservationKind => KINDS.has(k);

export interface ProbeDevices {
  devices: Device[];
  facts: number;
  /** Answers with observations that name no stored device and carry no MAC to key a new one on. */
  unmatched: number;
}

/**
 * Group a run's observations by the device each entry was planned for. Targets without a stored
 * device (addresses ARP reached in a subnet plan) become devices keyed as discovery keys them: by MAC
 * ("dev_<mac>") when the answer names one.
 */
export function devicesFromProbe(finished: ProbeFinished, plan: PlanView): ProbeDevices {
  const entries = new Map(plan.entries.map((e) => [e.id, e]));
  const byId = new Map<string, Device>();
  let facts = 0;
  let unmatched = 0;
  for (const r of finished.results) {
    if (!r.observations.length) continue;
    const target = entries.get(r.entryId)?.target;
    let id = target?.deviceId;
    const mac = parseMac(target?.mac ?? r.observations.find((o) => o.mac)?.mac ?? '');
    if (!id && mac) id = `dev_${mac.replace(/:/g, '')}`;
    if (!id) {
      unmatched++;
      continue;
    }
    let d = byId.get(id);
    if (!d) {
      d = { id: id as DeviceId, ips: [], hostnames: [], firstSeen: Infinity, lastSeen: 0, packets: 0, evidence: [] };
      if (mac) d.mac = mac;
      byId.set(id, d);
    }
    if (!d.ips.includes(r.ip)) d.ips.push(r.ip);
    for (const o of r.observations) {
      if (!isObservationKind(o.kind)) continue;
      const value = cleanText(o.value);
      if (!value) continue;
      const ev: Evidence = { kind: o.kind, value, proto: o.proto, source: 'probe', count: 1, firstSeen: o.ts, lastSeen: o.ts };
      const same = d.evidence.find((e) => e.kind === ev.kind && e.value === ev.value);
      if (same) {
        same.count++;
        same.lastSeen = Math.max(same.lastSeen, o.ts);
      } else d.evidence.push(ev);
      if (o.kind === 'hostname' && !d.hostnames.includes(o.value)) d.hostnames.push(o.value);
      d.firstSeen = Math.min(d.firstSeen, o.ts);
      d.lastSeen = Math.max(d.lastSeen, o.ts);
      facts++;
    }
  }
  const devices = [...byId.values()].filter((d) => d.evidence.length);
  for (const d of devices) if (!Number.isFinite(d.firstSeen)) d.firstSeen = d.lastSeen;
  return { devices, facts, unmatched };
}
