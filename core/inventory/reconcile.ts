// Reconcile inventory assets with devices discovered on the network. Evidence, strongest first:
// the same MAC; the asset's serial or hostname seen on the wire; the same IP when maker or model
// agree. Each match carries its confidence and reasons. A person's link or unlink is a record that
// outranks inference on every re-run (house style: a human correction is never flipped by weaker
// evidence).
import type { Asset } from '../model/asset';
import type { Device, Evidence } from '../model/device';
import type { AssetId, DeviceId } from '../model/ids';
import type { ObservationKind } from '../model/observation';
import { canonicalMaker } from './makers';
import { fold } from './text';

export interface LinkDecision {
  assetId: AssetId;
  deviceId: DeviceId;
  action: 'link' | 'unlink';
  /** Who decided ("person" name or account). */
  by: string;
  /** Milliseconds since the epoch; the latest decision for a pair wins. */
  at: number;
}

export interface Match {
  assetId: AssetId;
  deviceId: DeviceId;
  /** 0..1 */
  confidence: number;
  reasons: string[];
  how: 'person' | 'mac' | 'serial' | 'hostname' | 'ip';
  /** A weak match a person should confirm. */
  needsReview?: boolean;
}

export interface Reconciliation {
  matched: Match[];
  inventoryNotSeen: AssetId[];
  seenNotInInventory: DeviceId[];
  /** Decisions naming an asset or device that no longer exists. */
  staleDecisions: LinkDecision[];
  /** Equally strong candidates that were not chosen, for the person to look at. */
  conflicts: Array<{ assetId: AssetId; deviceIds: DeviceId[]; how: Match['how'] } | { deviceId: DeviceId; assetIds: AssetId[]; how: Match['how'] }>;
}

/** Evidence kinds whose value can contain a serial number. */
const SERIAL_KINDS: ReadonlySet<ObservationKind> = new Set<ObservationKind>([
  'snmp-sys-descr', 'snmp-sys-name', 'mdns-txt', 'mdns-instance', 'ssdp-usn', 'ssdp-server', 'lldp-system-desc',
  'lldp-system-name', 'lldp-chassis-id', 'cdp-device-id', 'dhcp-client-id', 'dhcp-vendor-class', 'hostname', 'fqdn',
  'nbns-name', 'llmnr-name', 'dicom-calling-ae', 'dicom-called-ae', 'hl7-sending-app', 'hl7-sending-facility', 'software',
  'tls-cert-subject', 'http-server',
]);

/** Evidence kinds that name the host. */
const NAME_KINDS: ReadonlySet<ObservationKind> = new Set<ObservationKind>([
  'hostname', 'fqdn', 'nbns-name', 'llmnr-name', 'snmp-sys-name', 'lldp-system-name', 'cdp-device-id', 'dicom-calling-ae',
]);

const shortName = (s: string): string => fold(s.trim()).split('.')[0]!;

/** A serial good enough to search for: 5+ characters and not a small plain number. */
function searchableSerial(serial: string): string | undefined {
  const s = fold(serial.trim());
  if (s.length < 5) return undefined;
  if (/^\d+$/.test(s) && s.length < 6) return undefined;
  return s;
}

/** Index of every token (split on spaces and punctuation, and also keeping dashed runs) in serial-bearing evidence. */
function serialIndex(devices: readonly Device[]): Map<string, Array<{ d: Device; e: Evidence }>> {
  const idx = new Map<string, Array<{ d: Device; e: Evidence }>>();
  for (const d of devices) {
    for (const e of d.evidence) {
      if (!SERIAL_KINDS.has(e.kind)) continue;
      const v = fold(e.value);
      const toks = new Set([...v.split(/[^a-z0-9]+/), ...v.split(/[^a-z0-9\-_/.]+/), v.trim()]);
      for (const t of toks) if (t.length >= 5) push(idx, t, { d, e });
    }
  }
  return idx;
}

