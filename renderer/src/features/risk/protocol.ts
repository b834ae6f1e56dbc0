// Messages between the risk view and its worker (risk.worker.ts).
import type { RiskResult } from './compute';

export type ToRiskWorker = { type: 'run'; id: number; today: string };

export type FromRiskWorker =
  | { type: 'progress'; id: number; phase: string; done: number; total: number }
  | { type: 'done'; id: number; result: RiskResult; ms: number }
  | { type: 'error'; id: number; message: string };
