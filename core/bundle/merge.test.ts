import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, BUNDLE_TABLES, makeBundle, readBundle, recordHash, serializeBundle, canonicalJson } from './format';
import type { BundleEntry, BundleTable } from './format';
import { CONFLICT_WINDOW_MS, lineageForExport, lineageKey, planMerge, settleConflict } from './merge';
import type { BundleConflict, LocalData, LocalRecord, MergePlan, Rec } from './merge';

/** An in-memory laptop: tables of records plus each record's stored lineage. */
class Laptop {
  tables = new Map<BundleTable, Map<string, Rec>>(BUNDLE_TABLES.map((t) => [t, new Map()]));
  known = new Map<string, string[]>();
  constructor(readonly name: string) {}
  put(table: BundleTable, r: Rec) {
    this.tables.get(table)!.set(String(r.id), structuredClone(r));
  }
  get(table: BundleTable, id: string): Rec | undefined {
    return this.tables.get(table)!.get(id);
  }
  edit(table: BundleTable, id: string, patch: Rec, at: number) {
    const r = this.get(table, id)!;
    this.put(table, { ...r, ...patch, version: (r.version as number) + 1, updatedAt: at });
  }
  exportBundle(at: number): string {
    const tables: Partial<Record<BundleTable, BundleEntry[]>> = {};
    for (const [t, m] of this.tables) {
      tables[t] = [...m.values()].map((record) => {
        const known = lineageForExport(this.known.get(lineageKey(t, String(record.id))) ?? [], record);
        this.known.set(lineageKey(t, String(record.id)), known);
        const e: BundleEntry = { known, record };
        if (typeof record.version === 'number') e.version = record.version;
        return e;
      });
    }
    return serializeBundle(makeBundle(tables, { schemaVersion: 4, appVersion: 'test', author: this.name, laptopId: this.name, createdAt: at }));
  }
  plan(text: string): MergePlan {
    const read = readBundle(text, 99);
    if (!read.ok) throw new Error(read.reason);
    const local: LocalData = { records: {}, byAsset: { placements: new Map(), confirmations: new Map() } };
    for (const t of BUNDLE_TABLES) {
      const m = new Map<string, LocalRecord>();
      for (const e of read.bundle.tables[t] ?? []) {
        const r = this.get(t, String(e.record.id));
        if (r) m.set(String(r.id), { record: structuredClone(r), known: this.known.get(lineageKey(t, String(r.id))) ?? [] });
      }
      local.records[t] = m;
    }
    for (const t of ['placements', 'confirmations'] as const) {
      for (const r of this.tables.get(t)!.values()) {
        if (typeof r.assetId !== 'string') continue;
        const list = local.byAsset[t].get(r.assetId) ?? [];
        list.push(structuredClone(r));
        local.byAsset[t].set(r.assetId, list);
      }
    }
    return planMerge(read.bundle, local);
  }
  apply(p: { writes: { table: BundleTable; record: Rec }[]; lineage: { table: BundleTable; id: string; known: string[] }[] }) {
    for (const w of p.writes) this.put(w.table, w.record);
    for (const l of p.lineage) this.known.set(lineageKey(l.table, l.id), l.known);
  }
  importBundle(text: string): MergePlan {
    const p = this.plan(text);
    this.apply(p);
    return p;
  }
  snapshot(): string {
    return canonicalJson(Object.fromEntries([...this.tables].map(([t, m]) => [t, [...m.values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1))])));
  }
  state(): string {
    return this.snapshot() + canonicalJson(Object.fromEntries([...this.known].sort()));
  }
}

const T0 = 1_700_000_000_000;
const room = (id: string, number: string): Rec => ({ id, floorId: 'floor_1', number, version: 1, createdAt: T0, updatedAt: T0 });
const asset = (id: string, tag: string, roomId: string): Rec => ({ id, assetTag: tag, roomId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: T0 });
const placement = (id: string, assetId: string, roomId: string, at: number): Rec => ({ id, assetId, roomId, by: 'x', version: 1, createdAt: at, updatedAt: at });
const confirmation = (id: string, assetId: string, roomId: string, at: number, by: string): Rec => ({ id, assetId, roomId, at, by, how: 'scan' });

