// Vulnerability and risk edits (issue 9): storing imported advisories and MDS2 forms. Each is a named
// action with an undo that puts back exactly what was there before (an older revision of an
// advisory, an earlier form for the model), and an audit entry.
import type { Advisory } from '../../../core/advisories/csaf';
import { compareRevisions } from '../../../core/advisories/csaf';
import type { Mds2Facts } from '../../../core/risk/mds2';
import { db } from '../db/schema';
import type { AdvisoryRecord, Mds2Record } from '../db/schema';
import { audit } from './audit';
import { defineAction } from './registry';

export interface SaveAdvisoriesArgs {
  advisories: readonly Advisory[];
  fileNames: readonly string[];
  by: string;
  /** Filled in by perform: how many were stored as new, replaced an older revision, or were not newer. */
  outcome?: { added: number; replaced: { trackingId: string; from: string; to: string }[]; notNewer: number };
}

/** Store advisories: one record per tracking id, a newer revision replaces the older, never the reverse. */
export const saveAdvisories = defineAction<SaveAdvisoriesArgs>({
  name: 'risk:save-advisories',
  label: (a) => `Import ${a.advisories.length} advisor${a.advisories.length === 1 ? 'y' : 'ies'}`,
  perform: async (args) => {
    const t = db().advisories;
    const now = Date.now();
    const before = new Map<string, AdvisoryRecord | undefined>();
    const outcome: NonNullable<SaveAdvisoriesArgs['outcome']> = { added: 0, replaced: [], notNewer: 0 };
    await db().transaction('rw', t, db().auditLog, async () => {
      const existing = await t.bulkGet(args.advisories.map((a) => a.trackingId));
      const puts: AdvisoryRecord[] = [];
      args.advisories.forEach((a, i) => {
        const cur = before.has(a.trackingId) ? puts.find((p) => p.trackingId === a.trackingId) : existing[i];
        if (cur && compareRevisions(a, cur) <= 0) {
          outcome.notNewer++;
          return;
        }
        if (!before.has(a.trackingId)) before.set(a.trackingId, existing[i]);
        if (cur) outcome.replaced.push({ trackingId: a.trackingId, from: cur.version, to: a.version });
        else outcome.added++;
        const rec: AdvisoryRecord = { ...a, importedAt: now };
        const file = a.source ?? args.fileNames[0];
        if (file) rec.fileName = file.slice(0, 300);
        const at = puts.findIndex((p) => p.trackingId === a.trackingId);
        if (at >= 0) puts[at] = rec;
        else puts.push(rec);
      });
      if (puts.length) await t.bulkPut(puts);
      if (puts.length) {
        await audit(
          args.by,
          'risk:save-advisories',
          `${outcome.added} new, ${outcome.replaced.length} newer revisions (${outcome.replaced.map((r) => `${r.trackingId} ${r.from}→${r.to}`).join(', ')}) from ${args.fileNames.join(', ')}`,
        );
      }
    });
    args.outcome = outcome;
    if (!before.size) return null;
    return async () => {
      await db().transaction('rw', t, async () => {
        for (const [id, old] of before) {
          if (old) await t.put(old);
          else await t.delete(id);
        }
      });
    };
  },
});

/** Key of the one MDS2 form kept per model. */
export function mds2Key(maker: string | undefined, model: string): string {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return `mds2:${norm(maker ?? '')}|${norm(model)}`;
}

/** Store an MDS2 form for one model (it replaces an earlier form for the same maker and model). */
export const saveMds2 = defineAction<{ facts: Mds2Facts; by: string }>({
  name: 'risk:save-mds2',
  label: (a) => `Import the MDS2 form for ${[a.facts.maker, a.facts.model].filter(Boolean).join(' ')}`,
  perform: async ({ facts, by }) => {
    if (!facts.model?.trim()) throw new Error('the form does not name a device model: type the model it covers');
    const id = mds2Key(facts.maker, facts.model);
    const t = db().mds2;
    const old = await t.get(id);
    const rec: Mds2Record = { ...facts, id, importedAt: Date.now() };
    await t.put(rec);
    await audit(by, 'risk:save-mds2', `${facts.maker ?? ''} ${facts.model} from ${facts.source}`);
    return async () => {
      if (old) await t.put(old);
      else await t.delete(id);
    };
  },
});
