// Probe channels: plan → approve → start/stop, and the audit export. The renderer never names a target
// address, port or rate of its own: it asks for a plan for devices the main side already knows (or a
// subnet), and afterwards refers to that plan, approval and run only by id. Main re-validates every
// request against the policy (core/probe-policy) and keeps plans and approvals on its side.
import { z } from 'zod';
import { channel, event } from './define';
import { MAX_BUDGET_PACKETS, MAX_RATE_PPS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, QUERY_KINDS } from '../probe-policy/kinds';

export const queryKindSchema = z.enum(QUERY_KINDS);

const id = z.string().min(1).max(200);
const shortText = (max: number) => z.string().max(max);

export const probeSettingsInput = z
  .object({
    kinds: z.array(queryKindSchema).min(1).max(QUERY_KINDS.length),
    ratePps: z.number().int().min(1).max(MAX_RATE_PPS).optional(),
    budgetPackets: z.number().int().min(1).max(MAX_BUDGET_PACKETS).optional(),
    timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS).optional(),
    deviceGapMs: z.number().int().min(1000).max(600_000).optional(),
    maxRetries: z.number().int().min(0).max(2).optional(),
    snmpCommunity: z.string().min(1).max(64).optional(),
    snmpV3: z
      .object({
        user: z.string().min(1).max(32),
        authProtocol: z.enum(['sha1', 'sha256']),
        authPassword: z.string().min(8).max(64),
        privProtocol: z.literal('aes128').optional(),
        privPassword: z.string().min(8).max(64).optional(),
      })
      .strict()
      .optional(),
    aeTitle: z.string().min(1).max(16).optional(),
    calledAeTitle: z.string().min(1).max(16).optional(),
    dicomPorts: z.array(z.union([z.literal(104), z.literal(11112), z.literal(4242)])).max(3).optional(),
  })
  .strict();

export const exclusionsInput = z
  .object({
    ips: z.array(shortText(15)).max(10_000).optional(),
    cidrs: z.array(shortText(18)).max(1000).optional(),
    macs: z.array(shortText(17)).max(10_000).optional(),
    types: z.array(shortText(80)).max(200).optional(),
  })
  .strict();

export const overrideInput = z.object({ device: id, reason: z.string().min(5).max(500), by: z.string().min(1).max(80) }).strict();

/** Inventory risk facts the renderer holds (dexie). They can only ADD risk: main ORs them in. */
export const riskHintInput = z
  .object({ deviceId: id, lifeSupport: z.boolean().optional(), highRisk: z.boolean().optional(), type: shortText(80).optional() })
  .strict();

const targetView = z.object({
  ip: z.string(),
  mac: z.string().optional(),
  deviceId: z.string().optional(),
  label: z.string().optional(),
  risks: z.array(z.string()).optional(),
});

export const planEntryView = z.object({
  id: z.string(),
  target: targetView,
  kind: queryKindSchema,
  port: z.number().int(),
  tls: z.boolean(),
  why: z.string(),
  sends: z.string(),
  packets: z.number().int(),
  rate: z.string(),
  calledAe: z.string().optional(),
  snmpVersion: z.enum(['v2c', 'v3']).optional(),
});

export const planView = z.object({
  id: z.string(),
  createdAt: z.number(),
  settings: z.object({
    kinds: z.array(queryKindSchema),
    ratePps: z.number(),
    budgetPackets: z.number(),
    timeoutMs: z.number(),
    deviceGapMs: z.number(),
    maxRetries: z.number(),
    snmpCommunity: z.string().optional(), // always redacted ("•••")
    snmpV3: z.object({ user: z.string(), authProtocol: z.string(), authPassword: z.string(), privProtocol: z.string().optional(), privPassword: z.string().optional() }).optional(), // passwords redacted
    aeTitle: z.string().optional(),
    calledAeTitle: z.string().optional(),
    dicomPorts: z.array(z.number()).optional(),
    localSubnets: z.array(z.string()).optional(),
  }),
  entries: z.array(planEntryView),
  excluded: z.array(z.object({ target: targetView, reasons: z.array(z.string()), overridable: z.boolean() })),
  overrides: z.array(z.object({ device: z.string(), reason: z.string(), by: z.string(), at: z.number(), risks: z.array(z.string()) })),
  notes: z.array(z.string()),
  estimate: z.object({ packets: z.number(), minDurationMs: z.number() }),
  problems: z.array(z.string()),
});
export type PlanView = z.infer<typeof planView>;

const jobStatus = z.enum(['pending', 'running', 'done', 'failed', 'skipped-device-stopped', 'skipped-budget', 'skipped-over-cap', 'stopped']);
const attemptOutcome = z.enum(['answered', 'refused', 'timeout', 'unreachable', 'local-error', 'error']);

export const probeProgress = z.object({
  runId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  packets: z.number().int(),
  budget: z.number().int(),
  last: z.object({ entryId: z.string(), status: jobStatus, outcome: attemptOutcome.optional(), detail: z.string().optional() }).optional(),
});

const observationView = z.object({
  mac: z.string().optional(),
  ip: z.string().optional(),
  kind: z.string(),
  value: z.string().max(1024),
  proto: z.string(),
  source: z.literal('probe'),
  ts: z.number(),
});

export const probeFinished = z.object({
  runId: z.string(),
  stopped: z.boolean(),
  startedAt: z.number(),
  finishedAt: z.number(),
  packets: z.number().int(),
  results: z.array(
    z.object({
      entryId: z.string(),
      kind: queryKindSchema,
      ip: z.string(),
      port: z.number().int(),
      status: jobStatus,
      outcome: attemptOutcome.optional(),
      detail: z.string().optional(),
      observations: z.array(observationView),
    }),
  ),
  observations: z.array(observationView),
});

export const probeChannels = {
  'probe:plan': channel(
    z
      .object({
        deviceIds: z.array(id).max(5000).optional(),
        subnet: shortText(18).optional(),
        settings: probeSettingsInput,
        exclusions: exclusionsInput.optional(),
        overrides: z.array(overrideInput).max(1000).optional(),
        riskHints: z.array(riskHintInput).max(100_000).optional(),
      })
      .strict(),
    planView,
    'Build a probe plan for known devices and/or a local subnet; nothing is sent. Shows each query, why, and the rate.',
  ),
  'probe:approve': channel(
    z.object({ planId: id, approver: z.string().min(1).max(80), reason: z.string().max(500).optional() }).strict(),
    z.object({ approvalId: z.string(), approvedAt: z.number(), expiresAt: z.number(), entries: z.number().int() }),
    'A person approves a plan made by probe:plan (by id). The approval is kept on the main side.',
  ),
  'probe:start': channel(
    z.object({ approvalId: id }).strict(),
    z.object({ runId: z.string() }),
    'Start sending an approved plan (one run at a time). Progress arrives as probe:progressed events.',
  ),
  'probe:stop': channel(
    z.object({ runId: id }).strict(),
    z.object({ stopped: z.boolean() }),
    'Stop a run now: nothing more is sent (within 100 ms); open exchanges are closed.',
  ),
  'probe:audit-export': channel(
    z.object({ format: z.enum(['csv', 'json']), runId: id.optional() }).strict(),
    z.object({ filename: z.string(), text: z.string(), records: z.number().int() }),
    'The probe audit log (approvals, overrides, every query) as CSV or JSON evidence for an IEC 80001 risk file.',
  ),
} as const;

export const probeEvents = {
  'probe:progressed': event(probeProgress, 'A query of a run ended (a few per second at most).'),
  'probe:finished': event(probeFinished, 'A run ended (finished or stopped), with its results and observations.'),
} as const;
