import { describe, expect, it } from 'vitest';
import { makeSnapshot, readSnapshot, serializeSnapshot } from './snapshot';
import { sha256 } from './sha256';

const known = { sites: 'id', rooms: 'id' };

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
});

describe('snapshot', () => {
  const tables = { sites: [{ id: 's1', name: 'Main' }], rooms: [{ id: 'r1', number: '3B-12' }] };
  const text = serializeSnapshot(makeSnapshot(tables, { schemaVersion: 2, appVersion: '0.1.0', createdAt: 1 }));

  it('round-trips every record', () => {
    const r = readSnapshot(text, known, 2);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.snapshot.tables).toEqual(tables);
  });

  it('refuses a damaged file with a clear reason', () => {
    const bad = text.replace('3B-12', '3B-13');
    const r = readSnapshot(bad, known, 2);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('checksum') });
    expect(readSnapshot(text.slice(0, 40), known, 2)).toEqual({ ok: false, reason: expect.stringContaining('not valid JSON') });
  });

  it('refuses foreign files and newer schemas', () => {
    expect(readSnapshot('{"hello":1}', known, 2).ok).toBe(false);
    expect(readSnapshot(text, known, 1)).toEqual({ ok: false, reason: expect.stringContaining('newer database schema') });
  });

  it('reports unknown tables instead of merging them', () => {
    const t2 = serializeSnapshot(
      makeSnapshot({ ...tables, gadgets: [{ id: 1 }] }, { schemaVersion: 2, appVersion: 'x', createdAt: 1 }),
    );
    const r = readSnapshot(t2, known, 2);
    expect(r.ok && r.dropped[0]).toContain('gadgets');
  });

  it('does not let __proto__ tables pollute anything', () => {
    const evil = serializeSnapshot(
      makeSnapshot(JSON.parse('{"__proto__":[{"id":"x","polluted":true}],"sites":[]}'), {
        schemaVersion: 1, appVersion: 'x', createdAt: 1,
      }),
    );
    readSnapshot(evil, known, 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('utf8', () => {
  it('encodes like TextEncoder, including astral characters', async () => {
    const { utf8 } = await import('./sha256');
    for (const s of ['', 'abc', 'Ünïcødé ñ', '日本語', '🩺💉', 'a\u{1F600}b']) {
      expect([...utf8(s)]).toEqual([...new TextEncoder().encode(s)]);
    }
    expect(sha256('🩺 Ward 3B')).toBe(sha256(new TextEncoder().encode('🩺 Ward 3B')));
  });
});
