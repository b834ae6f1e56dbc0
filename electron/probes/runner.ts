// A probe run: an approved plan, through the scheduler and limiter (core/probe-policy/limiter), to the
// executors. Every attempt is written to the audit log before it is sent and again when it ends.
// stop() halts at once: nothing is admitted after it, and every open socket is closed (aborted) in the
// same tick, so no new query leaves after the stop.
import { AuditLog, recordApproval } from '../../core/probe-policy/audit';
import type { AuditRecord } from '../../core/probe-policy/audit';
import type { Attempt, AttemptOutcome, Clock, JobStatus } from '../../core/probe-policy/limiter';
import { ProbeScheduler } from '../../core/probe-policy/limiter';
import { assertApproval, validateEntry } from '../../core/probe-policy/policy';
import type { PlanEntry, ProbeApproval } from '../../core/probe-policy/policy';
import type { QueryKind } from '../../core/probe-policy/kinds';
import type { Observation } from '../../core/model/observation';
import { EXECUTORS } from './executors';
import type { Executor } from './executors';

export interface RunProgress {
  runId: string;
  total: number;
  done: number;
  packets: number;
  budget: number;
  last?: { entryId: string; status: JobStatus; outcome?: AttemptOutcome; detail?: string };
}

export interface EntryResult {
  entryId: string;
  kind: QueryKind;
  ip: string;
  port: number;
  status: JobStatus;
  outcome?: AttemptOutcome;
  detail?: string;
  observations: Observation[];
}

export interface RunSummary {
  runId: string;
  stopped: boolean;
  startedAt: number;
  finishedAt: number;
  packets: number;
  results: EntryResult[];
  observations: Observation[];
}

export interface RunOptions {
  runId: string;
  /** Defaults to Date.now. */
  clock?: Clock;
  audit?: AuditLog;
  onProgress?: (p: RunProgress) => void;
  onObservations?: (o: Observation[]) => void;
  onAudit?: (r: AuditRecord) => void;
  /** Test seam: replace executors (they still receive only approval + entry id). */
  executors?: Partial<Record<QueryKind, Executor>>;
}

export interface ProbeRun {
  runId: string;
  audit: AuditLog;
  /** Halt everything now. Resolves when every open attempt has closed. */
  stop(): Promise<RunSummary>;
  readonly done: Promise<RunSummary>;
  /** When stop() was called (clock time), if it was. */
  stoppedAt(): number | undefined;
}

