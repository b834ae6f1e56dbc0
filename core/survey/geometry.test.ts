import { describe, expect, it } from 'vitest';
import { area, calibrate, centroid, convexHull, hitTestRoom, isValidPolygon, mergeOutlines, pinSlots, pointInPolygon, rectFromCorners } from './geometry';

const sq = (x: number, y: number, w: number, h: number) => rectFromCorners({ x, y }, { x: x + w, y: y + h });

describe('geometry', () => {
  it('builds rectangles from any two corners', () => {
    expect(rectFromCorners({ x: 10, y: 20 }, { x: 0, y: 0 })).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 20 },
      { x: 0, y: 20 },
    ]);
    expect(area(sq(0, 0, 10, 20))).toBe(200);
  });

  it('tests points in concave polygons', () => {
    const L = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(pointInPolygon({ x: 2, y: 8 }, L)).toBe(true);
    expect(pointInPolygon({ x: 8, y: 8 }, L)).toBe(false);
    expect(pointInPolygon({ x: 8, y: 2 }, L)).toBe(true);
  });

  it('hit-tests the smallest room under the point and skips deleted or unshaped rooms', () => {
    const rooms = [
      { id: 'ward', shape: sq(0, 0, 100, 100) },
      { id: 'bay', shape: sq(10, 10, 20, 20) },
      { id: 'gone', shape: sq(10, 10, 5, 5), deleted: true },
      { id: 'none' },
    ];
    expect(hitTestRoom(rooms, { x: 12, y: 12 })?.id).toBe('bay');
    expect(hitTestRoom(rooms, { x: 50, y: 50 })?.id).toBe('ward');
    expect(hitTestRoom(rooms, { x: 150, y: 50 })).toBeUndefined();
  });

  it('merges rectangles sharing a whole wall into one rectangle', () => {
    const m = mergeOutlines(sq(0, 0, 10, 10), sq(10, 0, 5, 10));
    expect(m).toEqual(sq(0, 0, 15, 10));
    const v = mergeOutlines(sq(0, 10, 10, 5), sq(0, 0, 10, 10));
    expect(v).toEqual(sq(0, 0, 10, 15));
  });

  it('traces an L when rectangles share part of a wall', () => {
    const m = mergeOutlines(sq(0, 0, 10, 10), sq(10, 5, 10, 10));
    expect(area(m)).toBe(200);
    expect(pointInPolygon({ x: 15, y: 12 }, m)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 2 }, m)).toBe(false);
    expect(pointInPolygon({ x: 5, y: 12 }, m)).toBe(false);
  });

  it('falls back to the convex hull for rooms that do not touch', () => {
    const m = mergeOutlines(sq(0, 0, 10, 10), sq(20, 0, 10, 10));
    expect(m).toEqual(convexHull([...sq(0, 0, 10, 10), ...sq(20, 0, 10, 10)]));
    expect(area(m)).toBe(300);
  });

  it('calibrates and refuses unusable input', () => {
    expect(calibrate({ x: 0, y: 0 }, { x: 300, y: 400 }, 10)).toBeCloseTo(0.02);
    expect(calibrate({ x: 0, y: 0 }, { x: 1, y: 0 }, 10)).toBeUndefined();
    expect(calibrate({ x: 0, y: 0 }, { x: 100, y: 0 }, 0)).toBeUndefined();
    expect(calibrate({ x: 0, y: 0 }, { x: 100, y: 0 }, Number.NaN)).toBeUndefined();
  });

  it('validates outlines and finds centroids', () => {
    expect(isValidPolygon([{ x: 0, y: 0 }, { x: 1, y: 1 }])).toBe(false);
    expect(isValidPolygon([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 20, y: 0 }])).toBe(false);
    expect(isValidPolygon(sq(0, 0, 10, 10))).toBe(true);
    expect(centroid(sq(0, 0, 10, 20))).toEqual({ x: 5, y: 10 });
  });

  it('puts pin slots inside the room', () => {
    const room = sq(100, 100, 80, 60);
    const slots = pinSlots(room, 9);
    expect(slots).toHaveLength(9);
    for (const s of slots) expect(pointInPolygon(s, room)).toBe(true);
    expect(new Set(slots.map((s) => `${s.x},${s.y}`)).size).toBe(9);
  });
});