/** Two laptops that share a common bundle exported by A. */
function pair() {
  const a = new Laptop('ana');
  a.put('sites', { id: 'site_1', name: 'St Mary', version: 1, createdAt: T0, updatedAt: T0 });
  a.put('rooms', room('room_1', '3B-12'));
  a.put('rooms', room('room_2', '3B-14'));
  a.put('rooms', room('room_3', '3B-16'));
  a.put('assets', asset('asset_pump', 'BME-00017', 'room_1'));
  a.put('assets', asset('asset_mon', 'BME-00018', 'room_2'));
  a.put('placements', placement('place_0', 'asset_pump', 'room_1', T0));
  a.put('confirmations', confirmation('conf_0', 'asset_pump', 'room_1', T0, 'ana'));
  a.put('auditLog', { id: 'audit_0', at: T0, by: 'ana', action: 'room:create', detail: 'room 3B-12' });
  const b = new Laptop('ben');
  const first = b.importBundle(a.exportBundle(T0 + 1));
  expect(first.totals.new).toBe(9);
  return { a, b };
}

/** placeAsset as the app does it: old placement deleted, new one added, asset's room changed. */
function move(l: Laptop, assetId: string, roomId: string, at: number, placeId: string) {
  for (const p of l.tables.get('placements')!.values()) {
    if (p.assetId === assetId && !p.deleted) l.put('placements', { ...p, deleted: true, version: (p.version as number) + 1, updatedAt: at });
  }
  l.put('placements', placement(placeId, assetId, roomId, at));
  l.edit('assets', assetId, { roomId }, at);
}

