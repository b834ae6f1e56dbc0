// Safe probes (issue 8): passive by default. A person chooses devices (or a subnet) and read-only
// queries, reads the plan main made from them — which device, which query, why, at what rate, what it
// costs, and which devices are left out and why — approves it by name, then starts it, watches it, and
// can stop it at once. Answers become evidence on the devices; the audit log is exported as evidence
// for the IEC 80001 risk file. This is the page a hospital's risk manager signs off on: keep it plain.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import { useStore } from '../../store';
import { api } from '../../bridge';
import { KIND_SPECS, MAX_BUDGET_PACKETS, MAX_RATE_PPS, QUERY_KINDS } from '../../../../core/probe-policy/kinds';
import type { QueryKind } from '../../../../core/probe-policy/kinds';
import { riskReasons } from '../../../../core/probe-policy/policy';
import { isHighRiskType, isLifeSupportType, typeLabel } from '../../../../core/fingerprint/taxonomy';
import type { Device } from '../../../../core/model/device';
import {
  MIN_OVERRIDE_REASON,
  addProbeOverride,
  approveProbePlan,
  buildProbePlan,
  discardProbePlan,
  exportProbeAudit,
  listenForProbeEvents,
  removeProbeOverride,
  setProbeDevices,
  setProbeOptions,
  startProbeRun,
  stopProbeRun,
  toggleProbeDevice,
  toggleProbeKind,
} from '../../actions/probes';
import { useProbes } from './state';
import type { FinishedView, PlanView } from './state';
import { deviceLabel } from '../discover/format';
import './probes.css';

export const KIND_LABELS: Record<QueryKind, string> = {
  arp: 'ARP request',
  mdns: 'mDNS / DNS-SD query',
  ssdp: 'SSDP search',
  'nbns-status': 'NetBIOS node status',
  'snmp-get-system': 'SNMP GET (system group)',
  'http-get-root': 'HTTP(S) GET /',
  'dicom-echo': 'DICOM C-ECHO',
};

const MAX_LISTED = 200;

export const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : `${Math.round(ms / 60_000)} min`);
const time = (t: number) => new Date(t).toLocaleString();

