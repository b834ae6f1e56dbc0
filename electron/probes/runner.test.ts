import { describe, expect, it } from 'vitest';
import type { Device } from '../../core/model/device';
import type { DeviceId, Mac } from '../../core/model/ids';
import { probeChannels } from '../../core/ipc/probe';
import { ProbeApproval, approvePlan, buildPlan } from '../../core/probe-policy/policy';
import type { ProbeCandidate } from '../../core/probe-policy/policy';
import { dicomEcho, httpGetRoot, snmpGetSystem } from './executors';
import type { ExecContext, Executor } from './executors';
import { startRun } from './runner';
import { ProbeService, probeHandlers } from './service';

const cands = (n: number): ProbeCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ deviceId: `d${i}` as DeviceId, ip: `192.0.2.${i + 1}`, type: 'printer' }));

function approved(n: number, ratePps = 50, kinds: Parameters<typeof buildPlan>[0]['settings']['kinds'] = ['snmp-get-system']) {
  const { plan } = buildPlan({
    candidates: cands(n),
    deviceIds: cands(n).map((c) => c.deviceId!),
    settings: { kinds, snmpCommunity: 'secret-community', ratePps, timeoutMs: 500 },
    now: Date.now(),
    planId: 'p',
  });
  return approvePlan(plan, 'Tester');
}

const ctx = (): ExecContext => ({ signal: new AbortController().signal, timeoutMs: 100 });

describe('executors', () => {
  it('refuse anything but an issued approval and an entry of their own kind', async () => {
    const a = approved(1);
    const forged = Object.create(ProbeApproval.prototype) as ProbeApproval;
    await expect(snmpGetSystem(forged, 'p:1', ctx())).rejects.toThrow(/not an approval/);
    await expect(snmpGetSystem(a, 'p:99', ctx())).rejects.toThrow(/not in the approved plan/);
    await expect(httpGetRoot(a, 'p:1', ctx())).rejects.toThrow(/is a snmp-get-system query/);
    await expect(dicomEcho(a, 'p:1', ctx())).rejects.toThrow(/is a snmp-get-system query/);
  });
});

function fakeExec(log: Array<{ ip: string; at: number; signal: AbortSignal }>, ms = 30): Executor {
  return (approval, entryId, c) => {
    const e = approval.entry(entryId)!;
    log.push({ ip: e.target.ip, at: Date.now(), signal: c.signal });
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve({ outcome: 'answered', observations: [{ ip: e.target.ip, kind: 'snmp-sys-name', value: `n-${e.target.ip}`, proto: 'probe-snmp', source: 'probe', ts: Date.now() }], detail: 'ok' }), ms);
      c.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve({ outcome: 'error', observations: [], detail: 'stopped' });
      });
    });
  };
}