function deviceNames(d: Device): Map<string, string> {
  const names = new Map<string, string>(); // short name → how seen
  for (const h of d.hostnames) if (h) names.set(shortName(h), 'hostname');
  for (const e of d.evidence) if (NAME_KINDS.has(e.kind) && e.value) names.set(shortName(e.value), `${e.kind} (${e.proto})`);
  return names;
}

function deviceMakers(d: Device): string[] {
  const out: string[] = [];
  const v = d.identity?.maker?.value;
  if (v) out.push(canonicalMaker(v).canonical);
  const mv = d.identity?.macVendor?.name;
  if (mv) {
    const c = canonicalMaker(mv);
    if (c.how !== 'unknown') out.push(c.canonical);
  }
  return out;
}

function modelAgrees(asset: Asset, d: Device): boolean {
  const am = asset.model ? fold(asset.model).replace(/[^a-z0-9]/g, '') : '';
  if (am.length < 3) return false;
  const dm = d.identity?.model?.value;
  if (dm && fold(dm).replace(/[^a-z0-9]/g, '').includes(am)) return true;
  return d.evidence.some((e) => (e.kind === 'snmp-sys-descr' || e.kind === 'mdns-txt' || e.kind === 'ssdp-server' || e.kind === 'dhcp-vendor-class') && fold(e.value).replace(/[^a-z0-9]/g, '').includes(am));
}

interface Cand {
  a: Asset;
  d: Device;
  conf: number;
  how: Match['how'];
  reasons: string[];
  review?: boolean;
}