describe('survey bundle format', () => {
  it('round-trips and refuses damaged, foreign and newer files with a reason', () => {
    const { a } = pair();
    const text = a.exportBundle(T0 + 2);
    const ok = readBundle(text, 99);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.bundle.author).toBe('ana');
    const tampered = text.replace('3B-12', '3B-13');
    expect(readBundle(tampered, 99)).toMatchObject({ ok: false, reason: expect.stringContaining('checksum') });
    expect(readBundle(text.slice(0, text.length - 40), 99)).toMatchObject({ ok: false, reason: expect.stringContaining('not valid JSON') });
    expect(readBundle('{"hello":1}', 99)).toMatchObject({ ok: false, reason: expect.stringContaining('format marker') });
    expect(readBundle('{"format":"wardwalk-db","formatVersion":1}', 99)).toMatchObject({ ok: false, reason: expect.stringContaining('whole-database backup') });
    const newer = JSON.parse(text) as Record<string, unknown>;
    newer.formatVersion = BUNDLE_FORMAT_VERSION + 1;
    expect(readBundle(JSON.stringify(newer), 99)).toMatchObject({ ok: false, reason: expect.stringContaining('newer Wardwalk') });
    expect(readBundle(text, 3)).toMatchObject({ ok: false, reason: expect.stringContaining('newer database schema') });
    // A record without its key refuses the whole file even with a matching checksum.
    const keyless = JSON.parse(text) as { tables: Record<string, { record: Rec }[]> };
    delete keyless.tables.rooms![0]!.record.id;
    const rebuilt = makeBundle(keyless.tables as never, { schemaVersion: 4, appVersion: 't', author: 'x', laptopId: 'x', createdAt: 0 });
    expect(readBundle(serializeBundle(rebuilt), 99)).toMatchObject({ ok: false, reason: expect.stringContaining('has no id') });
  });

  it('lists tables it does not carry instead of merging them', () => {
    const b = makeBundle({ rooms: [{ known: [], record: room('room_9', '1') }], devices: [{ known: [], record: { id: 'd' } }] } as never, {
      schemaVersion: 4, appVersion: 't', author: 'x', laptopId: 'x', createdAt: 0,
    });
    const r = readBundle(serializeBundle(b), 99);
    expect(r.ok && r.dropped).toEqual(['table "devices" (1 records): not part of a survey bundle in this version']);
    expect(r.ok && Object.keys(r.bundle.tables)).toEqual(['rooms']);
  });

  it('hashes records independently of key order', () => {
    expect(recordHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(recordHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(recordHash({ a: 1 })).not.toBe(recordHash({ a: 2 }));
  });
});

describe('record-by-record merge', () => {
  it('re-importing the same bundle changes nothing', () => {
    const { a, b } = pair();
    a.edit('rooms', 'room_1', { name: 'Bay 12' }, T0 + 10);
    const text = a.exportBundle(T0 + 11);
    const first = b.importBundle(text);
    expect(first.totals.updated).toBe(1);
    const before = b.state();
    const again = b.plan(text);
    expect(again.writes).toEqual([]);
    expect(again.lineage).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.totals).toMatchObject({ new: 0, updated: 0, conflicts: 0 });
    b.apply(again);
    expect(b.state()).toBe(before);
  });

  it('takes theirs when they changed it and I did not, keeps mine when I changed it and they did not', () => {
    const { a, b } = pair();
    a.edit('rooms', 'room_1', { name: 'Bay 12' }, T0 + 10);
    b.edit('rooms', 'room_2', { department: 'ICU' }, T0 + 20);
    const p = b.importBundle(a.exportBundle(T0 + 30));
    expect(p.counts.rooms).toEqual({ new: 0, updated: 1, unchanged: 2, conflicts: 0 });
    expect(b.get('rooms', 'room_1')!.name).toBe('Bay 12');
    expect(b.get('rooms', 'room_2')!.department).toBe('ICU');
    const back = a.importBundle(b.exportBundle(T0 + 40));
    expect(back.counts.rooms).toEqual({ new: 0, updated: 1, unchanged: 2, conflicts: 0 });
    expect(a.snapshot()).toBe(b.snapshot());
  });

  it('versions alone are not trusted: v1→v2 here and v1→v3 there is a conflict, not "theirs is newer"', () => {
    const { a, b } = pair();
    a.edit('rooms', 'room_3', { name: 'Store' }, T0 + 10);
    a.edit('rooms', 'room_3', { name: 'Store room' }, T0 + 11);
    b.edit('rooms', 'room_3', { name: 'Dirty utility' }, T0 + 12);
    const p = b.importBundle(a.exportBundle(T0 + 20));
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]).toMatchObject({ key: 'rooms:room_3', kind: 'record' });
    expect(p.conflicts[0]!.items[0]!.fields).toEqual(['name']);
    expect(b.get('rooms', 'room_3')!.name).toBe('Dirty utility'); // nothing overwritten
  });

  it('a record that claims descent but has a lower version is a conflict', () => {
    const { a, b } = pair();
    // A rewrites the room back to version 1 (a damaged or hand-edited record).
    a.put('rooms', { ...a.get('rooms', 'room_2')!, name: 'x', version: 0, updatedAt: T0 + 5 });
    b.edit('rooms', 'room_2', { name: 'y' }, T0 + 6);
    b.exportBundle(T0 + 7); // b's lineage now knows its v2
    const p = b.plan(a.exportBundle(T0 + 8));
    expect(p.totals.conflicts).toBe(1);
  });

  it('the same change on both sides converges without a conflict', () => {
    const { a, b } = pair();
    a.put('placements', { ...a.get('placements', 'place_0')!, deleted: true, version: 2, updatedAt: T0 + 100 });
    b.put('placements', { ...b.get('placements', 'place_0')!, deleted: true, version: 2, updatedAt: T0 + 200 });
    const ab = a.exportBundle(T0 + 300);
    const ba = b.exportBundle(T0 + 300);
    expect(b.importBundle(ab).conflicts).toEqual([]);
    expect(a.importBundle(ba).conflicts).toEqual([]);
    expect(a.snapshot()).toBe(b.snapshot());
    expect(a.get('placements', 'place_0')!.updatedAt).toBe(T0 + 200);
  });

  it('append-only records merge as a union', () => {
    const { a, b } = pair();
    a.put('auditLog', { id: 'audit_a', at: T0 + 1, by: 'ana', action: 'x', detail: 'a' });
    b.put('auditLog', { id: 'audit_b', at: T0 + 2, by: 'ben', action: 'x', detail: 'b' });
    b.importBundle(a.exportBundle(T0 + 3));
    a.importBundle(b.exportBundle(T0 + 4));
    expect([...a.tables.get('auditLog')!.keys()].sort()).toEqual(['audit_0', 'audit_a', 'audit_b']);
    expect(a.snapshot()).toBe(b.snapshot());
  });
});

