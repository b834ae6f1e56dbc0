// The limiter: hard caps on what a probe run may send, as a pure state machine over an injected clock.
//
// Rules (see /work/shared/guide reliability notes; runZero's OT mode is 300 pkt/s overall, 20/host):
//  - one outstanding query per device, and ≥ deviceGapMs (≥ 1 s) from the end of one query to the
//    start of the next to that device;
//  - a global cap in packets per second over ANY sliding one-second window. Each attempt is charged its
//    kind's packet upper bound when it starts, and the charge stays in the window until one second
//    after the attempt ends (a TCP exchange sends over its whole life). Proof sketch: take any window
//    (a, a+1000]; let q be the last attempt to start that has packets in it. Every other attempt with
//    packets in the window started before q and ended after a ≥ start(q) − 1000, so it was still
//    charged when q was admitted; q was admitted only if all those charges plus its own fit the cap.
//  - a packet budget for the whole run (every attempt, retries included, is charged up front);
//  - timeouts are enforced by the executor (abort) and by the scheduler (an attempt past its deadline
//    counts as timed out);
//  - at most maxRetries (≤ 2) retries, with doubling backoff, and only for local send failures (the
//    packet never left). A timeout or an unreachable answer stops that device for the rest of the run:
//    no retry storms against a device that has stopped answering;
//  - stop() halts everything: nothing starts after it.
import { MAX_RATE_PPS, MAX_RETRIES, MIN_DEVICE_GAP_MS, RETRY_BACKOFF_MS } from './kinds';

export interface Clock {
  now(): number;
}

export interface LimiterConfig {
  ratePps: number;
  budgetPackets: number;
  deviceGapMs: number;
  timeoutMs: number;
  maxRetries: number;
  backoffMs?: number;
}

/** The config with the hard limits applied, whatever the caller asked for. */
export function clampConfig(c: LimiterConfig): Required<LimiterConfig> {
  const fin = (v: number, d: number) => (Number.isFinite(v) ? v : d);
  return {
    ratePps: Math.max(1, Math.min(MAX_RATE_PPS, Math.floor(fin(c.ratePps, 1)))),
    budgetPackets: Math.max(0, Math.floor(fin(c.budgetPackets, 0))),
    deviceGapMs: Math.max(MIN_DEVICE_GAP_MS, fin(c.deviceGapMs, MIN_DEVICE_GAP_MS)),
    timeoutMs: Math.max(1, fin(c.timeoutMs, 1000)),
    maxRetries: Math.max(0, Math.min(MAX_RETRIES, Math.floor(fin(c.maxRetries, 0)))),
    backoffMs: Math.max(MIN_DEVICE_GAP_MS, fin(c.backoffMs ?? RETRY_BACKOFF_MS, RETRY_BACKOFF_MS)),
  };
}

/** How an attempt ended, as the executor saw it. */
export type AttemptOutcome =
  | 'answered' // the device answered (the answer may still be a refusal: RST, A-ASSOCIATE-RJ, HTTP 4xx)
  | 'refused' // TCP connection refused (RST): the device is alive; this port is closed
  | 'timeout' // no answer within the timeout: the device is stopped for this run
  | 'unreachable' // ICMP unreachable / EHOSTUNREACH: the device is stopped for this run
  | 'local-error' // the query never left this machine (ENOBUFS, EAGAIN…): may be retried
  | 'error'; // anything else (malformed answer…): not retried

interface Charge {
  start: number;
  end: number | undefined;
  packets: number;
}

interface DeviceState {
  busy: boolean;
  lastStart: number;
  lastEnd: number;
  stopped: string | undefined;
}

export type Admission =
  | { ok: true }
  | { ok: false; wait: number } // try again at this time (a clock value)
  | { ok: false; wait: 'completion' } // try again when an outstanding attempt completes
  | { ok: false; refuse: 'stopped' | 'budget' | 'device-stopped' | 'over-cap' };

export class ProbeLimiter {
  readonly config: Required<LimiterConfig>;
  private readonly devices = new Map<string, DeviceState>();
  private charges: Charge[] = [];
  private used = 0;
  private halted = false;

  constructor(config: LimiterConfig, private readonly clock: Clock) {
    this.config = clampConfig(config);
  }

