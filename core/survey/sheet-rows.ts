// Room lists and small asset lists from a spreadsheet: find the header row, map columns by name,
// turn rows into drafts plus a list of problems. The sheet is parsed at the edge (a Web Worker in the
// renderer); this sees only rows of cell text.

export interface RoomDraft {
  number: string;
  name?: string;
  department?: string;
  type?: string;
  /** 1-based sheet row, for problems and undo labels. */
  row: number;
}

export interface AssetDraft {
  assetTag?: string;
  serial?: string;
  type?: string;
  maker?: string;
  model?: string;
  description?: string;
  department?: string;
  room?: string;
  row: number;
}

export interface RowsResult<T> {
  items: T[];
  problems: string[];
  /** Column index per field, as detected. */
  columns: Record<string, number>;
  headerRow: number;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

type Synonyms = Record<string, readonly string[]>;

const ROOM_FIELDS: Synonyms = {
  number: ['room', 'room number', 'room no', 'room nr', 'room #', 'number', 'no', 'nr', 'sala', 'habitacion', 'raum', 'raumnummer', 'salle', 'local', 'room id', 'room code', 'n sala', 'no sala', 'numero de sala'],
  name: ['name', 'room name', 'description', 'nombre', 'bezeichnung', 'nom', 'label'],
  department: ['department', 'dept', 'ward', 'unit', 'service', 'servicio', 'abteilung', 'station', 'cost centre', 'cost center'],
  type: ['type', 'room type', 'use', 'usage', 'function', 'tipo', 'art'],
};

const ASSET_FIELDS: Synonyms = {
  assetTag: ['asset tag', 'tag', 'asset', 'asset no', 'asset number', 'asset id', 'inventory no', 'inventory number', 'equipment no', 'control number', 'inventario', 'n inventario'],
  serial: ['serial', 'serial no', 'serial number', 's n', 'sn', 'numero de serie', 'serie', 'seriennummer'],
  type: ['type', 'device type', 'equipment type', 'category', 'tipo'],
  maker: ['maker', 'manufacturer', 'make', 'vendor', 'brand', 'marca', 'fabricante', 'hersteller'],
  model: ['model', 'modelo', 'modell'],
  description: ['description', 'device', 'equipment', 'name', 'descripcion'],
  department: ['department', 'dept', 'ward', 'unit', 'service', 'servicio'],
  room: ['room', 'room number', 'room no', 'location', 'sala', 'ubicacion', 'raum'],
};

function detect(rows: readonly (readonly string[])[], fields: Synonyms, required: string): { headerRow: number; columns: Record<string, number> } | undefined {
  const scan = Math.min(rows.length, 20);
  let best: { headerRow: number; columns: Record<string, number>; score: number } | undefined;
  for (let r = 0; r < scan; r++) {
    const cells = (rows[r] ?? []).map((c) => norm(String(c ?? '')));
    const columns: Record<string, number> = {};
    const used = new Set<number>();
    // Exact synonym matches first (in field order), so "room number" beats "room name" for number.
    for (const [field, syn] of Object.entries(fields)) {
      const i = cells.findIndex((c, idx) => !used.has(idx) && syn.includes(c));
      if (i >= 0) {
        columns[field] = i;
        used.add(i);
      }
    }
    const score = Object.keys(columns).length;
    if (columns[required] !== undefined && (!best || score > best.score)) best = { headerRow: r, columns, score };
  }
  return best ? { headerRow: best.headerRow, columns: best.columns } : undefined;
}

const cell = (row: readonly string[], i: number | undefined) => (i === undefined ? '' : String(row[i] ?? '').trim());

export function mapRoomRows(rows: readonly (readonly string[])[]): RowsResult<RoomDraft> {
  const h = detect(rows, ROOM_FIELDS, 'number');
  if (!h) return { items: [], problems: ['No header row with a room number column (e.g. "Room", "Room number", "Sala") in the first 20 rows.'], columns: {}, headerRow: -1 };
  const items: RoomDraft[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let r = h.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const number = cell(row, h.columns['number']);
    const rest = ['name', 'department', 'type'].map((f) => cell(row, h.columns[f]));
    if (!number) {
      if (rest.some(Boolean)) problems.push(`Row ${r + 1}: no room number, left out.`);
      continue;
    }
    const key = number.toUpperCase();
    if (seen.has(key)) {
      problems.push(`Row ${r + 1}: room ${number} appears twice; the first one is kept.`);
      continue;
    }
    seen.add(key);
    const d: RoomDraft = { number, row: r + 1 };
    if (rest[0]) d.name = rest[0];
    if (rest[1]) d.department = rest[1];
    if (rest[2]) d.type = rest[2];
    items.push(d);
  }
  return { items, problems, columns: h.columns, headerRow: h.headerRow };
}

export function mapAssetRows(rows: readonly (readonly string[])[]): RowsResult<AssetDraft> {
  const h = detect(rows, ASSET_FIELDS, 'assetTag') ?? detect(rows, ASSET_FIELDS, 'serial');
  if (!h) return { items: [], problems: ['No header row with an asset tag or serial column in the first 20 rows.'], columns: {}, headerRow: -1 };
  const items: AssetDraft[] = [];
  const problems: string[] = [];
  const fields = Object.keys(ASSET_FIELDS) as (keyof Omit<AssetDraft, 'row'>)[];
  for (let r = h.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const d: AssetDraft = { row: r + 1 };
    for (const f of fields) {
      const v = cell(row, h.columns[f]);
      if (v) d[f] = v;
    }
    if (!d.assetTag && !d.serial) {
      if (fields.some((f) => d[f])) problems.push(`Row ${r + 1}: neither asset tag nor serial, left out.`);
      continue;
    }
    items.push(d);
  }
  return { items, problems, columns: h.columns, headerRow: h.headerRow };
}
