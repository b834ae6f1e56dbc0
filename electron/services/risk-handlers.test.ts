import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { riskChannels, riskEvents } from '../../core/ipc/risk';
import { riskHandlers } from './risk-handlers';

const FIX = join(__dirname, '../../test/fixtures/advisories');

describe('risk handlers', () => {
  it('imports from the dialog, returns only newer revisions than stored, and the result fits the channel schema', async () => {
    const events: unknown[] = [];
    const h = riskHandlers({ pickAdvisoryPaths: async () => [join(FIX, 'csaf-icsma-older-revisions'), join(FIX, 'csaf-icsma')] });
    const args = riskChannels['advisories:import'].args.parse({ source: { kind: 'dialog', pick: 'folder' }, known: { 'ICSMA-22-244-01': '2', 'ICSMA-17-017-01': '1' } });
    const r = await h['advisories:import'](args, { emit: (e, p) => events.push([e, p]) });
    expect(riskChannels['advisories:import'].result.safeParse(r).success).toBe(true);
    if (r.cancelled) throw new Error('cancelled');
    expect(r.unchanged).toBe(1); // 22-244-01 rev 2 already stored; 17-017-01 rev 2 is newer than the stored rev 1
    expect(r.advisories.some((a) => a.trackingId === 'ICSMA-22-244-01')).toBe(false);
    expect(r.advisories.some((a) => a.trackingId === 'ICSMA-17-017-01')).toBe(true);
    expect(events).toEqual([['advisories:imported', { advisories: r.advisories.length, superseded: 1, problems: 0 }]]);
    expect(riskEvents['advisories:imported'].payload.safeParse((events[0] as unknown[])[1]).success).toBe(true);
  });
  it('takes dropped bytes, and reports a cancelled dialog', async () => {
    const h = riskHandlers({ pickAdvisoryPaths: async () => undefined });
    expect(await h['advisories:import']({ source: { kind: 'dialog', pick: 'files' } })).toEqual({ cancelled: true });
    const bytes = new Uint8Array(readFileSync(join(FIX, 'csaf-icsma', 'icsma-17-017-02.json')));
    const r = await h['advisories:import']({ source: { kind: 'bytes', fileName: 'icsma-17-017-02.json', bytes } });
    expect(r.cancelled === false && r.advisories.map((a) => a.trackingId)).toEqual(['ICSMA-17-017-02']);
  });
  it('refuses a renderer-chosen path: the schema has no path field', () => {
    expect(riskChannels['advisories:import'].args.safeParse({ source: { kind: 'path', path: '/etc/passwd' } }).success).toBe(false);
    expect(riskChannels['mds2:import'].args.safeParse({ source: { kind: 'path', path: '/etc/passwd' } }).success).toBe(false);
  });
});