  get packetsCharged(): number {
    return this.used;
  }

  get stopped(): boolean {
    return this.halted;
  }

  deviceStopped(device: string): string | undefined {
    return this.devices.get(device)?.stopped;
  }

  /** Whether an attempt of `packets` to `device` may start now, and if not, when to ask again. */
  admit(device: string, packets: number): Admission {
    const now = this.clock.now();
    if (this.halted) return { ok: false, refuse: 'stopped' };
    const d = this.devices.get(device);
    if (d?.stopped) return { ok: false, refuse: 'device-stopped' };
    if (packets > this.config.ratePps) return { ok: false, refuse: 'over-cap' };
    if (this.used + packets > this.config.budgetPackets) return { ok: false, refuse: 'budget' };
    if (d?.busy) return { ok: false, wait: 'completion' };
    let earliest = now;
    if (d) earliest = Math.max(earliest, d.lastStart + this.config.deviceGapMs, d.lastEnd + this.config.deviceGapMs);
    // Global window: charges still counted at time t are those in flight or ended after t − 1000.
    this.charges = this.charges.filter((c) => c.end === undefined || c.end > now - 1000);
    const inFlight = this.charges.filter((c) => c.end === undefined).reduce((s, c) => s + c.packets, 0);
    if (inFlight + packets > this.config.ratePps) return earliest > now ? { ok: false, wait: earliest } : { ok: false, wait: 'completion' };
    // Ended charges leave the window 1000 ms after their end: find when enough have left.
    const ended = this.charges.filter((c) => c.end !== undefined).sort((a, b) => a.end! - b.end!);
    let total = inFlight + ended.reduce((s, c) => s + c.packets, 0);
    let t = now;
    for (const c of ended) {
      if (total + packets <= this.config.ratePps) break;
      total -= c.packets;
      t = c.end! + 1000;
    }
    // The window counts charges with end > t − 1000, so at t = end + 1000 that charge has left.
    earliest = Math.max(earliest, t);
    return earliest > now ? { ok: false, wait: earliest } : { ok: true };
  }

  private seq = 0;
  private readonly open = new Map<number, { device: string; charge: Charge }>();

  /** Start an attempt admitted by admit(); returns a ticket for complete(). */
  start(device: string, packets: number): number {
    const a = this.admit(device, packets);
    if (!a.ok) throw new Error(`limiter: attempt to ${device} not admitted`);
    const now = this.clock.now();
    const d = this.devices.get(device) ?? { busy: false, lastStart: -Infinity, lastEnd: -Infinity, stopped: undefined };
    d.busy = true;
    d.lastStart = now;
    this.devices.set(device, d);
    this.used += packets;
    const charge: Charge = { start: now, end: undefined, packets };
    this.charges.push(charge);
    const ticket = ++this.seq;
    this.open.set(ticket, { device, charge });
    return ticket;
  }

  /** The attempt ended. Timeouts and unreachable answers stop the device for the rest of the run. */
  complete(ticket: number, outcome: AttemptOutcome): void {
    const o = this.open.get(ticket);
    if (!o) return;
    this.open.delete(ticket);
    const now = this.clock.now();
    o.charge.end = Math.max(now, o.charge.start);
    const d = this.devices.get(o.device)!;
    d.busy = false;
    d.lastEnd = o.charge.end;
    if (outcome === 'timeout' || outcome === 'unreachable') d.stopped ??= outcome;
  }

  /** Halt: nothing is admitted after this. */
  stop(): void {
    this.halted = true;
  }
}

// ---------------------------------------------------------------------------------------------
// The scheduler: a plan's queries through the limiter, one decision at a time. The runner (Node) and
// the property tests (a simulated clock) drive the very same code.

export interface QueryJob {
  id: string;
  device: string;
  packets: number;
}

export type JobStatus =
  | 'pending'
  | 'running'
  | 'done' // answered or refused
  | 'failed' // error, timeout or unreachable
  | 'skipped-device-stopped'
  | 'skipped-budget'
  | 'skipped-over-cap'
  | 'stopped';

export interface Attempt {
  job: QueryJob;
  /** 0 for the first try, 1..maxRetries for retries. */
  attempt: number;
  ticket: number;
  startedAt: number;
  deadline: number;
}

