// Storing advisories and MDS2 forms against a real dexie database (fake-indexeddb): a newer revision
// replaces the older, an older one never replaces a newer, and undo puts back exactly what was there.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import rev2Text from '../../../test/fixtures/advisories/csaf-icsma/icsma-22-244-01.json?raw';
import rev1Text from '../../../test/fixtures/advisories/csaf-icsma-older-revisions/icsma-22-244-01-rev1.json?raw';
import mx40Text from '../../../test/fixtures/advisories/csaf-icsma/icsma-17-255-01.json?raw';
import type { Advisory } from '../../../core/advisories/csaf';
import { parseCsafText } from '../../../core/advisories/csaf';
import { db } from '../db/schema';
import { undoLast } from './registry';
import { mds2Key, saveAdvisories, saveMds2 } from './risk';
import type { SaveAdvisoriesArgs } from './risk';

const adv = (t: string): Advisory => {
  const r = parseCsafText(t);
  if (!r.ok) throw new Error(r.error);
  return r.advisory;
};
const rev1 = adv(rev1Text);
const rev2 = adv(rev2Text);
const mx40 = adv(mx40Text);
const by = 'tester';

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  while (await undoLast()) {
    /* drain the undo stack */
  }
});

describe('saveAdvisories', () => {
  it('a newer revision replaces the older; undo brings the older back', async () => {
    await saveAdvisories({ advisories: [rev1, mx40], fileNames: ['a.zip'], by });
    expect((await db().advisories.get('ICSMA-22-244-01'))?.version).toBe('1');
    const args: SaveAdvisoriesArgs = { advisories: [rev2], fileNames: ['b.json'], by };
    expect(await saveAdvisories(args)).toBe(true);
    expect(args.outcome).toEqual({ added: 0, replaced: [{ trackingId: 'ICSMA-22-244-01', from: '1', to: '2' }], notNewer: 0 });
    expect((await db().advisories.get('ICSMA-22-244-01'))?.version).toBe('2');
    expect(await db().advisories.count()).toBe(2);
    expect((await db().auditLog.toArray()).some((a) => a.detail.includes('ICSMA-22-244-01 1→2'))).toBe(true);
    await undoLast();
    expect((await db().advisories.get('ICSMA-22-244-01'))?.version).toBe('1');
    expect(await db().advisories.count()).toBe(2);
  });

  it('an older revision never replaces a newer one, in one batch or later', async () => {
    const args: SaveAdvisoriesArgs = { advisories: [rev2, rev1], fileNames: ['c.zip'], by };
    await saveAdvisories(args);
    expect(args.outcome).toMatchObject({ added: 1, notNewer: 1 });
    const later: SaveAdvisoriesArgs = { advisories: [rev1], fileNames: ['d.json'], by };
    await saveAdvisories(later);
    expect(later.outcome).toMatchObject({ added: 0, replaced: [], notNewer: 1 });
    expect((await db().advisories.get('ICSMA-22-244-01'))?.version).toBe('2');
  });

  it('undo of a first import removes what it added', async () => {
    await saveAdvisories({ advisories: [mx40], fileNames: ['e.json'], by });
    expect(await db().advisories.count()).toBe(1);
    await undoLast();
    expect(await db().advisories.count()).toBe(0);
  });
});

describe('saveMds2', () => {
  const facts = { maker: 'Philips', model: 'IntelliVue MX40', storesPhi: true, evidence: { storesPhi: 'MPII-2.2 = Yes' }, answered: 12, source: 'mx40.xlsx', problems: [] };
  it('keeps one form per model; a new form replaces it and undo restores it', async () => {
    await saveMds2({ facts, by });
    await saveMds2({ facts: { ...facts, model: ' intellivue  MX40 ', storesPhi: false, source: 'mx40-v2.xlsx' }, by });
    expect(await db().mds2.count()).toBe(1);
    expect((await db().mds2.get(mds2Key('Philips', 'IntelliVue MX40')))?.source).toBe('mx40-v2.xlsx');
    await undoLast();
    expect((await db().mds2.get(mds2Key('Philips', 'IntelliVue MX40')))?.source).toBe('mx40.xlsx');
  });
  it('refuses a form that names no model, and changes nothing', async () => {
    const ok = await saveMds2({ facts: { ...facts, model: '' }, by });
    expect(ok).toBe(false);
    expect(await db().mds2.count()).toBe(0);
  });
});
