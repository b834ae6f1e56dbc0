// Handlers for the vulnerability and risk channels (core/ipc/risk.ts). Main picks the files (open
// dialog) or takes the bytes the person dropped; reading is electron/services/advisories.ts and
// ./mds2.ts, everything after that is core. Wire with `...riskHandlers(deps)` in handlers.ts and
// `...riskChannels` / `...riskEvents` in core/ipc/contract.ts.
import type { z } from 'zod';
import type { Advisory } from '../../core/advisories/csaf';
import { versionKey } from '../../core/advisories/csaf';
import type { riskChannels } from '../../core/ipc/risk';
import { importAdvisories, importAdvisoryBytes } from './advisories';
import { importMds2, mds2FromWorkbook } from './mds2';
import { parseWorkbookBytes } from './spreadsheet/parse';

type Channels = typeof riskChannels;
type Args<C extends keyof Channels> = z.output<Channels[C]['args']>;
type Result<C extends keyof Channels> = z.output<Channels[C]['result']>;

export interface RiskHandlerDeps {
  /** main: dialog.showOpenDialog with openFile + multiSelections, or openDirectory. */
  pickAdvisoryPaths?: (pick: 'files' | 'folder') => Promise<string[] | undefined>;
  /** main: dialog.showOpenDialog for one .xlsx/.xls workbook. */
  pickWorkbook?: () => Promise<string | undefined>;
}

export interface RiskEmitter {
  emit(event: 'advisories:imported', payload: { advisories: number; superseded: number; problems: number }): void;
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export function riskHandlers(deps: RiskHandlerDeps) {
  return {
    'advisories:import': async (args: Args<'advisories:import'>, ctx?: RiskEmitter): Promise<Result<'advisories:import'>> => {
      let res;
      if (args.source.kind === 'bytes') res = importAdvisoryBytes(args.source.fileName, args.source.bytes);
      else {
        const paths = await deps.pickAdvisoryPaths?.(args.source.pick);
        if (!paths?.length) return { cancelled: true };
        res = await importAdvisories(paths);
      }
      // Only what is newer than the renderer's stored revision goes back.
      const known = args.known ?? {};
      const fresh: Advisory[] = [];
      let unchanged = 0;
      for (const a of res.advisories) {
        const have = known[a.trackingId];
        if (have !== undefined && cmp(versionKey(a.version), versionKey(have)) <= 0) unchanged++;
        else fresh.push(a);
      }
      ctx?.emit('advisories:imported', { advisories: fresh.length, superseded: res.superseded.length, problems: res.problems.length });
      return { cancelled: false, advisories: fresh, superseded: res.superseded, unchanged, problems: res.problems, documents: res.documents };
    },
    'mds2:import': async (args: Args<'mds2:import'>): Promise<Result<'mds2:import'>> => {
      if (args.source.kind === 'bytes') {
        const wb = await parseWorkbookBytes(args.source.bytes, args.source.fileName, { timeoutMs: 60_000 });
        return { cancelled: false, facts: mds2FromWorkbook(wb, args.source.fileName) };
      }
      const path = await deps.pickWorkbook?.();
      if (!path) return { cancelled: true };
      return { cancelled: false, facts: await importMds2(path) };
    },
  };
}
