import { describe, expect, it } from 'vitest';
import { DAY_MS, RETRACTED, computeLocations, findAssetByCode, formatAge, freshness, movedFrom } from './locations';
import { aid, asset, conf, placement, rid } from './fixtures.test-helpers';

const NOW = 100 * DAY_MS;
const opts = { now: NOW, staleDays: 30, auditDays: 90 };

describe('asset locations', () => {
  it('takes the latest live confirmation and flags moves against the home room', () => {
    const assets = [asset('a', { roomId: rid('r1') }), asset('b', { roomId: rid('r1') })];
    const cs = [conf('a', 'r1', NOW - 5 * DAY_MS), conf('a', 'r2', NOW - DAY_MS), conf('b', 'r1', NOW - 2 * DAY_MS)];
    const loc = computeLocations(assets, cs, [], opts);
    expect(loc.get(aid('a'))).toMatchObject({ lastRoomId: 'r2', moved: true, stale: false, missing: false, ageDays: 1 });
    expect(loc.get(aid('b'))).toMatchObject({ lastRoomId: 'r1', moved: false });
  });

  it('lets a person\'s placement override the inventory room', () => {
    const assets = [asset('a', { roomId: rid('r1') })];
    const loc = computeLocations(assets, [conf('a', 'r2', NOW)], [placement('a', 'r2', 10)], opts);
    expect(loc.get(aid('a'))).toMatchObject({ expectedRoomId: 'r2', moved: false });
    const loc2 = computeLocations(assets, [conf('a', 'r2', NOW)], [placement('a', 'r2', 10, { deleted: true })], opts);
    expect(loc2.get(aid('a'))).toMatchObject({ expectedRoomId: 'r1', moved: true });
  });

  it('ignores retracted confirmations', () => {
    const assets = [asset('a', { roomId: rid('r1') })];
    const loc = computeLocations(assets, [conf('a', 'r1', NOW - 40 * DAY_MS), conf('a', 'r2', NOW, { note: `${RETRACTED} undone` })], [], opts);
    expect(loc.get(aid('a'))).toMatchObject({ lastRoomId: 'r1', moved: false, stale: true, missing: false });
  });

  it('computes stale and missing from the thresholds and network sightings', () => {
    const assets = [asset('old'), asset('never'), asset('wire'), asset('retired', { status: 'retired' })];
    const cs = [conf('old', 'r1', NOW - 120 * DAY_MS)];
    const loc = computeLocations(assets, cs, [], { ...opts, seenAt: new Map([[aid('wire'), NOW - DAY_MS]]) });
    expect(loc.get(aid('old'))).toMatchObject({ stale: true, missing: true });
    expect(loc.get(aid('never'))).toMatchObject({ stale: false, missing: true });
    expect(loc.get(aid('wire'))).toMatchObject({ missing: false, lastSeenOnNetwork: NOW - DAY_MS });
    expect(loc.has(aid('retired'))).toBe(false);
    const longer = computeLocations(assets, cs, [], { ...opts, auditDays: 200 });
    expect(longer.get(aid('old'))!.missing).toBe(false);
  });

  it('decides moves for a new confirmation', () => {
    expect(movedFrom(rid('r1'), undefined, rid('r2'))).toBe('r1');
    expect(movedFrom(rid('r1'), undefined, rid('r1'))).toBeUndefined();
    expect(movedFrom(undefined, conf('a', 'r3', 0), rid('r2'))).toBe('r3');
    expect(movedFrom(undefined, undefined, rid('r2'))).toBeUndefined();
  });

  it('finds assets by tag then serial, ignoring case and spaces', () => {
    const as = [asset('a', { assetTag: 'BME 0001', serial: 'X9' }), asset('b', { serial: 'bme0002' }), asset('c', { assetTag: 'BME-3', deleted: true })];
    expect(findAssetByCode(as, 'bme0001')?.id).toBe('a');
    expect(findAssetByCode(as, 'BME0002')?.id).toBe('b');
    expect(findAssetByCode(as, 'BME-3')).toBeUndefined();
    expect(findAssetByCode(as, '  ')).toBeUndefined();
  });

  it('formats ages and freshness', () => {
    expect(formatAge(30_000)).toBe('just now');
    expect(formatAge(3 * DAY_MS)).toBe('3 d');
    expect(freshness(undefined, NOW, 30)).toBe('never');
    expect(freshness(NOW - 1000, NOW, 30)).toBe('fresh');
    expect(freshness(NOW - 10 * DAY_MS, NOW, 30)).toBe('recent');
    expect(freshness(NOW - 31 * DAY_MS, NOW, 30)).toBe('stale');
  });
});