export type Decision =
  | { kind: 'send'; attempt: Attempt }
  | { kind: 'wait'; until: number | undefined } // undefined: until an outstanding attempt completes
  | { kind: 'done' };

interface Pending {
  job: QueryJob;
  attempt: number;
  notBefore: number;
}

export class ProbeScheduler {
  readonly limiter: ProbeLimiter;
  private readonly pending: Pending[];
  private readonly running = new Map<number, Attempt>();
  readonly status = new Map<string, JobStatus>();
  readonly outcomes = new Map<string, AttemptOutcome>();

  constructor(jobs: readonly QueryJob[], config: LimiterConfig, private readonly clock: Clock) {
    this.limiter = new ProbeLimiter(config, clock);
    this.pending = jobs.map((job) => ({ job, attempt: 0, notBefore: -Infinity }));
    for (const j of jobs) this.status.set(j.id, 'pending');
  }

  get outstanding(): number {
    return this.running.size;
  }

  /** What to do now. Call again after every send, completion or wait. */
  next(): Decision {
    const now = this.clock.now();
    // Attempts past their deadline (an executor that did not honour its abort) count as timeouts.
    for (const a of [...this.running.values()]) if (now >= a.deadline + 1000) this.complete(a.ticket, 'timeout');
    if (this.limiter.stopped) {
      for (const p of this.pending.splice(0)) this.status.set(p.job.id, 'stopped');
      return this.running.size ? { kind: 'wait', until: undefined } : { kind: 'done' };
    }
    let soonest: number | undefined;
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i]!;
      const a = this.limiter.admit(p.job.device, p.job.packets);
      if (!a.ok && 'refuse' in a) {
        this.pending.splice(i--, 1);
        this.status.set(
          p.job.id,
          a.refuse === 'device-stopped' ? 'skipped-device-stopped' : a.refuse === 'budget' ? 'skipped-budget' : a.refuse === 'over-cap' ? 'skipped-over-cap' : 'stopped',
        );
        continue;
      }
      const at = Math.max(p.notBefore, a.ok ? now : a.wait === 'completion' ? Infinity : a.wait);
      if (at <= now) {
        this.pending.splice(i, 1);
        const ticket = this.limiter.start(p.job.device, p.job.packets);
        const attempt: Attempt = { job: p.job, attempt: p.attempt, ticket, startedAt: now, deadline: now + this.limiter.config.timeoutMs };
        this.running.set(ticket, attempt);
        this.status.set(p.job.id, 'running');
        return { kind: 'send', attempt };
      }
      if (at !== Infinity) soonest = soonest === undefined ? at : Math.min(soonest, at);
    }
    if (!this.pending.length && !this.running.size) return { kind: 'done' };
    if (soonest === undefined && !this.running.size) {
      // nothing can ever become admissible (cannot happen: a waiting job always has a time or a runner)
      for (const p of this.pending.splice(0)) this.status.set(p.job.id, 'stopped');
      return { kind: 'done' };
    }
    return { kind: 'wait', until: soonest };
  }

  /** An attempt ended (from the executor). Unknown or already-completed tickets are ignored. */
  complete(ticket: number, outcome: AttemptOutcome): void {
    const a = this.running.get(ticket);
    if (!a) return;
    this.running.delete(ticket);
    this.limiter.complete(ticket, outcome);
    this.outcomes.set(a.job.id, outcome);
    const cfg = this.limiter.config;
    if (outcome === 'local-error' && a.attempt < cfg.maxRetries && !this.limiter.stopped) {
      this.pending.push({ job: a.job, attempt: a.attempt + 1, notBefore: this.clock.now() + cfg.backoffMs * 2 ** a.attempt });
      this.status.set(a.job.id, 'pending');
      return;
    }
    this.status.set(a.job.id, outcome === 'answered' || outcome === 'refused' ? 'done' : 'failed');
  }

  /** Stop everything: no attempt starts after this call. */
  stop(): void {
    this.limiter.stop();
    for (const p of this.pending.splice(0)) this.status.set(p.job.id, 'stopped');
  }

  /** Attempts still running (the runner aborts them on stop). */
  runningAttempts(): Attempt[] {
    return [...this.running.values()];
  }
}
