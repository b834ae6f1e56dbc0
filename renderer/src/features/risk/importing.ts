// Getting advisories and MDS2 forms in. The renderer never names a path: in the desktop app main
// opens its dialog; everywhere (and for drag and drop) the chosen file's bytes travel instead.
// Reading and unpacking happen in main (electron/services/advisories.ts); storing is an action.
import type { Advisory } from '../../../../core/advisories/csaf';
import { compareRevisions } from '../../../../core/advisories/csaf';
import type { Mds2Facts } from '../../../../core/risk/mds2';
import { api } from '../../bridge';
import { db } from '../../db/schema';
import { saveAdvisories, saveMds2 } from '../../actions/risk';

/** Advisory bundles are small; an archive of every ICSMA advisory is a few MB. */
export const MAX_ADVISORY_FILE = 256 * 1024 * 1024;
export const ADVISORY_EXT = /\.(json|zip|tar|tgz|tar\.gz|json\.gz)$/i;
export const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;

export function hasDialogs(): boolean {
  return typeof window !== 'undefined' && !!window.wardwalk;
}

export interface AdvisoryImportSummary {
  cancelled: boolean;
  documents: number;
  added: number;
  replaced: { trackingId: string; from: string; to: string }[];
  unchanged: number;
  /** Older revisions found beside a newer one in what was imported. */
  superseded: number;
  problems: { source: string; error: string }[];
  stored: boolean;
}

type Source = { kind: 'dialog'; pick: 'files' | 'folder' } | { kind: 'bytes'; fileName: string; bytes: Uint8Array<ArrayBuffer> };

/** Import from the dialog or from files; only revisions newer than those stored are kept. */
export async function importAdvisorySources(from: { dialog: 'files' | 'folder' } | { files: File[] }, by: string): Promise<AdvisoryImportSummary> {
  const sum: AdvisoryImportSummary = { cancelled: false, documents: 0, added: 0, replaced: [], unchanged: 0, superseded: 0, problems: [], stored: true };
  const known: Record<string, string> = {};
  const stored = new Map<string, Advisory>();
  for (const a of await db().advisories.toArray()) {
    known[a.trackingId] = a.version;
    stored.set(a.trackingId, a);
  }
  const fresh = new Map<string, Advisory>();
  const names: string[] = [];
  const sources: (() => Promise<Source | undefined>)[] = [];
  if ('dialog' in from) sources.push(async () => ({ kind: 'dialog', pick: from.dialog }));
  else {
    for (const f of from.files) {
      sources.push(async () => {
        if (f.size > MAX_ADVISORY_FILE) {
          sum.problems.push({ source: f.name, error: `larger than ${MAX_ADVISORY_FILE / 1024 ** 2} MB: not read` });
          return undefined;
        }
        names.push(f.name);
        return { kind: 'bytes', fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
      });
    }
  }
  let anyAnswer = false;
  for (const next of sources) {
    const source = await next();
    if (!source) continue;
    const r = await api()['advisories:import']({ source, known });
    if (!r.ok) {
      sum.problems.push({ source: source.kind === 'bytes' ? source.fileName : 'the chosen files', error: r.error.message + (r.error.hint ? ` (${r.error.hint})` : '') });
      continue;
    }
    if (r.value.cancelled) continue;
    anyAnswer = true;
    sum.documents += r.value.documents;
    sum.unchanged += r.value.unchanged;
    sum.superseded += r.value.superseded.length;
    sum.problems.push(...r.value.problems);
    for (const a of r.value.advisories) {
      const prev = fresh.get(a.trackingId) ?? stored.get(a.trackingId);
      if (prev && compareRevisions(a, prev) <= 0) {
        sum.unchanged++;
        continue;
      }
      fresh.set(a.trackingId, a);
      known[a.trackingId] = a.version;
    }
  }
  if (!anyAnswer && 'dialog' in from && !sum.problems.length) {
    sum.cancelled = true;
    return sum;
  }
  if (fresh.size) {
    const args: Parameters<typeof saveAdvisories>[0] = { advisories: [...fresh.values()], fileNames: names.length ? names : ['the chosen files'], by };
    sum.stored = await saveAdvisories(args);
    if (args.outcome) {
      sum.added = args.outcome.added;
      sum.replaced = args.outcome.replaced;
      sum.unchanged += args.outcome.notNewer;
    }
  }
  return sum;
}

/** One MDS2 workbook; `model`/`maker` fill in (or correct) what the form says it covers. */
export async function importMds2Source(from: { dialog: true } | { file: File }, cover: { maker?: string; model?: string }, by: string): Promise<{ cancelled: boolean; facts?: Mds2Facts; error?: string; stored: boolean }> {
  let source: { kind: 'dialog' } | { kind: 'bytes'; fileName: string; bytes: Uint8Array<ArrayBuffer> };
  if ('dialog' in from) source = { kind: 'dialog' };
  else {
    if (from.file.size > 64 * 1024 * 1024) return { cancelled: false, error: `${from.file.name} is larger than 64 MB: not an MDS2 form?`, stored: false };
    source = { kind: 'bytes', fileName: from.file.name, bytes: new Uint8Array(await from.file.arrayBuffer()) };
  }
  const r = await api()['mds2:import']({ source });
  if (!r.ok) return { cancelled: false, error: r.error.message + (r.error.hint ? ` (${r.error.hint})` : ''), stored: false };
  if (r.value.cancelled) return { cancelled: true, stored: false };
  const facts: Mds2Facts = { ...r.value.facts };
  if (cover.maker?.trim()) facts.maker = cover.maker.trim();
  if (cover.model?.trim()) facts.model = cover.model.trim();
  if (facts.answered === 0 && facts.problems.length) return { cancelled: false, facts, error: facts.problems.join('; '), stored: false };
  if (!facts.model) return { cancelled: false, facts, error: 'The form does not name the device model it covers: type the model and import it again.', stored: false };
  const stored = await saveMds2({ facts, by });
  return { cancelled: false, facts, stored };
}