export function startRun(approval: ProbeApproval, opts: RunOptions): ProbeRun {
  const clock = opts.clock ?? { now: () => Date.now() };
  assertApproval(approval, clock.now());
  const plan = approval.plan;
  for (const e of plan.entries) {
    const why = validateEntry(e);
    if (why) throw new Error(why);
  }
  const audit = opts.audit ?? new AuditLog(approval);
  if (opts.onAudit) audit.onAppend(opts.onAudit);
  if (!audit.records().length) recordApproval(audit, approval);
  const s = plan.settings;
  const sched = new ProbeScheduler(
    plan.entries.map((e) => ({ id: e.id, device: e.target.ip, packets: e.packets })),
    { ratePps: s.ratePps, budgetPackets: s.budgetPackets, deviceGapMs: s.deviceGapMs, timeoutMs: s.timeoutMs, maxRetries: s.maxRetries },
    clock,
  );
  const entries = new Map(plan.entries.map((e) => [e.id, e]));
  const results = new Map<string, EntryResult>(
    plan.entries.map((e) => [e.id, { entryId: e.id, kind: e.kind, ip: e.target.ip, port: e.port, status: 'pending', observations: [] }]),
  );
  const stopAll = new AbortController();
  const open = new Map<number, AbortController>();
  const startedAt = clock.now();
  let stoppedAt: number | undefined;
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  audit.append({ ts: startedAt, event: 'run-started', runId: opts.runId, detail: `${plan.entries.length} queries planned` });

  const base = (e: PlanEntry) => {
    const r: Pick<AuditRecord, 'kind' | 'targetIp' | 'port' | 'targetMac' | 'deviceId'> = { kind: e.kind, targetIp: e.target.ip, port: e.port };
    if (e.target.mac) r.targetMac = e.target.mac;
    if (e.target.deviceId) r.deviceId = e.target.deviceId;
    return r;
  };

  const progress = (last?: RunProgress['last']) => {
    if (!opts.onProgress) return;
    let done = 0;
    for (const st of sched.status.values()) if (st !== 'pending' && st !== 'running') done++;
    const p: RunProgress = { runId: opts.runId, total: plan.entries.length, done, packets: sched.limiter.packetsCharged, budget: s.budgetPackets };
    if (last) p.last = last;
    opts.onProgress(p);
  };

  const launch = (a: Attempt) => {
    const e = entries.get(a.job.id)!;
    const ac = new AbortController();
    open.set(a.ticket, ac);
    const onStop = () => ac.abort();
    stopAll.signal.addEventListener('abort', onStop, { once: true });
    // The query is on record before a byte leaves.
    audit.append({ ts: clock.now(), event: 'query', runId: opts.runId, ...base(e), query: describe(e), packets: e.packets, attempt: a.attempt, result: 'sent' });
    const exec = opts.executors?.[e.kind] ?? EXECUTORS[e.kind];
    // Belt and braces: an executor that ignores its own timeout is aborted shortly after the deadline.
    const guard = setTimeout(() => ac.abort(), Math.max(0, a.deadline - clock.now()) + 500);
    exec(approval, e.id, { signal: ac.signal, timeoutMs: s.timeoutMs })
      .catch((err: unknown) => ({ outcome: 'error' as const, observations: [], detail: String((err as Error)?.message ?? err).slice(0, 120) }))
      .then((r) => {
        clearTimeout(guard);
        stopAll.signal.removeEventListener('abort', onStop);
        open.delete(a.ticket);
        sched.complete(a.ticket, r.outcome);
        const res = results.get(e.id)!;
        res.status = sched.status.get(e.id)!;
        res.outcome = r.outcome;
        res.detail = r.detail;
        if (r.observations.length) {
          res.observations.push(...r.observations);
          opts.onObservations?.(r.observations);
        }
        audit.append({ ts: clock.now(), event: 'result', runId: opts.runId, ...base(e), attempt: a.attempt, result: r.outcome, detail: r.detail });
        progress({ entryId: e.id, status: res.status, outcome: r.outcome, detail: r.detail });
        poke();
      });
  };

  const loop = async (): Promise<RunSummary> => {
    while (true) {
      const d = sched.next();
      if (d.kind === 'send') {
        launch(d.attempt);
        continue;
      }
      if (d.kind === 'done') break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (d.until !== undefined) {
          const t = setTimeout(poke, Math.max(0, d.until - clock.now()));
          const w = wake;
          wake = () => {
            clearTimeout(t);
            w();
          };
        }
      });
    }
    for (const [id, st] of sched.status) {
      const r = results.get(id)!;
      r.status = st;
      if (st.startsWith('skipped') || st === 'stopped') {
        const e = entries.get(id)!;
        audit.append({ ts: clock.now(), event: 'skipped', runId: opts.runId, ...base(e), result: st });
      }
    }
    const finishedAt = clock.now();
    audit.append({
      ts: finishedAt,
      event: stoppedAt !== undefined ? 'run-stopped' : 'run-finished',
      runId: opts.runId,
      packets: sched.limiter.packetsCharged,
      detail: `${[...results.values()].filter((r) => r.status === 'done').length} answered of ${results.size}`,
    });
    const all = [...results.values()];
    return { runId: opts.runId, stopped: stoppedAt !== undefined, startedAt, finishedAt, packets: sched.limiter.packetsCharged, results: all, observations: all.flatMap((r) => r.observations) };
  };

  const done = loop();
  return {
    runId: opts.runId,
    audit,
    done,
    stoppedAt: () => stoppedAt,
    stop() {
      if (stoppedAt === undefined) {
        stoppedAt = clock.now();
        sched.stop(); // nothing is admitted from here on
        stopAll.abort(); // every open socket closes now
        poke();
      }
      return done;
    },
  };
}

/** The query in words for the audit log (the SNMP community is never written). */
export function describe(e: PlanEntry): string {
  switch (e.kind) {
    case 'snmp-get-system':
      return `SNMPv2c GetRequest sysDescr.0 sysObjectID.0 sysContact.0 sysName.0 sysLocation.0 to udp/${e.port} (community redacted)`;
    case 'dicom-echo':
      return `DICOM A-ASSOCIATE-RQ (Verification, Implicit VR LE) called AE "${e.calledAe ?? ''}", C-ECHO-RQ, A-RELEASE-RQ to tcp/${e.port}`;
    case 'http-get-root':
      return `${e.tls ? 'HTTPS' : 'HTTP'} GET / to tcp/${e.port}${e.tls ? ' (certificate read)' : ''}`;
    case 'mdns':
      return `DNS-SD PTR query _services._dns-sd._udp.local (legacy unicast) to udp/${e.port}`;
    case 'ssdp':
      return `SSDP M-SEARCH ssdp:all (unicast) to udp/${e.port}`;
    case 'nbns-status':
      return `NetBIOS node status request (NBSTAT *) to udp/${e.port}`;
    case 'arp':
      return `ARP who-has ${e.target.ip}`;
  }
}
