// The main-side probe service behind the probe:* channels. Plain module (no electron import): the lead
// wires probeHandlers() into the handler table. It re-validates everything the renderer sends:
//  - targets come only from devices the main side already knows (deps.devices) or a local subnet;
//  - rates, budgets and kinds are whatever the policy makes of the request (clamped to the ceilings);
//  - plans and approvals stay here; the renderer refers to them by id only;
//  - inventory risk hints from the renderer can only add risk, never remove it.
import os from 'node:os';
import type { z } from 'zod';
import type { Asset } from '../../core/model/asset';
import type { Device } from '../../core/model/device';
import type { Observation } from '../../core/model/observation';
import { UserFacingError } from '../../core/ipc/define';
import { probeChannels } from '../../core/ipc/probe';
import type { probeEvents, PlanView } from '../../core/ipc/probe';
import { AuditLog, auditToCsv, auditToJson } from '../../core/probe-policy/audit';
import type { AuditRecord } from '../../core/probe-policy/audit';
import { parseCidr } from '../../core/probe-policy/net';
import { ApprovalError, approvePlan, buildPlan, candidatesFrom, redactPlan } from '../../core/probe-policy/policy';
import type { Exclusions, ProbeApproval, ProbeCandidate, ProbePlan } from '../../core/probe-policy/policy';
import { startRun } from './runner';
import type { ProbeRun, RunOptions } from './runner';

type ProbeChannels = typeof probeChannels;
type ProbeEvents = typeof probeEvents;
export type ProbeArgs<C extends keyof ProbeChannels> = z.output<ProbeChannels[C]['args']>;
export type ProbeResult<C extends keyof ProbeChannels> = z.output<ProbeChannels[C]['result']>;
export type ProbePayload<E extends keyof ProbeEvents> = z.output<ProbeEvents[E]['payload']>;

export interface ProbeServiceDeps {
  /** Devices the main side has seen (capture/discovery service). The only source of probe targets. */
  devices(): readonly Device[];
  /** Inventory assets main knows of (risk flags); the renderer's hints are added to these. */
  assets?(): readonly Asset[];
  /** Standing exclusions from settings (OR-ed with the request's). */
  exclusions?(): Exclusions;
  /** Subnets of this machine's interfaces (ARP goes only there). Defaults to os.networkInterfaces(). */
  localSubnets?(): string[];
  emit<E extends keyof ProbeEvents>(event: E, payload: ProbePayload<E>): void;
  /** Every audit record as it is written (persist it: the log must survive a crash). */
  onAudit?(r: AuditRecord): void;
  /** The persisted audit log (all sessions), for export. */
  readAudit?(): AuditRecord[];
  /** Observations for identification (source 'probe'). */
  onObservations?(o: Observation[]): void;
  now?(): number;
  /** Test seam, passed to the runner. */
  runOptions?: Pick<RunOptions, 'executors' | 'clock'>;
}

export function localSubnets(): string[] {
  const out = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && a.cidr) out.add(parseCidr(a.cidr)!.text);
  }
  return [...out];
}

const MAX_PLANS = 20;

export class ProbeService {
  private readonly plans = new Map<string, ProbePlan>();
  private readonly approvals = new Map<string, ProbeApproval>();
  private readonly runs = new Map<string, { run: ProbeRun; audit: AuditLog }>();
  private active: ProbeRun | undefined;
  private seq = 0;