export function reconcile(assets: readonly Asset[], devices: readonly Device[], decisions: readonly LinkDecision[] = []): Reconciliation {
  const liveAssets = assets.filter((a) => !a.deleted);
  const assetById = new Map(liveAssets.map((a) => [a.id, a]));
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const out: Reconciliation = { matched: [], inventoryNotSeen: [], seenNotInInventory: [], staleDecisions: [], conflicts: [] };

  // The latest decision per pair wins.
  const latest = new Map<string, LinkDecision>();
  for (const dec of [...decisions].sort((x, y) => x.at - y.at)) latest.set(`${dec.assetId}\u0000${dec.deviceId}`, dec);
  const forbidden = new Set<string>();
  const usedA = new Set<AssetId>();
  const usedD = new Set<DeviceId>();
  const linked = [...latest.values()].filter((d) => d.action === 'link').sort((x, y) => y.at - x.at);
  for (const dec of latest.values()) {
    if (!assetById.has(dec.assetId) || !deviceById.has(dec.deviceId)) {
      out.staleDecisions.push(dec);
      continue;
    }
    if (dec.action === 'unlink') forbidden.add(`${dec.assetId}\u0000${dec.deviceId}`);
  }
  for (const dec of linked) {
    if (!assetById.has(dec.assetId) || !deviceById.has(dec.deviceId)) continue;
    if (usedA.has(dec.assetId) || usedD.has(dec.deviceId)) continue; // a newer link already took one side
    usedA.add(dec.assetId);
    usedD.add(dec.deviceId);
    out.matched.push({ assetId: dec.assetId, deviceId: dec.deviceId, confidence: 1, how: 'person', reasons: [`linked by ${dec.by} on ${new Date(dec.at).toISOString().slice(0, 10)}`] });
  }

  // Indexes over devices.
  const byMac = new Map<string, Device[]>();
  const byIp = new Map<string, Device[]>();
  const byName = new Map<string, Array<{ d: Device; how: string }>>();
  for (const d of devices) {
    if (d.mac) push(byMac, d.mac, d);
    if (!d.router) for (const ip of d.ips) push(byIp, ip, d);
    for (const [n, how] of deviceNames(d)) push(byName, n, { d, how });
  }

  const bySerial = serialIndex(devices);
  const cands: Cand[] = [];
  for (const a of liveAssets) {
    for (const mac of a.macs) for (const d of byMac.get(mac) ?? []) cands.push({ a, d, conf: 0.99, how: 'mac', reasons: [`MAC ${mac} is in the inventory and was seen on the network`] });
    const serial = a.serial ? searchableSerial(a.serial) : undefined;
    if (serial) {
      const hits = new Map<Device, Evidence>();
      for (const h of bySerial.get(serial) ?? []) if (!hits.has(h.d)) hits.set(h.d, h.e);
      for (const [d, e] of hits) cands.push({ a, d, conf: 0.9, how: 'serial', reasons: [`serial ${a.serial} seen on the wire in ${e.kind} (${e.proto}): '${e.value}'`] });
    }
    if (a.hostname) {
      for (const { d, how } of byName.get(shortName(a.hostname)) ?? [])
        cands.push({ a, d, conf: 0.85, how: 'hostname', reasons: [`hostname ${a.hostname} seen on the wire as ${how}`] });
    }
    for (const ip of a.ips) {
      for (const d of byIp.get(ip) ?? []) {
        const makers = deviceMakers(d);
        const makerOk = a.maker !== undefined && makers.includes(a.maker);
        const model = modelAgrees(a, d);
        const reasons = [`IP ${ip} is in the inventory and used by the device`];
        if (makerOk) reasons.push(`maker ${a.maker} agrees`);
        if (model) reasons.push(`model ${a.model} seen on the wire`);
        if (makerOk || model) cands.push({ a, d, conf: makerOk && model ? 0.8 : 0.7, how: 'ip', reasons });
        else if (makers.length === 0 && !d.identity?.model) {
          reasons.push('the network says nothing about its maker or model: please confirm');
          cands.push({ a, d, conf: 0.4, how: 'ip', reasons, review: true });
        }
        // A device of another maker at that IP is not this asset (addresses get reused).
      }
    }
  }

  // Strongest first; equal strength on either side is a conflict left for a person.
  cands.sort((x, y) => y.conf - x.conf);
  const seenPair = new Set<string>();
  for (let i = 0; i < cands.length; ) {
    let j = i;
    while (j < cands.length && cands[j]!.conf === cands[i]!.conf) j++;
    const tier = cands.slice(i, j).filter((c) => {
      const k = `${c.a.id}\u0000${c.d.id}`;
      if (forbidden.has(k) || seenPair.has(k)) return false;
      seenPair.add(k);
      return !usedA.has(c.a.id) && !usedD.has(c.d.id);
    });
    const perA = group(tier, (c) => c.a.id);
    const perD = group(tier, (c) => c.d.id);
    for (const c of tier) {
      if (usedA.has(c.a.id) || usedD.has(c.d.id)) continue;
      const ad = new Set(perA.get(c.a.id)!.map((x) => x.d.id));
      const da = new Set(perD.get(c.d.id)!.map((x) => x.a.id));
      if (ad.size > 1) {
        out.conflicts.push({ assetId: c.a.id, deviceIds: [...ad], how: c.how });
        usedA.add(c.a.id);
        continue;
      }
      if (da.size > 1) {
        out.conflicts.push({ deviceId: c.d.id, assetIds: [...da], how: c.how });
        usedD.add(c.d.id);
        continue;
      }
      // Merge all reasons for this pair from every tier.
      const reasons = cands.filter((x) => x.a === c.a && x.d === c.d).flatMap((x) => x.reasons);
      const m: Match = { assetId: c.a.id, deviceId: c.d.id, confidence: c.conf, how: c.how, reasons: [...new Set(reasons)] };
      if (c.review) m.needsReview = true;
      out.matched.push(m);
      usedA.add(c.a.id);
      usedD.add(c.d.id);
    }
    i = j;
  }
  const matchedA = new Set(out.matched.map((m) => m.assetId));
  const matchedD = new Set(out.matched.map((m) => m.deviceId));
  out.inventoryNotSeen = liveAssets.filter((a) => !matchedA.has(a.id)).map((a) => a.id);
  out.seenNotInInventory = devices.filter((d) => !matchedD.has(d.id)).map((d) => d.id);
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function group<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) push(m, key(x), x);
  return m;
}
