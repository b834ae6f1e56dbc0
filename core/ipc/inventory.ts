// Inventory import/export channels, in the order the import wizard uses them:
//   inventory:parse-file      → sheets, header guess and mapping suggestion per sheet (parsed in a worker)
//   inventory:analyse-sheet   → header/mapping again for one sheet when the person picks another header row
//   inventory:build-candidates→ asset candidates + problem rows for the confirmed sheets and mappings
//   inventory:preview         → new / changed (field by field) / unchanged / problems against existing assets
//   (commit is a renderer action: core/inventory/preview.ts commitPreview, written to dexie)
//   inventory:export          → .xlsx / .csv in the imported layout, through a save dialog in main
// The renderer never names a file path: main opens the dialogs. Progress comes as events.
import { z } from 'zod';
import { channel, event } from './define';
import { ASSET_FIELDS } from '../inventory/types';

const field = z.enum(ASSET_FIELDS);
const dateOrder = z.enum(['dmy', 'mdy', 'ymd']);
const text = z.string().max(32_767);
const textRecord = z.record(z.string().max(1024), text);

export const columnMappingSchema = z.object({
  index: z.number().int().min(0).max(16_383),
  header: z.string().max(1024),
  field: field.nullable(),
  dateOrder: dateOrder.optional(),
  ignore: z.boolean().optional(),
});

export const mappingProfileSchema = z.object({
  id: z.string().max(200),
  name: z.string().max(200),
  signature: z.string().max(100_000),
  columns: z.array(z.object({ headerKey: z.string().max(1024), field: field.nullable(), dateOrder: dateOrder.optional(), ignore: z.boolean().optional() })).max(16_384),
  createdAt: z.number(),
});

const headerGuessSchema = z.object({
  headerRow: z.number().int(),
  headerRows: z.number().int(),
  headers: z.array(z.string()),
  dataStart: z.number().int(),
  confidence: z.number(),
  reasons: z.array(z.string()),
});

const columnSuggestionSchema = columnMappingSchema.extend({
  confidence: z.number(),
  reasons: z.array(z.string()),
  alternatives: z.array(field),
  content: z.object({
    filled: z.number(),
    mac: z.number(),
    ip: z.number(),
    date: z.number(),
    maker: z.number(),
    serialLike: z.number(),
    yesNo: z.number(),
    unique: z.number(),
    samples: z.array(z.string()),
  }),
});

export const sheetAnalysisSchema = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  columnCount: z.number().int(),
  hidden: z.boolean(),
  header: headerGuessSchema,
  mapping: z.object({
    signature: z.string(),
    columns: z.array(columnSuggestionSchema),
    profileId: z.string().optional(),
    profileName: z.string().optional(),
  }),
  preview: z.array(z.array(z.string())),
  empty: z.boolean(),
  importable: z.boolean(),
});

export const sheetSelectionSchema = z.object({
  sheet: z.string().max(1024),
  headerRow: z.number().int().min(0).max(1_048_575),
  headerRows: z.number().int().min(1).max(2),
  columns: z.array(columnMappingSchema).max(16_384),
});

const assetStatus = z.enum(['in-service', 'out-of-service', 'in-store', 'retired', 'unknown']);
const assetDataShape = {
  assetTag: text.optional(),
  serial: text.optional(),
  maker: text.optional(),
  makerOriginal: text.optional(),
  model: text.optional(),
  description: text.optional(),
  type: text.optional(),
  department: text.optional(),
  site: text.optional(),
  building: text.optional(),
  floor: text.optional(),
  room: text.optional(),
  macs: z.array(z.string().max(17)).max(64),
  ips: z.array(z.string().max(64)).max(256),
  hostname: text.optional(),
  os: text.optional(),
  firmware: text.optional(),
  softwareVersion: text.optional(),
  status: assetStatus.optional(),
  highRisk: z.boolean().optional(),
  lifeSupport: z.boolean().optional(),
  installDate: text.optional(),
  lastPm: text.optional(),
  nextPm: text.optional(),
  pmFrequency: text.optional(),
  warrantyEnd: text.optional(),
  retiredDate: text.optional(),
  udi: text.optional(),
  extra: textRecord,
  original: textRecord,
};
const assetDataSchema = z.object(assetDataShape);

/** An asset as the renderer holds it (validated loosely: ids are opaque strings here). */
export const assetSchema = z.object({
  ...assetDataShape,
  id: z.string().max(200),
  roomId: z.string().max(200).optional(),
  deviceId: z.string().max(200).optional(),
  importId: z.string().max(200).optional(),
  version: z.number().int(),
  updatedAt: z.number(),
  deleted: z.boolean().optional(),
});

