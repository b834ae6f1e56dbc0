import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RATE_PPS } from './kinds';
import type { AttemptOutcome, LimiterConfig, QueryJob } from './limiter';
import { ProbeLimiter, ProbeScheduler, clampConfig } from './limiter';

interface Sent {
  job: string;
  device: string;
  attempt: number;
  start: number;
  end: number;
  packets: number;
  outcome: AttemptOutcome;
}

interface Response {
  delay: number;
  outcome: AttemptOutcome;
}

/** Drive the scheduler with a simulated clock: completions arrive after the response's delay. */
function simulate(jobs: QueryJob[], config: LimiterConfig, responses: Response[], stopAt?: number) {
  let now = 0;
  const clock = { now: () => now };
  const s = new ProbeScheduler(jobs, config, clock);
  const timeout = s.limiter.config.timeoutMs;
  const events: Array<{ at: number; ticket: number; outcome: AttemptOutcome; rec: Sent }> = [];
  const sent: Sent[] = [];
  let k = 0;
  let stopped = false;
  for (let steps = 0; steps < 200_000; steps++) {
    if (stopAt !== undefined && !stopped && now >= stopAt) {
      s.stop();
      stopped = true;
    }
    events.sort((a, b) => a.at - b.at);
    while (events.length && events[0]!.at <= now) {
      const e = events.shift()!;
      e.rec.end = now;
      s.complete(e.ticket, e.outcome);
    }
    const d = s.next();
    if (d.kind === 'send') {
      const r = responses.length ? responses[k++ % responses.length]! : { delay: 10, outcome: 'answered' as const };
      const late = r.delay >= timeout;
      const rec: Sent = {
        job: d.attempt.job.id,
        device: d.attempt.job.device,
        attempt: d.attempt.attempt,
        start: now,
        end: NaN,
        packets: d.attempt.job.packets,
        outcome: late ? 'timeout' : r.outcome,
      };
      sent.push(rec);
      events.push({ at: now + Math.min(r.delay, timeout), ticket: d.attempt.ticket, outcome: rec.outcome, rec });
      continue;
    }
    if (d.kind === 'done') return { sent, scheduler: s, now, finished: true };
    const candidates = [d.until ?? Infinity, ...events.map((e) => e.at)];
    if (stopAt !== undefined && !stopped) candidates.push(stopAt);
    const t = Math.min(...candidates);
    if (!Number.isFinite(t)) return { sent, scheduler: s, now, finished: false }; // deadlock: a bug
    now = Math.max(now, t);
  }
  return { sent, scheduler: s, now, finished: false };
}

const outcomeArb = fc.constantFrom<AttemptOutcome>('answered', 'answered', 'answered', 'refused', 'timeout', 'unreachable', 'local-error', 'local-error', 'error');

