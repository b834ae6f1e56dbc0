// Safe-probe edits (issue 8), each a named action: choosing devices and queries, per-device risk
// overrides (undoable), and the steps that talk to the main side — build the plan (nothing is sent),
// approve it, start, stop, export the audit log. The renderer never names a target, port or rate of
// its own: main plans only for devices it knows (we report ours with devices:sync first) and
// re-validates everything against the policy (core/probe-policy).
import { api, onEvent } from '../bridge';
import { db } from '../db/schema';
import { notify } from '../store';
import { defineAction } from './registry';
import { audit } from './audit';
import type { Device } from '../../../core/model/device';
import type { Asset } from '../../../core/model/asset';
import type { QueryKind } from '../../../core/probe-policy/kinds';
import type { OverrideRequest } from '../../../core/probe-policy/policy';
import { riskReasons } from '../../../core/probe-policy/policy';
import { ipInCidr, parseCidr } from '../../../core/probe-policy/net';
import { isHighRiskType, isLifeSupportType, typeLabel } from '../../../core/fingerprint/taxonomy';
import { getProbes, patchProbes } from '../features/probes/state';
import type { HintSources, PlanView, ProbeChoices, ProbeFinished, ProbeProgress } from '../features/probes/state';
import { devicesFromProbe } from '../features/probes/evidence';
import { download } from '../lib/download';
import { DiscoveryRunner } from '../features/discover/runner';

/** Smallest override reason the policy accepts (core/probe-policy/policy buildPlan). */
export const MIN_OVERRIDE_REASON = 5;

// ---------------------------------------------------------------------------------------------
// Choices. Any change makes an existing plan stale: it must be built (and read) again.

function setChoices(next: ProbeChoices): void {
  const s = getProbes();
  patchProbes({ choices: next, planStale: s.plan !== null, approval: null });
}

export const toggleProbeDevice = defineAction<{ deviceId: string }>({
  name: 'probes:toggle-device',
  label: () => 'Choose a device to probe',
  perform: async ({ deviceId }) => {
    const before = getProbes().choices;
    const has = before.deviceIds.includes(deviceId);
    setChoices({ ...before, deviceIds: has ? before.deviceIds.filter((x) => x !== deviceId) : [...before.deviceIds, deviceId] });
    return async () => setChoices({ ...getProbes().choices, deviceIds: before.deviceIds });
  },
});

export const setProbeDevices = defineAction<{ deviceIds: string[] }>({
  name: 'probes:set-devices',
  label: (a) => (a.deviceIds.length ? `Choose ${a.deviceIds.length} devices to probe` : 'Clear the chosen devices'),
  perform: async ({ deviceIds }) => {
    const before = getProbes().choices;
    setChoices({ ...before, deviceIds: [...new Set(deviceIds)] });
    return async () => setChoices({ ...getProbes().choices, deviceIds: before.deviceIds });
  },
});

export const toggleProbeKind = defineAction<{ kind: QueryKind }>({
  name: 'probes:toggle-kind',
  label: (a) => `Choose the ${a.kind} query`,
  perform: async ({ kind }) => {
    const before = getProbes().choices;
    const kinds = before.kinds.includes(kind) ? before.kinds.filter((k) => k !== kind) : [...before.kinds, kind];
    setChoices({ ...before, kinds });
    return async () => setChoices({ ...getProbes().choices, kinds: before.kinds });
  },
});

/** Text and number options (subnet, rate, budget, community, AE title, exclusion lists). Not undone per keystroke. */
export const setProbeOptions = defineAction<{ patch: Partial<Omit<ProbeChoices, 'deviceIds' | 'kinds'>> }>({
  name: 'probes:set-options',
  label: () => 'Change probe options',
  perform: async ({ patch }) => {
    setChoices({ ...getProbes().choices, ...patch });
    return null;
  },
});

// ---------------------------------------------------------------------------------------------
// Per-device risk overrides: a reason and who, then the plan is made again with them.

export const addProbeOverride = defineAction<OverrideRequest & { label?: string }>({
  name: 'probes:add-override',
  label: (a) => `Override the risk exclusion of ${a.label ?? a.device}`,
  perform: async ({ device, reason, by, label }) => {
    const r = reason.trim();
    const who = by.trim();
    if (r.length < MIN_OVERRIDE_REASON) throw new Error(`Give a reason of at least ${MIN_OVERRIDE_REASON} characters (why this device may be probed).`);
    if (!who) throw new Error('Give the name of the person taking responsibility for the override.');
    const before = getProbes().overrides;
    patchProbes({ overrides: [...before.filter((o) => o.device !== device), { device, reason: r, by: who }] });
    await audit(who, 'probes:add-override', `${label ?? device}: ${r}`);
    await replanIfShown();
    return async () => {
      patchProbes({ overrides: before });
      await replanIfShown();
    };
  },
});

