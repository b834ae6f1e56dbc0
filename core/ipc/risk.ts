// Vulnerability and risk channels. Reading advisory files and MDS2 workbooks happens in main (it
// touches the disk and unpacks archives); parsing, matching and scoring are pure core code the
// renderer can run itself on what it stores (core/advisories, core/risk).
import { z } from 'zod';
import type { Advisory } from '../advisories/csaf';
import type { Mds2Facts } from '../risk/mds2';
import { channel, event } from './define';

/** An Advisory as core/advisories/csaf.ts builds it (main parsed it; shape checked here). */
export const advisorySchema = z.custom<Advisory>(
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const a = v as Record<string, unknown>;
    return typeof a.trackingId === 'string' && typeof a.version === 'string' && Array.isArray(a.products) && Array.isArray(a.vulnerabilities);
  },
  { message: 'not an advisory' },
);

export const supersededSchema = z.object({
  trackingId: z.string(),
  kept: z.string(),
  dropped: z.string(),
  droppedSource: z.string().optional(),
});

export const mds2Schema = z.custom<Mds2Facts>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { problems?: unknown }).problems), { message: 'not MDS2 facts' });

// The renderer never names a path: main opens the dialog, or the person dropped the file's bytes.
const advisorySource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog'), pick: z.enum(['files', 'folder']) }),
  z.object({ kind: z.literal('bytes'), fileName: z.string().max(1024), bytes: z.instanceof(Uint8Array) }),
]);
const workbookSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }),
  z.object({ kind: z.literal('bytes'), fileName: z.string().max(1024), bytes: z.instanceof(Uint8Array) }),
]);

export const riskChannels = {
  'advisories:import': channel(
    z.object({
      /** Files (.json, .zip, .tar, .tar.gz) or a folder picked in main's open dialog, or dropped bytes. */
      source: advisorySource,
      /** Tracking id → revision already stored, so only newer revisions come back. */
      known: z.record(z.string().max(128), z.string().max(32)).optional(),
    }),
    z.union([
      z.object({ cancelled: z.literal(true) }),
      z.object({
        cancelled: z.literal(false),
        advisories: z.array(advisorySchema),
        superseded: z.array(supersededSchema),
        /** Same or older revision than the one stored: not returned. */
        unchanged: z.number().int().nonnegative(),
        problems: z.array(z.object({ source: z.string(), error: z.string() })),
        documents: z.number().int().nonnegative(),
      }),
    ]),
    'Read CSAF 2.0 advisories from files, a folder or archives (bounded sizes); a newer revision of an advisory replaces the older one.',
  ),
  'mds2:import': channel(
    z.object({ source: workbookSource }),
    z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), facts: mds2Schema })]),
    'Read one MDS2 (ANSI/NEMA HN 1-2019) workbook: PHI storage, remote service, patchability, SBOM facts with the question that set each.',
  ),
} as const;

export const riskEvents = {
  'advisories:imported': event(
    z.object({ advisories: z.number().int().nonnegative(), superseded: z.number().int().nonnegative(), problems: z.number().int().nonnegative() }),
    'Advisories were imported (the renderer re-runs matching on its stored assets).',
  ),
} as const;