  constructor(private readonly deps: ProbeServiceDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  plan(raw: unknown): PlanView {
    const a = probeChannels['probe:plan'].args.parse(raw); // again, whatever the registrar did
    const candidates: ProbeCandidate[] = candidatesFrom(this.deps.devices(), this.deps.assets?.() ?? []);
    for (const h of a.riskHints ?? []) {
      for (const c of candidates) {
        if (c.deviceId !== h.deviceId) continue;
        if (h.lifeSupport) c.lifeSupport = true;
        if (h.highRisk) c.highRisk = true;
        if (h.type) c.type = c.type ? `${c.type} / ${h.type}` : h.type;
      }
    }
    const standing = this.deps.exclusions?.() ?? {};
    const ex: Exclusions = {
      ips: [...(standing.ips ?? []), ...(a.exclusions?.ips ?? [])],
      cidrs: [...(standing.cidrs ?? []), ...(a.exclusions?.cidrs ?? [])],
      macs: [...(standing.macs ?? []), ...(a.exclusions?.macs ?? [])],
      types: [...(standing.types ?? []), ...(a.exclusions?.types ?? [])],
    };
    const planId = `plan-${this.now().toString(36)}-${++this.seq}`;
    const req: Parameters<typeof buildPlan>[0] = {
      candidates,
      settings: { ...a.settings, localSubnets: this.deps.localSubnets?.() ?? localSubnets() },
      exclusions: ex,
      overrides: a.overrides ?? [],
      now: this.now(),
      planId,
    };
    if (a.deviceIds) req.deviceIds = a.deviceIds;
    if (a.subnet !== undefined) req.subnet = a.subnet;
    const { plan, problems } = buildPlan(req);
    this.plans.set(plan.id, plan);
    while (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    return { ...redactPlan(plan), problems };
  }

  approve(raw: unknown): ProbeResult<'probe:approve'> {
    const a = probeChannels['probe:approve'].args.parse(raw);
    const plan = this.plans.get(a.planId);
    if (!plan) throw new UserFacingError('That plan is not known (plans are kept for this session only).', 'Build the plan again.', 'denied');
    let approval: ProbeApproval;
    try {
      approval = approvePlan(plan, a.approver, a.reason, { now: this.now() });
    } catch (e) {
      if (e instanceof ApprovalError) throw new UserFacingError(e.message, undefined, 'denied');
      throw e;
    }
    this.approvals.set(approval.id, approval);
    this.plans.delete(plan.id); // one approval per plan
    return { approvalId: approval.id, approvedAt: approval.approvedAt, expiresAt: approval.expiresAt, entries: approval.plan.entries.length };
  }

  start(raw: unknown): ProbeResult<'probe:start'> {
    const a = probeChannels['probe:start'].args.parse(raw);
    const approval = this.approvals.get(a.approvalId);
    if (!approval) throw new UserFacingError('That approval is not known.', 'Approve the plan again.', 'denied');
    if (this.now() > approval.expiresAt) throw new UserFacingError('The approval has expired.', 'Approve the plan again.', 'denied');
    if (this.active) throw new UserFacingError('A probe run is already going.', 'Stop it or wait for it to finish.', 'denied');
    this.approvals.delete(a.approvalId); // an approval runs once
    const runId = `run-${this.now().toString(36)}-${++this.seq}`;
    const audit = new AuditLog(approval);
    const opts: RunOptions = {
      runId,
      audit,
      onProgress: (p) => this.deps.emit('probe:progressed', p),
      ...this.deps.runOptions,
    };
    if (this.deps.onAudit) opts.onAudit = (r) => this.deps.onAudit!(r);
    if (this.deps.onObservations) opts.onObservations = (o) => this.deps.onObservations!(o);
    const run = startRun(approval, opts);
    this.active = run;
    this.runs.set(runId, { run, audit });
    void run.done.then((s) => {
      if (this.active === run) this.active = undefined;
      this.deps.emit('probe:finished', s as ProbePayload<'probe:finished'>);
    });
    return { runId };
  }

  async stop(raw: unknown): Promise<ProbeResult<'probe:stop'>> {
    const a = probeChannels['probe:stop'].args.parse(raw);
    const r = this.runs.get(a.runId);
    if (!r) return { stopped: false };
    await r.run.stop();
    return { stopped: true };
  }

  /** Stop whatever runs (on quit). */
  async stopAll(): Promise<void> {
    await this.active?.stop();
  }

  auditExport(raw: unknown): ProbeResult<'probe:audit-export'> {
    const a = probeChannels['probe:audit-export'].args.parse(raw);
    const recs: AuditRecord[] = [];
    // The persisted log holds every run, earlier sessions included (each record is written before
    // its packet is sent); without one, the runs of this session.
    const persisted = this.deps.readAudit?.();
    if (persisted) for (const r of persisted) if (!a.runId || r.runId === a.runId) recs.push(r);
    if (!persisted) for (const [id, r] of this.runs) if (!a.runId || id === a.runId) recs.push(...r.audit.records());
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const text = a.format === 'csv' ? auditToCsv(recs) : auditToJson(recs, this.now());
    return { filename: `wardwalk-probe-audit-${stamp}.${a.format}`, text, records: recs.length };
  }
}

/** Handler table for the probe:* channels (the lead spreads it into electron/services/handlers.ts). */
export function probeHandlers(svc: ProbeService) {
  return {
    'probe:plan': (args: ProbeArgs<'probe:plan'>) => svc.plan(args),
    'probe:approve': (args: ProbeArgs<'probe:approve'>) => svc.approve(args),
    'probe:start': (args: ProbeArgs<'probe:start'>) => svc.start(args),
    'probe:stop': (args: ProbeArgs<'probe:stop'>) => svc.stop(args),
    'probe:audit-export': (args: ProbeArgs<'probe:audit-export'>) => svc.auditExport(args),
  };
}