export const removeProbeOverride = defineAction<{ device: string; label?: string }>({
  name: 'probes:remove-override',
  label: (a) => `Withdraw the risk override of ${a.label ?? a.device}`,
  perform: async ({ device }) => {
    const before = getProbes().overrides;
    patchProbes({ overrides: before.filter((o) => o.device !== device) });
    await replanIfShown();
    return async () => {
      patchProbes({ overrides: before });
      await replanIfShown();
    };
  },
});

async function replanIfShown(): Promise<void> {
  if (getProbes().plan) await makePlan();
}

// ---------------------------------------------------------------------------------------------
// Plan: report our devices, send the choices and the inventory's risk facts, show what main made.

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function failed(message: string, hint?: string): void {
  patchProbes({ problem: hint ? { message, hint } : { message } });
  notify('error', message, hint);
}

/** The stored devices a plan covers: the chosen ones and every one with an address in the subnet. */
export async function devicesForPlan(choices: ProbeChoices): Promise<Device[]> {
  const chosen = (await db().devices.bulkGet(choices.deviceIds)).filter((d): d is Device => !!d);
  const cidr = choices.subnet.trim() ? parseCidr(choices.subnet) : undefined;
  if (!cidr) return chosen;
  const inSubnet = await db().devices.filter((d) => d.ips.some((ip) => ipInCidr(ip, cidr.text))).toArray();
  const ids = new Set(chosen.map((d) => d.id));
  return [...chosen, ...inSubnet.filter((d) => !ids.has(d.id))];
}

/**
 * Risk facts for main: inventory flags of assets linked to the device (by deviceId, then MAC), and
 * Wardwalk's own type flags (core/fingerprint/taxonomy) where the policy's word list does not already
 * catch the type. They can only add risk: main ORs them in.
 */
export async function riskHintsFor(devices: readonly Device[]): Promise<{ hints: NonNullable<Parameters<ReturnType<typeof api>['probe:plan']>[0]['riskHints']>; sources: HintSources }> {
  const hints: NonNullable<Parameters<ReturnType<typeof api>['probe:plan']>[0]['riskHints']> = [];
  const sources: HintSources = {};
  for (const d of devices) {
    const linked: Asset[] = (await db().assets.where('deviceId').equals(d.id).toArray()).filter((a) => !a.deleted);
    if (!linked.length && d.mac) linked.push(...(await db().assets.where('macs').equals(d.mac).toArray()).filter((a) => !a.deleted));
    const h: (typeof hints)[number] = { deviceId: d.id };
    const why: string[] = [];
    for (const a of linked) {
      const tag = a.assetTag ?? a.serial ?? a.id;
      if (a.lifeSupport) {
        h.lifeSupport = true;
        why.push(`inventory asset ${tag} is marked life-support`);
      }
      if (a.highRisk) {
        h.highRisk = true;
        why.push(`inventory asset ${tag} is marked high-risk`);
      }
      if (a.type && !h.type) {
        h.type = a.type.slice(0, 80);
        why.push(`inventory asset ${tag} is a "${a.type}"`);
      }
    }
    const t = d.identity?.type?.value;
    if (t && t !== 'unknown' && (isLifeSupportType(t) || isHighRiskType(t)) && !riskReasons({ ip: '0.0.0.0', type: t }).length) {
      // The policy's word list misses this type: flag it so it is excluded all the same.
      if (isLifeSupportType(t)) h.lifeSupport = true;
      else h.highRisk = true;
      why.push(`identified as ${typeLabel(t)}, a ${isLifeSupportType(t) ? 'life-support' : 'high-risk'} type in Wardwalk's taxonomy`);
    }
    if (why.length) {
      hints.push(h);
      sources[d.id] = why;
    }
  }
  return { hints, sources };
}

