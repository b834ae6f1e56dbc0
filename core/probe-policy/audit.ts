// The probe audit log: who approved what, and every query sent (to whom, how many packets, what came
// back). Exported as CSV or JSON as evidence for a hospital's IEC 80001-1:2021 risk file. Answers are
// recorded as short identity text only (never payload), and the SNMP community is never written.
import { cleanText } from '../model/observation';
import type { QueryKind } from './kinds';
import { csvCell } from '../model/cells';
import type { ProbeApproval, ProbePlan } from './policy';

export type AuditEvent =
  | 'plan-approved'
  | 'risk-override'
  | 'run-started'
  | 'query' // written BEFORE the attempt is sent; one datagram (UDP/ARP) or one connection (TCP)
  | 'result' // how that attempt ended (same seq-linked kind/target/port/attempt)
  | 'skipped'
  | 'run-stopped'
  | 'run-finished';

export interface AuditRecord {
  seq: number;
  /** Milliseconds since the epoch. */
  ts: number;
  event: AuditEvent;
  planId: string;
  approvalId: string;
  approver: string;
  approvedAt: number;
  runId?: string;
  kind?: QueryKind;
  targetIp?: string;
  targetMac?: string;
  deviceId?: string;
  port?: number;
  /** What was sent, in words ("SNMPv2c GetRequest sysDescr.0 … (community redacted)"). */
  query?: string;
  /** Packets charged to the caps for this attempt: the policy's upper bound for its kind (see KIND_SPECS). */
  packets?: number;
  attempt?: number;
  result?: string;
  /** Short, cleaned identity text or a reason ("sysName=ward3b-pump-gw"; "override: …"). */
  detail?: string;
}

export type AuditInput = Omit<AuditRecord, 'seq' | 'planId' | 'approvalId' | 'approver' | 'approvedAt'>;

/** Append-only log bound to one approval. */
export class AuditLog {
  private readonly rows: AuditRecord[] = [];
  private readonly listeners: Array<(r: AuditRecord) => void> = [];

  constructor(private readonly approval: ProbeApproval) {}

  onAppend(fn: (r: AuditRecord) => void): void {
    this.listeners.push(fn);
  }

  append(r: AuditInput): AuditRecord {
    const rec: AuditRecord = {
      seq: this.rows.length + 1,
      planId: this.approval.plan.id,
      approvalId: this.approval.id,
      approver: this.approval.approver,
      approvedAt: this.approval.approvedAt,
      ...r,
    };
    if (rec.detail !== undefined) rec.detail = cleanText(rec.detail, 300);
    if (rec.result !== undefined) rec.result = cleanText(rec.result, 80);
    Object.freeze(rec);
    this.rows.push(rec);
    for (const fn of this.listeners) fn(rec);
    return rec;
  }

  records(): readonly AuditRecord[] {
    return this.rows;
  }
}

/** The approval and its overrides as the first records of a run's log. */
export function recordApproval(log: AuditLog, approval: ProbeApproval, plan: ProbePlan = approval.plan): void {
  log.append({
    ts: approval.approvedAt,
    event: 'plan-approved',
    detail: `${plan.entries.length} queries; ≤ ${plan.settings.ratePps} packets/s; budget ${plan.settings.budgetPackets} packets${approval.reason ? `; reason: ${approval.reason}` : ''}`,
  });
  for (const o of plan.overrides) {
    const r: AuditInput = { ts: o.at, event: 'risk-override', targetIp: o.device, detail: `by ${o.by}: ${o.reason} (overrode: ${o.risks.join('; ')})` };
    const e = plan.entries.find((x) => x.target.deviceId === o.device || x.target.ip === o.device);
    if (e) {
      r.targetIp = e.target.ip;
      if (e.target.deviceId) r.deviceId = e.target.deviceId;
      if (e.target.mac) r.targetMac = e.target.mac;
    }
    log.append(r);
  }
}

// ---------------------------------------------------------------------------------------------
// Export.

export const AUDIT_COLUMNS = [
  'seq', 'time', 'event', 'approver', 'approved_at', 'plan_id', 'approval_id', 'run_id', 'query_kind', 'target_ip',
  'target_mac', 'device_id', 'port', 'query', 'packets', 'attempt', 'result', 'detail',
] as const;

const iso = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString());

/** One CSV cell (formula-looking text escaped, RFC 4180 quoting): core/model/cells.ts. */
export { csvCell };

export function auditToCsv(records: readonly AuditRecord[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const r of records) {
    const cells: Array<string | number | undefined> = [
      r.seq, iso(r.ts), r.event, r.approver, iso(r.approvedAt), r.planId, r.approvalId, r.runId, r.kind, r.targetIp,
      r.targetMac, r.deviceId, r.port, r.query, r.packets, r.attempt, r.result, r.detail,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function auditToJson(records: readonly AuditRecord[], exportedAt: number): string {
  return JSON.stringify(
    {
      format: 'wardwalk-probe-audit',
      version: 1,
      exportedAt: iso(exportedAt),
      purpose: 'Evidence of active probing for an IEC 80001-1 risk file: approvals, overrides and every query sent.',
      records: records.map((r) => ({ ...r, time: iso(r.ts) })),
    },
    null,
    2,
  );
}
