// Live state of the Safe probes view: the person's choices, the plan main made from them, the approval,
// the run's progress and its results. Never persisted (plans and approvals live on the main side for
// one session; the audit log is written there); persisted facts (probe answers as evidence) go to dexie.
import { registerSlice, useStore } from '../../store';
import type { QueryKind } from '../../../../core/probe-policy/kinds';
import { DEFAULT_BUDGET_PACKETS, DEFAULT_RATE_PPS } from '../../../../core/probe-policy/kinds';
import type { OverrideRequest } from '../../../../core/probe-policy/policy';
import type { PayloadOf, ResultOf } from '../../../../core/ipc/contract';

export type PlanView = ResultOf<'probe:plan'>;
export type ProbeProgress = PayloadOf<'probe:progressed'>;
export type ProbeFinished = PayloadOf<'probe:finished'>;

export interface ProbeChoices {
  deviceIds: string[];
  /** A CIDR range: every stored device in it (and, with ARP, every host address). Empty: none. */
  subnet: string;
  kinds: QueryKind[];
  ratePps: number;
  budgetPackets: number;
  /** Secrets the person types; sent to main only inside probe:plan, never stored. */
  snmpCommunity: string;
  aeTitle: string;
  /** Comma- or line-separated lists, as typed. */
  exclusions: { ips: string; cidrs: string; macs: string; types: string };
}

export interface ApprovalView {
  approvalId: string;
  approvedAt: number;
  expiresAt: number;
  entries: number;
  approver: string;
  reason?: string;
  /** The plan as approved (what the run may send; results are matched to its entries). */
  plan: PlanView;
}

export interface RunView {
  runId: string;
  startedAt: number;
  plan: PlanView;
  approver: string;
  progress: ProbeProgress | null;
  stopping: boolean;
}

export interface MergeSummary {
  facts: number;
  devices: number;
  /** Answers from addresses that are not a stored device and gave nothing to key one on. */
  unmatched: number;
  error?: string;
}

export interface FinishedView {
  finished: ProbeFinished;
  plan: PlanView;
  approver: string;
  merge: MergeSummary | null;
}

/** Where each risk hint sent with a plan came from (shown beside the exclusion reasons). */
export type HintSources = Record<string, string[]>;

export interface Problem {
  message: string;
  hint?: string;
}

export interface ProbeUiState {
  choices: ProbeChoices;
  overrides: OverrideRequest[];
  plan: PlanView | null;
  /** The choices changed after the plan was made: it must be built again before approval. */
  planStale: boolean;
  hintSources: HintSources;
  approval: ApprovalView | null;
  /** The shown plan was approved (an approval runs once): who and when. Cleared by a new plan. */
  planApproved: { approver: string; at: number } | null;
  run: RunView | null;
  last: FinishedView | null;
  problem: Problem | null;
  busy: 'plan' | 'approve' | 'start' | 'export' | null;
}

export const INITIAL_CHOICES: ProbeChoices = {
  deviceIds: [],
  subnet: '',
  kinds: ['http-get-root'],
  ratePps: DEFAULT_RATE_PPS,
  budgetPackets: DEFAULT_BUDGET_PACKETS,
  snmpCommunity: '',
  aeTitle: '',
  exclusions: { ips: '', cidrs: '', macs: '', types: '' },
};

const INITIAL: ProbeUiState = {
  choices: INITIAL_CHOICES,
  overrides: [],
  plan: null,
  planStale: false,
  hintSources: {},
  approval: null,
  planApproved: null,
  run: null,
  last: null,
  problem: null,
  busy: null,
};

registerSlice<{ probes: ProbeUiState }>(() => ({ probes: INITIAL }));

export function getProbes(): ProbeUiState {
  return useStore.getState().probes as ProbeUiState;
}

export function patchProbes(p: Partial<ProbeUiState>): void {
  useStore.setState({ probes: { ...getProbes(), ...p } });
}

/** Select a part of the probe state (return stored references only, never new objects). */
export function useProbes<T>(sel: (s: ProbeUiState) => T): T {
  return useStore((s) => sel(s.probes as ProbeUiState));
}