async function makePlan(): Promise<PlanView | null> {
  const s = getProbes();
  const c = s.choices;
  if (!c.deviceIds.length && !c.subnet.trim()) {
    failed('Choose at least one device or a subnet first.');
    return null;
  }
  if (!c.kinds.length) {
    failed('Choose at least one query.');
    return null;
  }
  if (c.subnet.trim() && !parseCidr(c.subnet)) {
    failed(`"${c.subnet}" is not a subnet.`, 'Write it as an address and prefix length, e.g. 10.20.30.0/24.');
    return null;
  }
  patchProbes({ busy: 'plan', problem: null });
  try {
    const devices = await devicesForPlan(c);
    if (devices.length) {
      const sync = await api()['devices:sync']({ devices });
      if (!sync.ok) {
        failed(`The probe service could not be told about the chosen devices: ${sync.error.message}`, sync.error.hint ?? 'Try again; if it keeps failing, restart Wardwalk.');
        return null;
      }
    }
    const { hints, sources } = await riskHintsFor(devices);
    const ex = { ips: list(c.exclusions.ips), cidrs: list(c.exclusions.cidrs), macs: list(c.exclusions.macs), types: c.exclusions.types.split(/[,;\n]+/).map((x) => x.trim()).filter(Boolean) };
    const settings: Parameters<ReturnType<typeof api>['probe:plan']>[0]['settings'] = { kinds: c.kinds, ratePps: c.ratePps, budgetPackets: c.budgetPackets };
    if (c.kinds.includes('snmp-get-system') && c.snmpCommunity) settings.snmpCommunity = c.snmpCommunity;
    if (c.kinds.includes('dicom-echo') && c.aeTitle.trim()) settings.aeTitle = c.aeTitle.trim();
    const args: Parameters<ReturnType<typeof api>['probe:plan']>[0] = { settings, exclusions: ex, overrides: s.overrides, riskHints: hints };
    if (c.deviceIds.length) args.deviceIds = c.deviceIds;
    if (c.subnet.trim()) args.subnet = c.subnet.trim();
    const r = await api()['probe:plan'](args);
    if (!r.ok) {
      failed(`The plan could not be made: ${r.error.message}`, r.error.hint ?? 'Check the options (rate 1–200 packets/s, SNMP community and AE title length) and try again.');
      return null;
    }
    patchProbes({ plan: r.value, planStale: false, approval: null, planApproved: null, hintSources: sources });
    return r.value;
  } finally {
    patchProbes({ busy: null });
  }
}

export const buildProbePlan = defineAction<Record<string, never>>({
  name: 'probes:build-plan',
  label: () => 'Build a probe plan',
  perform: async () => {
    await makePlan();
    return null;
  },
});

export const discardProbePlan = defineAction<Record<string, never>>({
  name: 'probes:discard-plan',
  label: () => 'Discard the probe plan',
  perform: async () => {
    patchProbes({ plan: null, planStale: false, approval: null, planApproved: null, problem: null });
    return null;
  },
});

// ---------------------------------------------------------------------------------------------
// Approve, start, stop.

export const approveProbePlan = defineAction<{ approver: string; reason?: string }>({
  name: 'probes:approve-plan',
  label: () => 'Approve the probe plan',
  perform: async ({ approver, reason }) => {
    const s = getProbes();
    const who = approver.trim();
    if (!s.plan) throw new Error('There is no plan to approve.');
    if (s.planApproved) throw new Error('This plan was already approved (an approval runs once): build the plan again to send again.');
    if (s.planStale) throw new Error('The choices changed after the plan was made: build the plan again and read it before approving.');
    if (!s.plan.entries.length) throw new Error('The plan sends nothing: there is nothing to approve.');
    if (!who) throw new Error('Give your name: an approval records who approved it.');
    patchProbes({ busy: 'approve', problem: null });
    try {
      const args: { planId: string; approver: string; reason?: string } = { planId: s.plan.id, approver: who };
      if (reason?.trim()) args.reason = reason.trim();
      const r = await api()['probe:approve'](args);
      if (!r.ok) {
        failed(`The plan was not approved: ${r.error.message}`, r.error.hint ?? 'Build the plan again, read it, then approve.');
        return null;
      }
      const approval = { ...r.value, approver: who, plan: s.plan, ...(args.reason ? { reason: args.reason } : {}) };
      patchProbes({ approval, planApproved: { approver: who, at: r.value.approvedAt } });
      await audit(who, 'probes:approve-plan', `plan ${s.plan.id}: ${r.value.entries} queries${args.reason ? `; ${args.reason}` : ''}`);
    } finally {
      patchProbes({ busy: null });
    }
    return null;
  },
});

// Events may arrive before probe:start's answer (a short run): keep the last few by run id.
const early = new Map<string, { progress?: ProbeProgress; finished?: ProbeFinished }>();
let listening = false;

/** Subscribe once to probe progress and results (called by the view on mount; kept for the session). */
export function listenForProbeEvents(): void {
  if (listening) return;
  listening = true;
  onEvent('probe:progressed', (p) => {
    const run = getProbes().run;
    if (run && run.runId === p.runId) patchProbes({ run: { ...run, progress: p } });
    else remember(p.runId, { progress: p });
  });
  onEvent('probe:finished', (p) => {
    const run = getProbes().run;
    if (run && run.runId === p.runId) void finish(p);
    else remember(p.runId, { finished: p });
  });
}

