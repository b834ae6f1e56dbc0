// Reconcile the inventory with the network: three worklists (matched with confidence and reasons;
// in the inventory but not seen; seen but not in the inventory) from core/inventory/reconcile over
// db.assets and db.devices. A person's link or unlink is stored (settings) and outranks inference on
// every re-run, re-import and new capture; a link also sets the asset's deviceId.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import { useStore } from '../../store';
import { LINK_DECISIONS_KEY, linkAsset, unlinkAsset } from '../../actions/inventory-import';
import { reconcile } from '../../../../core/inventory/reconcile';
import type { LinkDecision, Match } from '../../../../core/inventory/reconcile';
import type { Asset } from '../../../../core/model/asset';
import type { Device } from '../../../../core/model/device';
import type { AssetId, DeviceId } from '../../../../core/model/ids';

const SHOWN = 300;
const OPTIONS = 500;

export function assetName(a: Asset): string {
  const id = a.assetTag ?? (a.serial ? `S/N ${a.serial}` : a.id);
  const what = [a.description, a.maker, a.model].filter(Boolean).join(' ');
  return what ? `${id} · ${what}` : id;
}

export function deviceName(d: Device): string {
  const name = d.hostnames[0] ?? d.identity?.model?.value ?? d.identity?.type?.value;
  const addr = d.mac ?? d.ips[0] ?? d.id;
  return name ? `${name} (${addr})` : addr;
}

/** Everything the reconciliation needs, live from IndexedDB. */
export function useReconciliation() {
  return useLiveQuery(async () => {
    const [assets, devices, dec] = await Promise.all([db().assets.filter((a) => !a.deleted).toArray(), db().devices.toArray(), db().settings.get(LINK_DECISIONS_KEY)]);
    const decisions = Array.isArray(dec?.value) ? (dec.value as LinkDecision[]) : [];
    return { assets, devices, decisions, result: reconcile(assets, devices, decisions) };
  }, []);
}

type Tab = 'matched' | 'notSeen' | 'notInInventory';