describe('runner', () => {
  it('writes each query to the audit log before sending it, then its result', async () => {
    const log: Array<{ ip: string; at: number; signal: AbortSignal }> = [];
    const a = approved(3);
    const run = startRun(a, { runId: 'r', executors: { 'snmp-get-system': fakeExec(log) } });
    const s = await run.done;
    expect(s.results.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(s.observations.map((o) => o.value)).toEqual(['n-192.0.2.1', 'n-192.0.2.2', 'n-192.0.2.3']);
    const recs = run.audit.records();
    expect(recs.map((r) => r.event)).toEqual(['plan-approved', 'run-started', 'query', 'query', 'query', 'result', 'result', 'result', 'run-finished']);
    for (const q of recs.filter((r) => r.event === 'query')) {
      expect(q.query).toMatch(/GetRequest .*community redacted/);
      expect(q.packets).toBe(2); // the datagram and a possible ARP resolution
      const sent = log.find((l) => l.ip === q.targetIp)!;
      expect(q.ts).toBeLessThanOrEqual(sent.at);
    }
    expect(JSON.stringify(recs)).not.toContain('secret-community');
  });

  it('stop(): nothing more is started, and every open exchange is aborted at once', async () => {
    const log: Array<{ ip: string; at: number; signal: AbortSignal }> = [];
    const a = approved(30, 10); // 10 packets/s at 2 per SNMP query: five queries, then a wait of about a second
    const run = startRun(a, { runId: 'r', executors: { 'snmp-get-system': fakeExec(log, 5000) } });
    await new Promise((r) => setTimeout(r, 50));
    expect(log).toHaveLength(5);
    const stopping = run.stop();
    // aborted synchronously inside stop(): the sockets close in the same tick
    expect(log.every((l) => l.signal.aborted)).toBe(true);
    const s = await stopping;
    expect(log).toHaveLength(5);
    expect(s.stopped).toBe(true);
    expect(s.results.filter((r) => r.status === 'stopped')).toHaveLength(25);
    expect(run.audit.records().at(-1)!.event).toBe('run-stopped');
    await new Promise((r) => setTimeout(r, 1200));
    expect(log).toHaveLength(5); // and nothing later either
  });

  it('refuses to start an expired approval', () => {
    const { plan } = buildPlan({ candidates: cands(1), deviceIds: ['d0'], settings: { kinds: ['ssdp'] }, now: 0, planId: 'old' });
    const a = approvePlan(plan, 'Tester', undefined, { now: 1000 });
    expect(() => startRun(a, { runId: 'r' })).toThrow(/expired/);
  });
});

describe('probe service (main side re-validation)', () => {
  const dev = (i: number, extra: Partial<Device> = {}): Device => ({
    id: `d${i}` as DeviceId, mac: `02:00:00:00:00:0${i}` as Mac, ips: [`192.0.2.${i}`], hostnames: [], firstSeen: 0, lastSeen: 0, packets: 1, evidence: [], ...extra,
  });

  function service() {
    const events: Array<[string, unknown]> = [];
    const log: Array<{ ip: string; at: number; signal: AbortSignal }> = [];
    const svc = new ProbeService({
      devices: () => [dev(1), dev(2)],
      localSubnets: () => ['192.0.2.0/24'],
      emit: (e, p) => events.push([e, p]),
      runOptions: { executors: { 'snmp-get-system': fakeExec(log, 5) } },
    });
    return { svc, events, log, h: probeHandlers(svc) };
  }

  it('plans only for devices main knows; the renderer cannot name targets or rates of its own', () => {
    const { svc } = service();
    const v = svc.plan({ deviceIds: ['d1', 'nope'], settings: { kinds: ['snmp-get-system'], snmpCommunity: 'c' } });
    expect(v.entries.map((e) => e.target.ip)).toEqual(['192.0.2.1']);
    expect(v.problems).toEqual(['unknown device "nope"']);
    expect(v.settings.snmpCommunity).toBe('•••');
    expect(() => svc.plan({ deviceIds: ['d1'], targets: [{ ip: '10.0.0.9', port: 9100 }], settings: { kinds: ['ssdp'] } })).toThrow();
    expect(() => svc.plan({ deviceIds: ['d1'], settings: { kinds: ['ssdp'], ratePps: 1000 } })).toThrow();
    expect(() => svc.plan({ deviceIds: ['d1'], settings: { kinds: ['port-scan'] } })).toThrow();
    expect(() => svc.plan({ deviceIds: ['d1'], settings: { kinds: ['ssdp'], localSubnets: ['0.0.0.0/0'] } })).toThrow();
    expect(probeChannels['probe:start'].args.safeParse({ approvalId: 'x', entries: [] }).success).toBe(false);
  });

  it('risk hints from the inventory only add risk', () => {
    const { svc } = service();
    const v = svc.plan({ deviceIds: ['d1', 'd2'], settings: { kinds: ['ssdp'] }, riskHints: [{ deviceId: 'd2', lifeSupport: true }, { deviceId: 'd1', lifeSupport: false }] });
    expect(v.entries.map((e) => e.target.ip)).toEqual(['192.0.2.1']);
    expect(v.excluded[0]).toMatchObject({ target: { ip: '192.0.2.2' }, reasons: ['inventory: life-support'], overridable: true });
  });

  it('approves by plan id, runs an approval once, one run at a time, and exports the audit log', async () => {
    const { svc, events, h } = service();
    const v = svc.plan({ deviceIds: ['d1', 'd2'], settings: { kinds: ['snmp-get-system'], snmpCommunity: 'c' } });
    expect(() => svc.approve({ planId: 'made-up', approver: 'X' })).toThrow(/not known/);
    const ap = svc.approve({ planId: v.id, approver: 'J. Biomed', reason: 'survey' });
    expect(() => svc.approve({ planId: v.id, approver: 'J. Biomed' })).toThrow(/not known/);
    expect(probeChannels['probe:approve'].result.safeParse(ap).success).toBe(true);
    const { runId } = svc.start({ approvalId: ap.approvalId });
    expect(() => svc.start({ approvalId: ap.approvalId })).toThrow(/not known/);
    await new Promise<void>((r) => {
      const t = setInterval(() => events.some((e) => e[0] === 'probe:finished') && (clearInterval(t), r()), 10);
    });
    const fin = events.find((e) => e[0] === 'probe:finished')![1];
    expect(probeChannels['probe:plan'].result.safeParse({ ...v }).success).toBe(true);
    expect((fin as { results: unknown[] }).results).toHaveLength(2);
    const csv = await h['probe:audit-export']({ format: 'csv', runId });
    expect(csv.filename).toMatch(/\.csv$/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^seq,time,event,approver/);
    expect(csv.records).toBe(1 + 1 + 2 + 2 + 1); // approved, started, 2 queries, 2 results, finished
    expect(await h['probe:stop']({ runId: 'nope' })).toEqual({ stopped: false });
  });
});