function remember(runId: string, v: { progress?: ProbeProgress; finished?: ProbeFinished }) {
  early.set(runId, { ...early.get(runId), ...v });
  while (early.size > 10) early.delete(early.keys().next().value!);
}

let runner: DiscoveryRunner | null = null;

async function finish(p: ProbeFinished): Promise<void> {
  const run = getProbes().run;
  if (!run || run.runId !== p.runId) return;
  const view = { finished: p, plan: run.plan, approver: run.approver, merge: null };
  patchProbes({ run: null, last: view });
  notify(p.stopped ? 'warning' : 'success', p.stopped ? 'Probe run stopped: nothing more is sent.' : `Probe run finished: ${p.results.filter((r) => r.outcome === 'answered').length} of ${p.results.length} queries answered.`);
  // Answers become evidence on the devices (source "probe"), identified again by the discover worker.
  const found = devicesFromProbe(p, run.plan);
  let merge: { facts: number; devices: number; unmatched: number; error?: string } = { facts: found.facts, devices: found.devices.length, unmatched: found.unmatched };
  if (found.devices.length) {
    try {
      runner ??= new DiscoveryRunner(() => undefined);
      await runner.ingest(found.devices);
    } catch (e) {
      merge = { ...merge, error: e instanceof Error ? e.message : String(e) };
      notify('error', `The answers could not be stored as evidence: ${merge.error}`, 'They are still shown in the results; export the audit log to keep them.');
    }
  }
  const last = getProbes().last;
  if (last && last.finished.runId === p.runId) patchProbes({ last: { ...last, merge } });
}

export const startProbeRun = defineAction<Record<string, never>>({
  name: 'probes:start-run',
  label: () => 'Start the approved probe run',
  perform: async () => {
    const s = getProbes();
    if (!s.approval) throw new Error('Approve the plan first: nothing is sent without an approval.');
    if (s.run) throw new Error('A probe run is already going.');
    const approval = s.approval;
    patchProbes({ busy: 'start', problem: null });
    try {
      const r = await api()['probe:start']({ approvalId: approval.approvalId });
      if (!r.ok) {
        failed(`The run did not start: ${r.error.message}`, r.error.hint ?? 'Approve the plan again, then start.');
        if (r.error.code === 'denied') patchProbes({ approval: null });
        return null;
      }
      const runId = r.value.runId;
      const seen = early.get(runId);
      early.delete(runId);
      patchProbes({ approval: null, run: { runId, startedAt: Date.now(), plan: approval.plan, approver: approval.approver, progress: seen?.progress ?? null, stopping: false } });
      await audit(approval.approver, 'probes:start-run', `${runId}: ${approval.entries} queries approved at ${new Date(approval.approvedAt).toISOString()}`);
      if (seen?.finished) await finish(seen.finished);
    } finally {
      patchProbes({ busy: null });
    }
    return null;
  },
});

export const stopProbeRun = defineAction<Record<string, never>>({
  name: 'probes:stop-run',
  label: () => 'Stop the probe run',
  perform: async () => {
    const run = getProbes().run;
    if (!run) return null;
    patchProbes({ run: { ...run, stopping: true } });
    const r = await api()['probe:stop']({ runId: run.runId });
    if (!r.ok) failed(`Stopping failed: ${r.error.message}`, r.error.hint ?? 'Press Stop again; quitting Wardwalk also stops every probe.');
    return null;
  },
});

// ---------------------------------------------------------------------------------------------
// Audit log.


export const exportProbeAudit = defineAction<{ format: 'csv' | 'json'; by: string }>({
  name: 'probes:export-audit',
  label: (a) => `Export the probe audit log (${a.format.toUpperCase()})`,
  perform: async ({ format, by }) => {
    patchProbes({ busy: 'export' });
    try {
      const r = await api()['probe:audit-export']({ format });
      if (!r.ok) {
        failed(`The audit log could not be exported: ${r.error.message}`, r.error.hint);
        return null;
      }
      download(r.value.text, r.value.filename, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      await audit(by, 'probes:export-audit', `${r.value.filename}: ${r.value.records} records`);
      notify('success', `Saved ${r.value.filename} (${r.value.records} records).`, 'Attach it to the IEC 80001 risk file.');
    } finally {
      patchProbes({ busy: null });
    }
    return null;
  },
});