export function ReconcilePanel() {
  const by = useStore((s) => s.surveyor);
  const data = useReconciliation();
  const [tab, setTab] = useState<Tab>('matched');
  const [filter, setFilter] = useState('');
  const assetById = useMemo(() => new Map((data?.assets ?? []).map((a) => [a.id, a])), [data]);
  const deviceById = useMemo(() => new Map((data?.devices ?? []).map((d) => [d.id, d])), [data]);
  if (!data) return <p className="muted">Loading…</p>;
  const r = data.result;
  if (!data.assets.length && !data.devices.length)
    return (
      <section className="card">
        <h2>Nothing to reconcile yet</h2>
        <p className="muted">Import an inventory workbook, and discover devices (Discover: open a capture or listen live). Then the two lists are compared here.</p>
      </section>
    );
  const f = filter.trim().toLowerCase();
  const hit = (s: string) => !f || s.toLowerCase().includes(f);
  const freeAssets = r.inventoryNotSeen.map((id) => assetById.get(id)!).filter(Boolean).slice(0, OPTIONS);
  const freeDevices = r.seenNotInInventory.map((id) => deviceById.get(id)!).filter(Boolean).slice(0, OPTIONS);
  const link = (assetId: AssetId, deviceId: DeviceId) => {
    const a = assetById.get(assetId);
    const d = deviceById.get(deviceId);
    if (a && d) void linkAsset({ assetId, deviceId, assetName: assetName(a), deviceName: deviceName(d), by });
  };
  const unlink = (m: Match) => {
    const a = assetById.get(m.assetId);
    const d = deviceById.get(m.deviceId);
    if (a && d) void unlinkAsset({ assetId: m.assetId, deviceId: m.deviceId, assetName: assetName(a), deviceName: deviceName(d), by });
  };
  const labels: Record<Tab, [string, number]> = {
    matched: ['Matched', r.matched.length],
    notSeen: ['In the inventory, not seen on the network', r.inventoryNotSeen.length],
    notInInventory: ['Seen on the network, not in the inventory', r.seenNotInInventory.length],
  };
  return (
    <section className="card reconcile" aria-label="Reconcile with the network">
      <div className="preview-counts" role="tablist">
        {(Object.keys(labels) as Tab[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`count ${t}${tab === t ? ' selected' : ''}`} data-testid={`rec-${t}`} onClick={() => setTab(t)}>
            <span className="n">{labels[t][1]}</span> {labels[t][0]}
          </button>
        ))}
        <input type="search" placeholder="Filter by tag, serial, name, MAC…" aria-label="Filter worklist" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {r.conflicts.length ? (
        <div className="banner warning" role="status">
          {r.conflicts.length} asset{r.conflicts.length === 1 ? '' : 's'} or device{r.conflicts.length === 1 ? '' : 's'} matched several candidates equally well and were left for you to link by hand.
        </div>
      ) : null}
      {tab === 'matched' ? (
        <table className="table" aria-label="Matched">
          <thead>
            <tr><th>Asset</th><th>Device on the network</th><th>Confidence</th><th>Why</th><th /></tr>
          </thead>
          <tbody>
            {r.matched
              .map((m) => ({ m, a: assetById.get(m.assetId)!, d: deviceById.get(m.deviceId)! }))
              .filter(({ a, d }) => a && d && hit(`${assetName(a)} ${deviceName(d)} ${d.ips.join(' ')}`))
              .slice(0, SHOWN)
              .map(({ m, a, d }) => (
                <tr key={`${m.assetId}:${m.deviceId}`} data-testid="match-row" data-how={m.how}>
                  <td>{assetName(a)}</td>
                  <td>{deviceName(d)}{d.ips.length ? <div className="muted">{d.ips.slice(0, 3).join(', ')}</div> : null}</td>
                  <td><span className={m.confidence >= 0.85 ? 'conf high' : m.confidence >= 0.6 ? 'conf mid' : 'conf low'}>{Math.round(m.confidence * 100)}%</span>{m.needsReview ? <div className="warn-text">please confirm</div> : null}</td>
                  <td className="why">{m.reasons.join('; ')}</td>
                  <td className="actions">
                    {m.how !== 'person' && a.deviceId !== d.id ? (
                      <button type="button" className="small" onClick={() => link(m.assetId, m.deviceId)}>Confirm</button>
                    ) : null}
                    <button type="button" className="small" onClick={() => unlink(m)}>Not this device</button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
      {tab === 'notSeen' ? (
        <table className="table" aria-label="In the inventory, not seen">
          <thead>
            <tr><th>Asset</th><th>Department · room</th><th>MAC / IP / hostname on record</th><th>Link to a device</th></tr>
          </thead>
          <tbody>
            {r.inventoryNotSeen
              .map((id) => assetById.get(id)!)
              .filter((a) => a && hit(`${assetName(a)} ${a.macs.join(' ')} ${a.hostname ?? ''}`))
              .slice(0, SHOWN)
              .map((a) => (
                <tr key={a.id} data-testid="not-seen-row">
                  <td>{assetName(a)}</td>
                  <td>{[a.department, a.room].filter(Boolean).join(' · ')}</td>
                  <td className="muted">{[...a.macs, ...a.ips, a.hostname].filter(Boolean).join(', ') || 'none'}</td>
                  <td><LinkPicker options={freeDevices.map((d) => [d.id, deviceName(d)])} label={`Link ${assetName(a)} to a device`} onLink={(id) => link(a.id, id as DeviceId)} /></td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
      {tab === 'notInInventory' ? (
        <table className="table" aria-label="Seen, not in the inventory">
          <thead>
            <tr><th>Device</th><th>Identified as</th><th>Last seen</th><th>Link to an asset</th></tr>
          </thead>
          <tbody>
            {r.seenNotInInventory
              .map((id) => deviceById.get(id)!)
              .filter((d) => d && hit(`${deviceName(d)} ${d.ips.join(' ')}`))
              .slice(0, SHOWN)
              .map((d) => (
                <tr key={d.id} data-testid="not-in-inventory-row">
                  <td>{deviceName(d)}{d.ips.length ? <div className="muted">{d.ips.slice(0, 3).join(', ')}</div> : null}</td>
                  <td>{[d.identity?.type?.value, d.identity?.maker?.value ?? d.identity?.macVendor?.name, d.identity?.model?.value].filter(Boolean).join(' · ') || <span className="muted">unknown</span>}</td>
                  <td className="muted">{new Date(d.lastSeen).toISOString().slice(0, 16).replace('T', ' ')}</td>
                  <td><LinkPicker options={freeAssets.map((a) => [a.id, assetName(a)])} label={`Link ${deviceName(d)} to an asset`} onLink={(id) => link(id as AssetId, d.id)} /></td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
      {labels[tab][1] > SHOWN ? <p className="muted">Showing the first {SHOWN}; use the filter to find others.</p> : null}
      <p className="muted">A link or “Not this device” you make is kept: later imports and captures never undo it. Ctrl+Z undoes the last one.</p>
    </section>
  );
}

function LinkPicker({ options, label, onLink }: { options: Array<[string, string]>; label: string; onLink: (id: string) => void }) {
  const [v, setV] = useState('');
  if (!options.length) return <span className="muted">nothing left to link</span>;
  return (
    <span className="link-picker">
      <select aria-label={label} value={v} onChange={(e) => setV(e.target.value)}>
        <option value="">Choose…</option>
        {options.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" className="small" disabled={!v} onClick={() => onLink(v)}>
        Link
      </button>
    </span>
  );
}
