// Why a device is what we say it is: each attribute with its confidence and reasons, the raw
// evidence behind it, and a person's correction (which always wins and stays).
import { useState } from 'react';
import type { Device, AttributeVerdict } from '../../../../core/model/device';
import { DEVICE_TYPES, typeLabel } from '../../../../core/fingerprint/taxonomy';
import type { OverridableAttribute } from '../../../../core/model/identity-override';
import { pct, verdictText, when, deviceLabel } from './format';

const ATTRS: { key: OverridableAttribute; label: string }[] = [
  { key: 'type', label: 'Type' },
  { key: 'category', label: 'Category' },
  { key: 'maker', label: 'Maker' },
  { key: 'model', label: 'Model' },
  { key: 'os', label: 'OS' },
  { key: 'firmware', label: 'Firmware' },
];

export function DeviceDrawer(props: {
  device: Device;
  isNew: boolean;
  onClose: () => void;
  onOverride: (attribute: OverridableAttribute, value: string | null) => void;
}) {
  const d = props.device;
  const id = d.identity;
  return (
    <aside className="drawer" aria-label={`Device ${deviceLabel(d)}`}>
      <header className="drawer-head">
        <div>
          <h2>
            {deviceLabel(d)} {props.isNew ? <span className="badge new">new</span> : null}
          </h2>
          <div className="muted mono">{[d.mac, ...d.ips].filter(Boolean).join(' · ')}</div>
        </div>
        <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {id?.macVendor ? (
        <p className="muted small">
          MAC vendor: {id.macVendor.name ?? (id.macVendor.randomized ? 'none (randomized / locally administered)' : 'not registered')}
          {id.macVendor.note ? ` — ${id.macVendor.note}` : ''}
        </p>
      ) : null}
      {d.router ? <p className="banner warning small">This MAC fronts many addresses (a router or gateway): its IPs are not its own identity.</p> : null}
      <h3>Identification</h3>
      <table className="table verdicts">
        <tbody>
          {ATTRS.map((a) => (
            <VerdictRow key={a.key} attr={a.key} label={a.label} v={id?.[a.key as keyof typeof id] as AttributeVerdict | undefined} onOverride={props.onOverride} />
          ))}
        </tbody>
      </table>
      {id?.endOfSupport ? <p className="banner error small">{id.endOfSupport.reason}</p> : null}
      <h3>Evidence ({d.evidence.length})</h3>
      <table className="table evidence">
        <thead>
          <tr>
            <th>Fact</th>
            <th>Value</th>
            <th>From</th>
            <th className="num">Seen</th>
            <th>Last</th>
          </tr>
        </thead>
        <tbody>
          {d.evidence.map((e) => (
            <tr key={`${e.kind}|${e.value}|${e.source}`}>
              <td>{e.kind}</td>
              <td className="wrap">{e.value}</td>
              <td>
                {e.proto} <span className="muted">({e.source})</span>
              </td>
              <td className="num">{e.count}</td>
              <td>{when(e.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        First seen {when(d.firstSeen)} · last seen {when(d.lastSeen)} · {d.packets} packets
      </p>
    </aside>
  );
}

function VerdictRow(props: { attr: OverridableAttribute; label: string; v: AttributeVerdict | undefined; onOverride: (a: OverridableAttribute, v: string | null) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const v = props.v;
  const shown = v ? verdictText(v, props.attr === 'type' ? 'type' : props.attr === 'category' ? 'category' : 'text') : '';
  const save = () => {
    if (value.trim()) props.onOverride(props.attr, value.trim());
    setEditing(false);
  };
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>
        {shown ? <strong>{shown}</strong> : <span className="muted">unknown</span>}{' '}
        {v && shown ? <span className={v.byPerson ? 'conf person' : 'conf'}>{v.byPerson ? 'set by a person' : pct(v.confidence)}</span> : null}
        {v?.reasons?.length ? (
          <ul className="reasons">
            {v.reasons.slice(0, 4).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        ) : null}
        {v && !shown && v.alternatives?.length ? (
          <div className="muted small">candidates: {v.alternatives.map((a) => `${props.attr === 'type' ? typeLabel(a.value) : a.value} ${pct(a.confidence)}`).join(', ')}</div>
        ) : null}
        {editing ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            {props.attr === 'type' ? (
              <select aria-label={`${props.label} correction`} value={value} onChange={(e) => setValue(e.target.value)} autoFocus>
                <option value="">Choose…</option>
                {DEVICE_TYPES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            ) : (
              <input aria-label={`${props.label} correction`} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
            )}
            <button type="submit" className="primary small">
              Save
            </button>
            <button type="button" className="small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : null}
      </td>
      <td className="actions">
        {!editing ? (
          <button type="button" className="small" onClick={() => setEditing(true)} aria-label={`Correct ${props.label}`}>
            Correct
          </button>
        ) : null}
        {v?.byPerson ? (
          <button type="button" className="small" onClick={() => props.onOverride(props.attr, null)} aria-label={`Clear ${props.label} correction`}>
            Clear
          </button>
        ) : null}
      </td>
    </tr>
  );
}
