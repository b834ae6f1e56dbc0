// Shared property tests for application decoders (pure: usable from core/*.test.ts). Fixed seeds so CI
// runs the same cases every time; a failure prints the seed and the shrunk counterexample.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Observation } from '../../core/model/observation';
import { MAX_VALUE, OBSERVATION_KINDS } from '../../core/model/observation';
import type { AppDecoder, PacketContext } from '../../core/decoders/types';

export const PROP_CTX: PacketContext = {
  ts: 1_700_000_000_000,
  source: 'pcap',
  srcMac: '00:1b:44:11:3a:b7' as PacketContext['srcMac'],
  dstMac: '00:50:56:aa:bb:cc' as PacketContext['dstMac'],
  srcIp: '192.168.1.100',
  dstIp: '192.168.1.1',
  transport: 'udp',
  srcPort: 40000,
  dstPort: 40001,
};

const KINDS: ReadonlySet<string> = new Set(OBSERVATION_KINDS);

/** Every emitted observation is well formed: known kind, bounded printable value, a subject. */
export function checkObservation(o: Observation): void {
  expect(KINDS.has(o.kind)).toBe(true);
  expect(o.value.length).toBeGreaterThan(0);
  expect(o.value.length).toBeLessThanOrEqual(MAX_VALUE);
  // eslint-disable-next-line no-control-regex
  expect(/[\u0000-\u001f\u007f]/.test(o.value)).toBe(false);
  expect(o.mac !== undefined || o.ip !== undefined).toBe(true);
}

/**
 * "Any bytes: never throws, returns a status" — random buffers, plus truncations and byte edits of
 * a valid sample (structure-aware: most mutants still pass the first checks and reach deep code).
 */
export function decoderProperties(dec: AppDecoder, sample: Uint8Array, seed: number, ctx: PacketContext = PROP_CTX): void {
  const run = (b: Uint8Array): boolean => {
    const s = dec(b, ctx, checkObservation);
    return s === 'ok' || s === 'violation' || s === 'skip';
  };
  fc.assert(fc.property(fc.uint8Array({ maxLength: 700 }), run), { seed, numRuns: 1500 });
  const mutant = fc
    .record({
      cut: fc.nat({ max: sample.length }),
      edits: fc.array(fc.tuple(fc.nat({ max: Math.max(0, sample.length - 1) }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    })
    .map(({ cut, edits }) => {
      const b = sample.slice(0, cut);
      for (const [i, v] of edits) if (i < b.length) b[i] = v;
      return b;
    });
  fc.assert(fc.property(mutant, run), { seed: seed + 1, numRuns: 1500 });
  // every truncation of the valid sample, exhaustively
  for (let n = 0; n <= sample.length; n++) expect(run(sample.subarray(0, n))).toBe(true);
}

/** Annotated hex: "# comments" and whitespace are ignored. */
export function hex(s: string): Uint8Array {
  const h = s.replace(/#.*$/gm, '').replace(/\s+/g, '');
  if (h.length % 2) throw new Error('odd hex');
  return Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
}

/** Text → bytes (latin-1), for text protocols and for splicing into hex samples. */
export function bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

export function hexOf(s: string): string {
  return Array.from(bytes(s), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function run(dec: AppDecoder, b: Uint8Array, ctx: PacketContext = PROP_CTX): { status: string; obs: Observation[] } {
  const obs: Observation[] = [];
  const status = dec(b, ctx, (o) => {
    checkObservation(o);
    obs.push(o);
  });
  return { status, obs };
}

/** "kind=value" of each observation (for compact expectations). */
export function kv(obs: Observation[]): string[] {
  return obs.map((o) => `${o.kind}=${o.value}`);
}