const candidateSchema = z.object({ sheet: z.string(), row: z.number().int(), data: assetDataSchema, warnings: z.array(z.string()) });
const problemSchema = z.object({ sheet: z.string(), row: z.number().int(), reason: z.string(), cells: textRecord });
const fieldChangeSchema = z.object({ field: z.string(), before: z.string().optional(), after: z.string().optional() });
const matchedBy = z.enum(['assetTag', 'serial', 'content']);

export const importResultSchema = z.object({
  candidates: z.array(candidateSchema),
  problems: z.array(problemSchema),
  emptyRows: z.number().int(),
  layouts: z.array(z.object({ sheet: z.string(), columns: z.array(columnMappingSchema) })),
});

export const importPreviewSchema = z.object({
  added: z.array(candidateSchema),
  changed: z.array(z.object({ candidate: candidateSchema, asset: assetSchema, matchedBy, changes: z.array(fieldChangeSchema) })),
  unchanged: z.array(z.object({ candidate: candidateSchema, asset: assetSchema, matchedBy })),
  problems: z.array(problemSchema),
});

export const networkFactsSchema = z.object({
  ips: z.array(z.string().max(64)).max(256).optional(),
  os: z.string().max(1024).optional(),
  lastSeen: z.number().optional(),
  confirmedRoom: z.string().max(1024).optional(),
});

const workbookId = z.string().max(100);
const jobId = z.string().max(100);
const fileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }),
  z.object({ kind: z.literal('bytes'), fileName: z.string().max(1024), bytes: z.instanceof(Uint8Array) }),
]);

export const inventoryChannels = {
  'inventory:parse-file': channel(
    z.object({ source: fileSource, jobId: jobId.optional(), profiles: z.array(mappingProfileSchema).max(1000).optional() }),
    z.union([
      z.object({ cancelled: z.literal(true) }),
      z.object({
        cancelled: z.literal(false),
        workbookId,
        fileName: z.string(),
        format: z.enum(['xlsx', 'xlsm', 'xls', 'csv']),
        sheets: z.array(sheetAnalysisSchema),
      }),
    ]),
    'Open a workbook (a file dialog in main, or bytes the person dropped) and parse it in a worker: size and zip-bomb checks, then sheets with their header row guess and column mapping suggestion (a saved profile when one fits). Progress: inventory:parse-progressed; cancel: inventory:cancel.',
  ),
  'inventory:analyse-sheet': channel(
    z.object({ workbookId, sheet: z.string().max(1024), headerRow: z.number().int().min(0).optional(), headerRows: z.number().int().min(1).max(2).optional(), profiles: z.array(mappingProfileSchema).max(1000).optional() }),
    sheetAnalysisSchema,
    'Header and mapping suggestion for one sheet of a parsed workbook, with the header row the person chose.',
  ),
  'inventory:build-candidates': channel(
    z.object({ workbookId, selections: z.array(sheetSelectionSchema).min(1).max(200) }),
    importResultSchema,
    'Asset candidates and problem rows (sheet, row, reason) for the confirmed sheets and column mappings. Nothing is written.',
  ),
  'inventory:preview': channel(
    z.object({ workbookId, selections: z.array(sheetSelectionSchema).min(1).max(200), existing: z.array(assetSchema).max(500_000) }),
    importPreviewSchema,
    'What committing would do against the given existing assets: new, changed (field by field), unchanged, problems. Nothing is written; the renderer commits with core/inventory commitPreview.',
  ),
  'inventory:export': channel(
    z.object({
      assets: z.array(assetSchema).max(500_000),
      layout: z.array(columnMappingSchema).max(16_384).optional(),
      network: z.record(z.string().max(200), networkFactsSchema).optional(),
      format: z.enum(['xlsx', 'csv']),
      suggestedName: z.string().max(255).optional(),
    }),
    z.object({ saved: z.boolean(), path: z.string().optional(), rows: z.number().int() }),
    'Export assets (in the imported column layout when given, plus what the network added) through a save dialog in main; formula-looking cells are escaped.',
  ),
  'inventory:cancel': channel(z.object({ jobId }), z.object({ cancelled: z.boolean() }), 'Cancel a running parse.'),
  'inventory:close': channel(z.object({ workbookId }), z.object({ closed: z.boolean() }), 'Forget a parsed workbook held in main.'),
} as const;

export const inventoryEvents = {
  'inventory:parse-progressed': event(
    z.object({ jobId, stage: z.enum(['reading', 'checking', 'parsing', 'converting', 'analysing', 'done']), fraction: z.number().min(0).max(1) }),
    'Progress of a workbook parse, for the progress bar.',
  ),
} as const;