describe('two people moved the same pump', () => {
  it('is one conflict (asset + placements together), held until a person settles it, then both laptops agree', () => {
    const { a, b } = pair();
    move(a, 'asset_pump', 'room_2', T0 + 60_000, 'place_a');
    move(b, 'asset_pump', 'room_3', T0 + 90_000, 'place_b');
    // Unrelated work on each side merges cleanly.
    a.edit('rooms', 'room_1', { name: 'Bay 12' }, T0 + 61_000);
    b.put('rooms', room('room_4', '3B-18'));

    const ab = a.exportBundle(T0 + 100_000);
    const ba = b.exportBundle(T0 + 100_000);
    const atB = b.importBundle(ab);
    const atA = a.importBundle(ba);
    expect(atB.conflicts).toHaveLength(1);
    expect(atA.conflicts).toHaveLength(1);
    const cB = atB.conflicts[0]!;
    expect(cB).toMatchObject({ key: 'asset:asset_pump', kind: 'moved', assetId: 'asset_pump' });
    expect(cB.items.map((i) => `${i.table}:${i.id}:${i.mine ? 'm' : ''}${i.theirs ? 't' : ''}`).sort()).toEqual([
      'assets:asset_pump:mt',
      'placements:place_a:t',
      'placements:place_b:m',
    ]);
    // The same disagreement has the same id on both laptops.
    expect(atA.conflicts[0]!.id).toBe(cB.id);
    // Held: B still has its own view, and A's placement was not written.
    expect(b.get('assets', 'asset_pump')!.roomId).toBe('room_3');
    expect(b.get('placements', 'place_a')).toBeUndefined();
    expect(b.get('rooms', 'room_1')!.name).toBe('Bay 12');
    // Settled: both agree on room_2 (Ana's). Ana keeps hers, Ben takes theirs.
    a.apply(settleConflict(atA.conflicts[0]!, 'mine', T0 + 200_000));
    b.apply(settleConflict(cB, 'theirs', T0 + 210_000));
    expect(b.get('assets', 'asset_pump')!.roomId).toBe('room_2');
    expect(b.get('placements', 'place_b')!.deleted).toBe(true);
    // One more exchange both ways and the laptops are identical, with nothing left to settle.
    const r1 = b.importBundle(a.exportBundle(T0 + 300_000));
    const r2 = a.importBundle(b.exportBundle(T0 + 300_000));
    expect(r1.conflicts).toEqual([]);
    expect(r2.conflicts).toEqual([]);
    expect(a.snapshot()).toBe(b.snapshot());
    expect(a.get('assets', 'asset_pump')!.roomId).toBe('room_2');
    const live = [...a.tables.get('placements')!.values()].filter((p) => p.assetId === 'asset_pump' && !p.deleted);
    expect(live.map((p) => p.roomId)).toEqual(['room_2']);
    // And a third round changes nothing at all.
    const sa = a.state();
    const r3 = a.plan(b.exportBundle(T0 + 400_000));
    expect(r3.writes).toEqual([]);
    expect(r3.conflicts).toEqual([]);
    a.apply(r3);
    expect(a.state()).toBe(sa);
  });

  it('settled differently on the two laptops, the disagreement comes back as a conflict', () => {
    const { a, b } = pair();
    move(a, 'asset_pump', 'room_2', T0 + 60_000, 'place_a');
    move(b, 'asset_pump', 'room_3', T0 + 90_000, 'place_b');
    const ab = a.exportBundle(T0 + 100_000);
    const ba = b.exportBundle(T0 + 100_000);
    const cB = b.importBundle(ab).conflicts[0]!;
    const cA = a.importBundle(ba).conflicts[0]!;
    a.apply(settleConflict(cA, 'mine', T0 + 200_000));
    b.apply(settleConflict(cB, 'mine', T0 + 200_000));
    const again = b.plan(a.exportBundle(T0 + 300_000));
    expect(again.conflicts.map((c) => c.key)).toContain('asset:asset_pump');
  });

  it('confirmations in two rooms within the window conflict; hours apart they are simply history', () => {
    const { a, b } = pair();
    a.put('confirmations', confirmation('conf_a', 'asset_mon', 'room_1', T0 + 5 * 60_000, 'ana'));
    b.put('confirmations', confirmation('conf_b', 'asset_mon', 'room_3', T0 + 9 * 60_000, 'ben'));
    a.put('confirmations', confirmation('conf_a2', 'asset_pump', 'room_1', T0 + 10 * 60_000, 'ana'));
    b.put('confirmations', confirmation('conf_b2', 'asset_pump', 'room_3', T0 + 10 * 60_000 + CONFLICT_WINDOW_MS + 1, 'ben'));
    const p = b.importBundle(a.exportBundle(T0 + CONFLICT_WINDOW_MS * 3));
    expect(p.conflicts.map((c) => c.key)).toEqual(['asset:asset_mon']);
    expect(b.get('confirmations', 'conf_a2')).toBeDefined();
    expect(b.get('confirmations', 'conf_a')).toBeUndefined();
    const c: BundleConflict = p.conflicts[0]!;
    b.apply(settleConflict(c, 'mine', T0 + CONFLICT_WINDOW_MS * 4));
    // Theirs is kept as a record, retracted: the statement stays in the audit trail.
    expect(String(b.get('confirmations', 'conf_a')!.note)).toMatch(/^\[retracted\] conflict settled for room room_3/);
    const back = a.importBundle(b.exportBundle(T0 + CONFLICT_WINDOW_MS * 5));
    expect(back.conflicts).toEqual([]);
    expect(a.snapshot()).toBe(b.snapshot());
  });
});