const scenario = fc.record({
  devices: fc.array(fc.array(fc.constantFrom(1, 1, 16, 20), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
  config: fc.record({
    ratePps: fc.integer({ min: 20, max: 400 }), // above the ceiling on purpose: it must be clamped
    budgetPackets: fc.integer({ min: 0, max: 400 }),
    deviceGapMs: fc.integer({ min: 0, max: 3000 }), // below 1 s on purpose: it must be clamped
    timeoutMs: fc.integer({ min: 200, max: 3000 }),
    maxRetries: fc.integer({ min: 0, max: 6 }), // above 2 on purpose
  }),
  responses: fc.array(fc.record({ delay: fc.integer({ min: 0, max: 4000 }), outcome: outcomeArb }), { minLength: 1, maxLength: 30 }),
  stopAt: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
});

function jobsOf(devices: number[][]): QueryJob[] {
  const jobs: QueryJob[] = [];
  devices.forEach((kinds, d) => kinds.forEach((packets, i) => jobs.push({ id: `d${d}q${i}`, device: `10.0.0.${d + 1}`, packets })));
  return jobs;
}

describe('limiter properties (fast-check, fixed seed)', () => {
  it('never exceeds the per-device, global, budget and retry limits, and stops when told', () => {
    fc.assert(
      fc.property(scenario, ({ devices, config, responses, stopAt }) => {
        const jobs = jobsOf(devices);
        const { sent, scheduler, finished } = simulate(jobs, config, responses, stopAt);
        const cfg = clampConfig(config);
        expect(finished).toBe(true);
        expect(cfg.ratePps).toBeLessThanOrEqual(MAX_RATE_PPS);

        // Per device: never two outstanding; ≥ gap from the end of one to the start of the next.
        const byDevice = new Map<string, Sent[]>();
        for (const x of sent) byDevice.set(x.device, [...(byDevice.get(x.device) ?? []), x]);
        for (const list of byDevice.values()) {
          for (let i = 1; i < list.length; i++) {
            expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end + cfg.deviceGapMs);
            expect(list[i]!.start - list[i - 1]!.start).toBeGreaterThanOrEqual(1000);
          }
          // after a timeout or unreachable, nothing more to that device
          const stopIdx = list.findIndex((x) => x.outcome === 'timeout' || x.outcome === 'unreachable');
          if (stopIdx >= 0) expect(list.length).toBe(stopIdx + 1);
        }

        // Global: packets of attempts alive in any one-second window ≤ cap. For each attempt q, the
        // attempts that started no later and were still alive after start(q) − 1000 bound every window
        // whose last-starting attempt is q.
        for (const q of sent) {
          let sum = 0;
          for (const p of sent) if (p.start <= q.start && p.end > q.start - 1000) sum += p.packets;
          expect(sum).toBeLessThanOrEqual(cfg.ratePps);
        }

        // Budget.
        expect(sent.reduce((s, x) => s + x.packets, 0)).toBeLessThanOrEqual(cfg.budgetPackets);

        // Retries: at most maxRetries (≤ 2) per job, only after local errors, with backoff.
        for (const j of jobs) {
          const tries = sent.filter((x) => x.job === j.id);
          expect(tries.length).toBeLessThanOrEqual(1 + Math.min(2, cfg.maxRetries));
          for (let i = 1; i < tries.length; i++) {
            expect(tries[i - 1]!.outcome).toBe('local-error');
            expect(tries[i]!.start - tries[i - 1]!.end).toBeGreaterThanOrEqual(cfg.backoffMs * 2 ** (i - 1));
          }
        }

        // Stop: nothing starts at or after the stop.
        if (stopAt !== undefined) for (const x of sent) expect(x.start).toBeLessThan(stopAt);

        // Every job ends with a final status.
        for (const j of jobs) expect(scheduler.status.get(j.id)).not.toMatch(/^(pending|running)$/);
      }),
      { seed: 0x5eed, numRuns: 400 },
    );
  });
});

describe('limiter examples', () => {
  it('spaces queries to one device by at least a second and runs devices side by side', () => {
    const jobs = jobsOf([[1, 1, 1], [1]]);
    const { sent } = simulate(jobs, { ratePps: 50, budgetPackets: 100, deviceGapMs: 0, timeoutMs: 1000, maxRetries: 2 }, [{ delay: 5, outcome: 'answered' }]);
    expect(sent.map((s) => [s.device, s.start])).toEqual([
      ['10.0.0.1', 0],
      ['10.0.0.2', 0],
      ['10.0.0.1', 1005],
      ['10.0.0.1', 2010],
    ]);
  });

  it('holds the global cap across devices', () => {
    // 10 devices, one 20-packet query each, cap 40/s: two at a time, next pair one second after they end
    const jobs = jobsOf(Array.from({ length: 10 }, () => [20]));
    const { sent } = simulate(jobs, { ratePps: 40, budgetPackets: 1000, deviceGapMs: 1000, timeoutMs: 1000, maxRetries: 0 }, [{ delay: 100, outcome: 'answered' }]);
    expect(sent.map((s) => s.start)).toEqual([0, 0, 1100, 1100, 2200, 2200, 3300, 3300, 4400, 4400]);
  });

  it('stops a device at its first timeout and skips the rest of its queries', () => {
    const jobs = jobsOf([[1, 1, 1]]);
    const { sent, scheduler } = simulate(jobs, { ratePps: 50, budgetPackets: 100, deviceGapMs: 1000, timeoutMs: 500, maxRetries: 2 }, [{ delay: 9999, outcome: 'answered' }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.outcome).toBe('timeout');
    expect([...scheduler.status.values()]).toEqual(['failed', 'skipped-device-stopped', 'skipped-device-stopped']);
  });

  it('retries a local send failure at most twice, backing off', () => {
    const jobs = jobsOf([[1]]);
    const { sent, scheduler } = simulate(jobs, { ratePps: 50, budgetPackets: 100, deviceGapMs: 1000, timeoutMs: 500, maxRetries: 9 }, [{ delay: 0, outcome: 'local-error' }]);
    expect(sent.map((s) => s.start)).toEqual([0, 2000, 6000]);
    expect(scheduler.status.get('d0q0')).toBe('failed');
  });

  it('refuses what the budget cannot pay for', () => {
    const jobs = jobsOf([[20], [20], [1]]);
    const { sent, scheduler } = simulate(jobs, { ratePps: 50, budgetPackets: 21, deviceGapMs: 1000, timeoutMs: 500, maxRetries: 0 }, [{ delay: 5, outcome: 'answered' }]);
    expect(sent.map((s) => s.job)).toEqual(['d0q0', 'd2q0']);
    expect(scheduler.status.get('d1q0')).toBe('skipped-budget');
  });

  it('clamps rates to the ceiling and gaps to a second', () => {
    const c = clampConfig({ ratePps: 10_000, budgetPackets: 5, deviceGapMs: 10, timeoutMs: 100, maxRetries: 50 });
    expect(c).toMatchObject({ ratePps: MAX_RATE_PPS, deviceGapMs: 1000, maxRetries: 2 });
  });

  it('admits nothing after stop()', () => {
    let now = 0;
    const l = new ProbeLimiter({ ratePps: 50, budgetPackets: 100, deviceGapMs: 1000, timeoutMs: 100, maxRetries: 0 }, { now: () => now });
    expect(l.admit('a', 1)).toEqual({ ok: true });
    l.stop();
    now = 5000;
    expect(l.admit('a', 1)).toEqual({ ok: false, refuse: 'stopped' });
  });
});
