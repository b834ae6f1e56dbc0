// Handlers for the inventory channels (core/ipc/inventory.ts), in the pattern of risk-handlers.ts.
// Wire with `...inventoryHandlers(service)` in electron/services/handlers.ts and
// `...inventoryChannels` / `...inventoryEvents` in core/ipc/contract.ts. The renderer never names a
// path: opening and saving go through the dialogs given to InventoryService (pickFile, pickSavePath).
import type { z } from 'zod';
import type { inventoryChannels } from '../../../core/ipc/inventory';
import type { Asset } from '../../../core/model/asset';
import type { InventoryService } from './inventory-service';

type Channels = typeof inventoryChannels;
type Args<C extends keyof Channels> = z.output<Channels[C]['args']>;
type Result<C extends keyof Channels> = z.output<Channels[C]['result']>;

export interface InventoryEmitter {
  emit(event: 'inventory:parse-progressed', payload: { jobId: string; stage: 'reading' | 'checking' | 'parsing' | 'converting' | 'analysing' | 'done'; fraction: number }): void;
}

export function inventoryHandlers(service: InventoryService) {
  return {
    'inventory:parse-file': async (args: Args<'inventory:parse-file'>, ctx?: InventoryEmitter): Promise<Result<'inventory:parse-file'>> =>
      service.parseFile(args.source, {
        ...(args.jobId ? { jobId: args.jobId } : {}),
        ...(args.profiles ? { profiles: args.profiles } : {}),
        onProgress: (p) => ctx?.emit('inventory:parse-progressed', { jobId: p.jobId, stage: p.stage, fraction: Math.max(0, Math.min(1, p.fraction)) }),
      }),
    'inventory:analyse-sheet': (args: Args<'inventory:analyse-sheet'>): Result<'inventory:analyse-sheet'> =>
      service.analyseSheet(args.workbookId, args.sheet, {
        ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}),
        ...(args.headerRows !== undefined ? { headerRows: args.headerRows } : {}),
        ...(args.profiles ? { profiles: args.profiles } : {}),
      }),
    'inventory:build-candidates': (args: Args<'inventory:build-candidates'>): Result<'inventory:build-candidates'> => service.buildCandidates(args.workbookId, args.selections),
    'inventory:preview': (args: Args<'inventory:preview'>): Result<'inventory:preview'> =>
      service.preview(args.workbookId, args.selections, args.existing as unknown as Asset[]) as unknown as Result<'inventory:preview'>,
    'inventory:export': async (args: Args<'inventory:export'>): Promise<Result<'inventory:export'>> =>
      service.export({
        assets: args.assets as unknown as Asset[],
        format: args.format,
        ...(args.layout ? { layout: args.layout } : {}),
        ...(args.network ? { network: args.network } : {}),
        ...(args.suggestedName ? { suggestedName: args.suggestedName } : {}),
      }),
    'inventory:cancel': (args: Args<'inventory:cancel'>): Result<'inventory:cancel'> => service.cancel(args.jobId),
    'inventory:close': (args: Args<'inventory:close'>): Result<'inventory:close'> => service.close(args.workbookId),
  };
}