export function ProbesView() {
  const run = useProbes((s) => s.run);
  const plan = useProbes((s) => s.plan);

  useEffect(() => {
    listenForProbeEvents();
  }, []);

  // Keyboard: Escape stops a run from anywhere in the view.
  useEffect(() => {
    if (!run) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        void stopProbeRun({});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return (
    <section className="view probes" aria-labelledby="probes-title">
      <header className="view-header row">
        <div>
          <h1 id="probes-title">Safe probes</h1>
          <p className="muted intro">
            Wardwalk is passive by default: <strong>nothing is sent to any device until a person reads a plan and approves it.</strong> A plan holds only
            standard, read-only queries in each device's own protocol, at a limited rate. Life-support and high-risk devices are left out unless someone
            overrides them one by one, with a reason. Every query is written to an audit log you can export for the IEC 80001 risk file.
          </p>
        </div>
        <StatusPill />
      </header>
      <Problem />
      <ChooseStep />
      {plan ? <PlanStep plan={plan} /> : null}
      {plan || run ? <ApproveStep /> : null}
      <ResultsStep />
      <AuditStep />
    </section>
  );
}

function StatusPill() {
  const run = useProbes((s) => s.run);
  const approval = useProbes((s) => s.approval);
  if (run)
    return (
      <div className="probe-pill sending" role="status">
        <span className="dot" aria-hidden="true" /> Sending — approved by {run.approver}
      </div>
    );
  return (
    <div className="probe-pill quiet" role="status">
      {approval ? 'Approved, not started: nothing is being sent' : 'Nothing is being sent'}
    </div>
  );
}

function Problem() {
  const problem = useProbes((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="banner error" role="alert">
      <strong>{problem.message}</strong>
      {problem.hint ? <div>{problem.hint}</div> : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// 1. Choose

function deviceType(d: Device): string {
  const t = d.identity?.type?.value;
  return t && t !== 'unknown' ? typeLabel(t) : '';
}

/** What the list says about a device's risk before any plan: inventory flags first, then its type. */
function riskBadge(d: Device, inventory: 'life-support' | 'high-risk' | undefined): string {
  if (inventory) return `${inventory} (inventory)`;
  const t = d.identity?.type?.value;
  if (isLifeSupportType(t)) return 'life-support type';
  if (isHighRiskType(t) || (t && riskReasons({ ip: '0.0.0.0', type: t }).length)) return 'high-risk type';
  return '';
}

function ChooseStep() {
  const devices = useLiveQuery(() => db().devices.toArray(), []) ?? [];
  const choices = useProbes((s) => s.choices);
  const busy = useProbes((s) => s.busy);
  const run = useProbes((s) => s.run);
  const [query, setQuery] = useState('');
  const chosen = useMemo(() => new Set(choices.deviceIds), [choices.deviceIds]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const rows = q
      ? devices.filter((d) => [d.mac, ...d.ips, ...d.hostnames, deviceType(d), d.identity?.maker?.value, d.identity?.model?.value].filter(Boolean).join(' ').toLowerCase().includes(q))
      : devices;
    return [...rows].sort((a, b) => Number(chosen.has(b.id)) - Number(chosen.has(a.id)) || deviceLabel(a).localeCompare(deviceLabel(b)));
  }, [devices, query, chosen]);

  const shownIds = useMemo(() => shown.slice(0, MAX_LISTED).map((d) => d.id), [shown]);
  const flagged = useLiveQuery(
    async () => {
      const m = new Map<string, 'life-support' | 'high-risk'>();
      for (const a of await db().assets.where('deviceId').anyOf(shownIds).toArray()) {
        if (a.deleted || !a.deviceId) continue;
        if (a.lifeSupport) m.set(a.deviceId, 'life-support');
        else if (a.highRisk && !m.has(a.deviceId)) m.set(a.deviceId, 'high-risk');
      }
      return m;
    },
    [shownIds],
    new Map<string, 'life-support' | 'high-risk'>(),
  );
  const ex = choices.exclusions;
  const setEx = (k: keyof typeof ex, v: string) => void setProbeOptions({ patch: { exclusions: { ...ex, [k]: v } } });

  return (
    <div className="card probe-step" aria-labelledby="probe-choose">
      <h2 id="probe-choose">
        <span className="step-no">1</span> Choose devices and queries
      </h2>
      <div className="choose-grid">
        <div>
          <div className="toolbar">
            <input type="search" placeholder="Search name, IP, MAC, type, maker…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search devices to probe" />
            <button type="button" className="small" onClick={() => void setProbeDevices({ deviceIds: [...choices.deviceIds, ...shown.slice(0, MAX_LISTED).map((d) => d.id)] })} disabled={!shown.length}>
              Choose all shown
            </button>
            <button type="button" className="small" onClick={() => void setProbeDevices({ deviceIds: [] })} disabled={!choices.deviceIds.length}>
              Clear
            </button>
            <span className="muted small">{choices.deviceIds.length} chosen</span>
          </div>
          {devices.length === 0 ? (
            <p className="muted">No devices stored yet. Open a capture in Discover first, or give a subnet below.</p>
          ) : (
            <div className="probe-devices" role="group" aria-label="Devices to probe">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col" className="check-col">
                      <span className="sr-only">Chosen</span>
                    </th>
                    <th scope="col">Device</th>
                    <th scope="col">IP</th>
                    <th scope="col">Type</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, MAX_LISTED).map((d) => {
                    const risk = riskBadge(d, flagged.get(d.id));
                    const id = `probe-dev-${d.id}`;
                    return (
                      <tr key={d.id} className={chosen.has(d.id) ? 'chosen' : undefined}>
                        <td className="check-col">
                          <input id={id} type="checkbox" checked={chosen.has(d.id)} onChange={() => void toggleProbeDevice({ deviceId: d.id })} aria-label={`Probe ${deviceLabel(d)}`} />
                        </td>
                        <td>
                          <label htmlFor={id}>{deviceLabel(d)}</label>
                        </td>
                        <td className="mono">{d.ips.slice(0, 2).join(', ')}</td>
                        <td>
                          {deviceType(d)}
                          {risk ? <span className="badge danger">{risk}</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {shown.length > MAX_LISTED ? <p className="muted small">{(shown.length - MAX_LISTED).toLocaleString()} more: search to narrow the list.</p> : null}
            </div>
          )}
          <label className="field">
            <span>Or every device in a subnet (with ARP: every address in it, up to a /22)</span>
            <input value={choices.subnet} placeholder="e.g. 10.20.30.0/24" onChange={(e) => void setProbeOptions({ patch: { subnet: e.target.value } })} aria-label="Subnet" />
          </label>
        </div>
        <div>
          <fieldset className="kinds">
            <legend>Queries (each is one standard, read-only request)</legend>
            {QUERY_KINDS.map((k) => (
              <label key={k} className="kind">
                <input type="checkbox" checked={choices.kinds.includes(k)} onChange={() => void toggleProbeKind({ kind: k })} />
                <span>
                  <strong>{KIND_LABELS[k]}</strong>
                  <span className="muted small"> — {KIND_SPECS[k].why}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {choices.kinds.includes('snmp-get-system') ? (
            <label className="field">
              <span>SNMP v2c community (read-only; never stored or logged)</span>
              <input type="password" autoComplete="off" value={choices.snmpCommunity} onChange={(e) => void setProbeOptions({ patch: { snmpCommunity: e.target.value } })} aria-label="SNMP community" />
            </label>
          ) : null}
          {choices.kinds.includes('dicom-echo') ? (
            <label className="field">
              <span>Your DICOM AE title (calling AE)</span>
              <input maxLength={16} value={choices.aeTitle} onChange={(e) => void setProbeOptions({ patch: { aeTitle: e.target.value } })} aria-label="Calling AE title" />
            </label>
          ) : null}
          <div className="field-row">
            <label className="field">
              <span>Rate, all devices together (packets/s, at most {MAX_RATE_PPS})</span>
              <input
                type="number"
                min={1}
                max={MAX_RATE_PPS}
                value={choices.ratePps}
                onChange={(e) => void setProbeOptions({ patch: { ratePps: Math.max(1, Math.min(MAX_RATE_PPS, Math.floor(Number(e.target.value) || 1))) } })}
                aria-label="Rate in packets per second"
              />
            </label>
            <label className="field">
              <span>Packet budget for the run</span>
              <input
                type="number"
                min={1}
                max={MAX_BUDGET_PACKETS}
                value={choices.budgetPackets}
                onChange={(e) => void setProbeOptions({ patch: { budgetPackets: Math.max(1, Math.min(MAX_BUDGET_PACKETS, Math.floor(Number(e.target.value) || 1))) } })}
                aria-label="Packet budget"
              />
            </label>
          </div>
          <details className="exclusions">
            <summary>Exclusions (never probed, whatever else is chosen)</summary>
            <label className="field">
              <span>IP addresses</span>
              <input value={ex.ips} onChange={(e) => setEx('ips', e.target.value)} aria-label="Excluded IP addresses" placeholder="10.1.2.3, 10.1.2.4" />
            </label>
            <label className="field">
              <span>Ranges (CIDR)</span>
              <input value={ex.cidrs} onChange={(e) => setEx('cidrs', e.target.value)} aria-label="Excluded ranges" placeholder="10.9.0.0/16" />
            </label>
            <label className="field">
              <span>MAC addresses</span>
              <input value={ex.macs} onChange={(e) => setEx('macs', e.target.value)} aria-label="Excluded MAC addresses" />
            </label>
            <label className="field">
              <span>Types (any type containing the word)</span>
              <input value={ex.types} onChange={(e) => setEx('types', e.target.value)} aria-label="Excluded types" placeholder="pump, ventilator" />
            </label>
          </details>
        </div>
      </div>
      <div className="button-row step-actions">
        <button type="button" className="primary" onClick={() => void buildProbePlan({})} disabled={busy !== null || !!run}>
          {busy === 'plan' ? 'Building the plan…' : 'Build the plan'}
        </button>
        <span className="muted small">Building a plan sends nothing. You will read it before anything can be approved.</span>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// 2. The plan

function PlanStep({ plan }: { plan: PlanView }) {
  const stale = useProbes((s) => s.planStale);
  const overrides = useProbes((s) => s.overrides);
  const sources = useProbes((s) => s.hintSources);
  const devicesInPlan = new Set(plan.entries.map((e) => e.target.ip)).size;
  const s = plan.settings;
  return (
    <div className="card probe-step" aria-labelledby="probe-plan">
      <div className="row">
        <h2 id="probe-plan">
          <span className="step-no">2</span> Read the plan
        </h2>
        <button type="button" className="small" onClick={() => void discardProbePlan({})}>
          Discard plan
        </button>
      </div>
      {stale ? (
        <div className="banner warning" role="status">
          The choices changed after this plan was made. Build the plan again before approving it.
        </div>
      ) : null}
      <dl className="plan-summary" aria-label="Plan summary">
        <div>
          <dt>Queries</dt>
          <dd>
            {plan.entries.length} to {devicesInPlan} device{devicesInPlan === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>
            ≤ {s.ratePps} packets/s overall; one query at a time per device, ≥ {s.deviceGapMs / 1000} s apart
          </dd>
        </div>
        <div>
          <dt>Estimate</dt>
          <dd>
            ≤ {plan.estimate.packets.toLocaleString()} packets, at least {duration(plan.estimate.minDurationMs)}
          </dd>
        </div>
        <div>
          <dt>Limits</dt>
          <dd>
            budget {s.budgetPackets.toLocaleString()} packets; timeout {duration(s.timeoutMs)}; up to {s.maxRetries} retr{s.maxRetries === 1 ? 'y' : 'ies'} after a timeout
          </dd>
        </div>
      </dl>
      {plan.problems.length ? (
        <div className="banner error" role="alert">
          <strong>The plan has problems:</strong>
          <ul>
            {plan.problems.map((p) => (
              <li key={p}>
                {p}
                {/^unknown device/.test(p) ? ' — the probe service does not know this device: open its capture in Discover or build the plan again to sync it.' : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.notes.length ? (
        <ul className="plan-notes muted">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      <h3>What will be sent</h3>
      {plan.entries.length === 0 ? (
        <p className="muted">Nothing: this plan sends no query.</p>
      ) : (
        <div className="scroll-x">
          <table className="table plan-entries" aria-label="Planned queries">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Query</th>
                <th scope="col">Why</th>
                <th scope="col">What goes out</th>
                <th scope="col" className="num">
                  Packets
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <div>{e.target.label ?? e.target.ip}</div>
                    <div className="mono muted">{e.target.ip}</div>
                    {e.target.risks?.length ? <span className="badge danger">overridden risk</span> : null}
                  </td>
                  <td>
                    {KIND_LABELS[e.kind]}
                    <div className="mono muted">
                      {e.kind === 'arp' ? 'arp' : `${KIND_SPECS[e.kind].transport}/${e.port}`}
                      {e.tls ? ' (TLS)' : ''}
                    </div>
                  </td>
                  <td className="small">{e.why}</td>
                  <td className="small">{e.sends}</td>
                  <td className="num">≤ {e.packets}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Left out ({plan.excluded.length})</h3>
      {plan.excluded.length === 0 ? (
        <p className="muted">No device was left out.</p>
      ) : (
        <ul className="excluded-list" aria-label="Excluded devices">
          {plan.excluded.map((x) => (
            <ExcludedItem key={x.target.ip} x={x} sources={x.target.deviceId ? sources[x.target.deviceId] : undefined} />
          ))}
        </ul>
      )}

      {plan.overrides.length || overrides.length ? (
        <>
          <h3>Risk overrides</h3>
          <ul className="overrides-list" aria-label="Risk overrides">
            {overrides.map((o) => {
              const rec = plan.overrides.find((r) => r.device === o.device);
              const entry = plan.entries.find((e) => e.target.deviceId === o.device || e.target.ip === o.device);
              return (
                <li key={o.device}>
                  <div>
                    <strong>{entry?.target.label ?? entry?.target.ip ?? o.device}</strong> — overridden by <strong>{o.by}</strong>: “{o.reason}”
                    {rec ? <div className="muted small">Overrode: {rec.risks.join('; ')}</div> : null}
                  </div>
                  <button type="button" className="small" onClick={() => void removeProbeOverride({ device: o.device, label: entry?.target.label ?? o.device })}>
                    Withdraw
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ExcludedItem({ x, sources }: { x: PlanView['excluded'][number]; sources: string[] | undefined }) {
  const surveyor = useStore((s) => s.surveyor);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(surveyor === 'surveyor' ? '' : surveyor);
  const name = x.target.label ?? x.target.ip;
  const device = x.target.deviceId ?? x.target.ip;
  const ok = reason.trim().length >= MIN_OVERRIDE_REASON && by.trim().length > 0;
  return (
    <li className="excluded" aria-label={`Excluded ${name}`}>
      <div className="row">
        <div>
          <strong>{name}</strong> <span className="mono muted">{x.target.ip}</span>
          <ul className="reasons">
            {x.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {sources?.length ? <div className="muted small">From: {sources.join('; ')}</div> : null}
        </div>
        {x.overridable ? (
          !open ? (
            <button type="button" onClick={() => setOpen(true)}>
              Override for this device…
            </button>
          ) : null
        ) : (
          <span className="muted small">Excluded by the lists above: change them to probe it.</span>
        )}
      </div>
      {open ? (
        <form
          className="override-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!ok) return;
            void addProbeOverride({ device, reason, by, label: name }).then((done) => done && setOpen(false));
          }}
        >
          <p className="small">
            Only override when the device is not in clinical use (e.g. in the workshop) or its maker confirms these queries are safe. Your name and reason go
            into the audit log.
          </p>
          <label className="field">
            <span>Reason (at least {MIN_OVERRIDE_REASON} characters)</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label={`Override reason for ${name}`} autoFocus />
          </label>
          <label className="field">
            <span>Who takes responsibility</span>
            <input value={by} onChange={(e) => setBy(e.target.value)} aria-label={`Override by for ${name}`} />
          </label>
          <div className="button-row">
            <button type="submit" className="primary" disabled={!ok}>
              Override and rebuild the plan
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          {!ok && reason.length > 0 && reason.trim().length < MIN_OVERRIDE_REASON ? <div className="warn-text small">The reason is too short.</div> : null}
        </form>
      ) : null}
    </li>
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Approve and run

function ApproveStep() {
  const plan = useProbes((s) => s.plan);
  const stale = useProbes((s) => s.planStale);
  const approval = useProbes((s) => s.approval);
  const used = useProbes((s) => s.planApproved);
  const run = useProbes((s) => s.run);
  const busy = useProbes((s) => s.busy);
  const surveyor = useStore((s) => s.surveyor);
  const [approver, setApprover] = useState(surveyor === 'surveyor' ? '' : surveyor);
  const [reason, setReason] = useState('');
  const canApprove = !!plan && !stale && !used && plan.entries.length > 0 && !approval && !run && approver.trim().length > 0 && busy === null;

  return (
    <div className="card probe-step" aria-labelledby="probe-approve">
      <h2 id="probe-approve">
        <span className="step-no">3</span> Approve and run
      </h2>
      {run ? (
        <RunPanel />
      ) : (
        <>
          <form
            className="approve-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (canApprove) void approveProbePlan({ approver, reason });
            }}
          >
            <label className="field">
              <span>Approved by</span>
              <input value={approver} onChange={(e) => setApprover(e.target.value)} aria-label="Approver name" disabled={!!used} />
            </label>
            <label className="field grow">
              <span>Reason (optional, goes into the audit log)</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Approval reason" disabled={!!used} />
            </label>
            <button type="submit" className="primary" disabled={!canApprove}>
              {busy === 'approve' ? 'Approving…' : 'Approve this plan'}
            </button>
          </form>
          {approval ? (
            <p className="ok-text" role="status">
              Approved by <strong>{approval.approver}</strong> at {time(approval.approvedAt)} ({approval.entries} queries). The approval is valid until {time(approval.expiresAt)} and
              runs once.
            </p>
          ) : used ? (
            <p className="muted" role="status">
              This plan was approved by <strong>{used.approver}</strong> at {time(used.at)} and has been run. An approval runs once: build the plan again to send again.
            </p>
          ) : (
            <p className="muted small">{plan && !plan.entries.length ? 'This plan sends nothing, so there is nothing to approve.' : 'Start stays off until the plan is approved.'}</p>
          )}
          <div className="button-row">
            <button type="button" className="primary start" onClick={() => void startProbeRun({})} disabled={!approval || busy !== null}>
              {busy === 'start' ? 'Starting…' : 'Start sending'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function RunPanel() {
  const run = useProbes((s) => s.run)!;
  const p = run.progress;
  const total = p?.total ?? run.plan.entries.length;
  const done = p?.done ?? 0;
  return (
    <div className="run-panel" role="region" aria-label="Probe run in progress">
      <div className="row">
        <div aria-live="polite">
          <strong>
            {done} of {total} queries done
          </strong>{' '}
          · {(p?.packets ?? 0).toLocaleString()} of {(p?.budget ?? run.plan.settings.budgetPackets).toLocaleString()} budget packets · started {time(run.startedAt)}
          {p?.last ? (
            <div className="muted small">
              Last: {run.plan.entries.find((e) => e.id === p.last!.entryId)?.target.ip ?? ''} — {p.last.outcome ?? p.last.status}
              {p.last.detail ? ` (${p.last.detail})` : ''}
            </div>
          ) : null}
        </div>
        <button type="button" className="stop" onClick={() => void stopProbeRun({})} disabled={run.stopping} aria-keyshortcuts="Escape">
          {run.stopping ? 'Stopping…' : 'Stop now'}
          <span className="kbd">Esc</span>
        </button>
      </div>
      <progress max={Math.max(1, total)} value={done} aria-label="Probe run progress" />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Results

const OUTCOME_TEXT: Record<string, string> = {
  answered: 'answered',
  refused: 'port closed',
  timeout: 'no answer',
  unreachable: 'unreachable',
  'local-error': 'could not send',
  error: 'error',
};

function advice(kind: QueryKind, outcome: string | undefined, detail: string | undefined): string {
  if (kind === 'arp' && /capture rights|permit/i.test(detail ?? '')) return 'Grant capture rights (run Wardwalk as administrator, or setcap cap_net_raw on Linux), then run the plan again.';
  if (detail === 'stopped') return '';
  if (outcome === 'local-error') return 'This computer could not send it (no route or no free socket): check the network connection.';
  if (outcome === 'unreachable') return 'The device or its network did not accept it: it may be off or behind a firewall.';
  if (kind === 'snmp-get-system' && outcome === 'timeout') return 'Check the community; SNMP agents stay silent on a wrong one.';
  return '';
}

function resultText(r: FinishedView['finished']['results'][number]): string {
  if (r.outcome && r.detail === 'stopped') return 'sent, closed by Stop';
  if (r.status === 'stopped') return 'not sent: stopped';
  if (r.status.startsWith('skipped')) return `not sent: ${r.status.replace(/^skipped-/, '').replace(/-/g, ' ')}`;
  return r.outcome ? OUTCOME_TEXT[r.outcome] ?? r.outcome : r.status.replace(/-/g, ' ');
}

function ResultsStep() {
  const last = useProbes((s) => s.last);
  if (!last) return null;
  return <Results last={last} />;
}

function Results({ last }: { last: FinishedView }) {
  const f = last.finished;
  const entries = new Map(last.plan.entries.map((e) => [e.id, e]));
  const answered = f.results.filter((r) => r.outcome === 'answered').length;
  const byDevice = new Map<string, typeof f.results>();
  for (const r of f.results) byDevice.set(r.ip, [...(byDevice.get(r.ip) ?? []), r]);
  return (
    <div className="card probe-step" aria-labelledby="probe-results">
      <h2 id="probe-results">
        <span className="step-no">4</span> Results
      </h2>
      <p role="status">
        {f.stopped ? <strong className="warn-text">Stopped by a person. </strong> : <strong className="ok-text">Finished. </strong>}
        {answered} of {f.results.length} queries answered; {f.packets.toLocaleString()} packets charged to the limits; {duration(f.finishedAt - f.startedAt)}; approved by {last.approver}.
      </p>
      {last.merge ? (
        <p className="muted small">
          {last.merge.error
            ? `The answers were not stored: ${last.merge.error}`
            : !last.merge.facts
              ? 'No answer carried anything to store as evidence.'
              : `${last.merge.facts} fact${last.merge.facts === 1 ? '' : 's'} stored as evidence (source “probe”) on ${last.merge.devices} device${last.merge.devices === 1 ? '' : 's'}, which were identified again.`}
          {last.merge.unmatched ? ` ${last.merge.unmatched} answers came from addresses not in the device list and are shown here only.` : ''}
        </p>
      ) : (
        <p className="muted small">Storing the answers as evidence…</p>
      )}
      {[...byDevice].map(([ip, rs]) => {
        const t = entries.get(rs[0]!.entryId)?.target;
        return (
          <div key={ip} className="result-device">
            <h3>
              {t?.label ?? ip} <span className="mono muted">{ip}</span>
            </h3>
            <table className="table result-table" aria-label={`Answers from ${ip}`}>
              <tbody>
                {rs.map((r) => (
                  <tr key={r.entryId}>
                    <td>
                      {KIND_LABELS[r.kind]} <span className="mono muted">{r.kind === 'arp' ? '' : `${KIND_SPECS[r.kind].transport}/${r.port}`}</span>
                    </td>
                    <td className={r.outcome === 'answered' ? 'ok-text' : undefined}>{resultText(r)}</td>
                    <td className="small">
                      {r.observations.length ? (
                        <ul className="facts">
                          {r.observations.map((o, i) => (
                            <li key={i}>
                              <span className="muted">{o.kind}</span> {o.value}
                            </li>
                          ))}
                        </ul>
                      ) : r.outcome === 'refused' || r.detail === 'stopped' ? (
                        ''
                      ) : (
                        r.detail ?? ''
                      )}
                      {advice(r.kind, r.outcome, r.detail) ? <div className="warn-text">{advice(r.kind, r.outcome, r.detail)}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Audit log

interface AuditRow {
  seq: number;
  time: string;
  event: string;
  approver: string;
  runId?: string;
  kind?: string;
  targetIp?: string;
  port?: number;
  query?: string;
  result?: string;
  detail?: string;
}

function AuditStep() {
  const last = useProbes((s) => s.last);
  const run = useProbes((s) => s.run);
  const busy = useProbes((s) => s.busy);
  const surveyor = useStore((s) => s.surveyor);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Reload whenever a run ends (or starts): the log on the main side is the source of truth.
  const lastRun = last?.finished.runId;
  const running = run?.runId;
  useEffect(() => {
    let live = true;
    void api()['probe:audit-export']({ format: 'json' }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      try {
        setRows((JSON.parse(r.value.text) as { records: AuditRow[] }).records);
        setError(null);
      } catch {
        setError('The audit log could not be read.');
      }
    });
    return () => {
      live = false;
    };
  }, [lastRun, running]);

  return (
    <div className="card probe-step" aria-labelledby="probe-audit">
      <div className="row">
        <h2 id="probe-audit">Audit log</h2>
        <div className="button-row">
          <button type="button" onClick={() => void exportProbeAudit({ format: 'csv', by: surveyor })} disabled={busy === 'export'}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportProbeAudit({ format: 'json', by: surveyor })} disabled={busy === 'export'}>
            Export JSON
          </button>
        </div>
      </div>
      <p className="muted small">
        Who approved, when, every query sent (to whom, which port, how many packets) and what came back, for this session's runs. Export it as evidence for the
        IEC 80001 risk file. SNMP communities are never written.
      </p>
      {error ? <div className="banner error small">{error}</div> : null}
      {rows && rows.length > 300 ? <p className="muted small">Showing the last 300 of {rows.length.toLocaleString()} records; the export holds them all.</p> : null}
      {rows && rows.length ? (
        <div className="audit-table">
          <table className="table" aria-label="Probe audit log">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Run</th>
                <th scope="col">Event</th>
                <th scope="col">Target</th>
                <th scope="col">Query</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(-300).map((r, i) => (
                <tr key={i}>
                  <td className="num">{r.seq}</td>
                  <td className="small">{r.time ? new Date(r.time).toLocaleTimeString() : ''}</td>
                  <td className="mono small">{r.runId ?? ''}</td>
                  <td>{r.event}</td>
                  <td className="mono">
                    {r.targetIp ?? ''}
                    {r.port ? `:${r.port}` : ''}
                  </td>
                  <td className="small">{r.query ?? ''}</td>
                  <td>{r.result ?? ''}</td>
                  <td className="small">{r.event === 'plan-approved' ? `by ${r.approver}; ${r.detail ?? ''}` : r.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No probe has been sent in this session.</p>
      )}
    </div>
  );
}
