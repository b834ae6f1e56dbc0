// Plan geometry: rooms are polygons in plan pixels. Hit-testing, areas, centroids, calibration,
// and the outline of two merged rooms. Pure functions; the renderer draws, this decides.
import type { Point } from '../model/location';

/** Rectangle from two opposite corners, as four points clockwise from the top-left. */
export function rectFromCorners(a: Point, b: Point): Point[] {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/** Signed area (shoelace); positive when the points run clockwise in screen coordinates (y down). */
export function signedArea(poly: readonly Point[]): number {
  let s = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    s += (poly[j]!.x * poly[i]!.y - poly[i]!.x * poly[j]!.y);
  }
  return s / 2;
}

export function area(poly: readonly Point[]): number {
  return Math.abs(signedArea(poly));
}

/** A usable room outline: at least three points, finite, and a real (non-zero) area. */
export function isValidPolygon(poly: readonly Point[] | undefined, minArea = 4): poly is Point[] {
  if (!poly || poly.length < 3) return false;
  if (!poly.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return false;
  return area(poly) >= minArea;
}

/** Even-odd ray casting. Points exactly on an edge may fall either way; rooms do not overlap in practice. */
export function pointInPolygon(p: Point, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bbox(poly: readonly Point[]): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of poly) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}

/** Area centroid (falls back to the vertex mean for degenerate outlines). */
export function centroid(poly: readonly Point[]): Point {
  const a = signedArea(poly);
  if (Math.abs(a) < 1e-9) {
    const n = poly.length || 1;
    return { x: poly.reduce((s, p) => s + p.x, 0) / n, y: poly.reduce((s, p) => s + p.y, 0) / n };
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const f = poly[j]!.x * poly[i]!.y - poly[i]!.x * poly[j]!.y;
    cx += (poly[j]!.x + poly[i]!.x) * f;
    cy += (poly[j]!.y + poly[i]!.y) * f;
  }
  return { x: cx / (6 * a), y: cy / (6 * a) };
}

/**
 * The room under a point. When outlines overlap (a bay drawn inside a ward) the smallest wins, which
 * is what a person pointing at the bay means.
 */
export function hitTestRoom<R extends { id: string; shape?: Point[] | undefined; deleted?: boolean | undefined }>(
  rooms: readonly R[],
  p: Point,
): R | undefined {
  let best: R | undefined;
  let bestArea = Infinity;
  for (const r of rooms) {
    if (r.deleted || !r.shape || r.shape.length < 3) continue;
    const b = bbox(r.shape);
    if (p.x < b.minX || p.x > b.maxX || p.y < b.minY || p.y > b.maxY) continue;
    if (!pointInPolygon(p, r.shape)) continue;
    const a = area(r.shape);
    if (a < bestArea) {
      best = r;
      bestArea = a;
    }
  }
  return best;
}

/** Convex hull (Andrew's monotone chain), clockwise in screen coordinates. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

const key = (p: Point) => `${Math.round(p.x * 100)},${Math.round(p.y * 100)}`;

/**
 * Outline of two merged rooms. Two axis-aligned rectangles that share a whole edge (the usual case:
 * a wall knocked through) merge exactly into their union rectangle; an L-shaped union of rectangles
 * sharing part of an edge is traced exactly; anything else falls back to the convex hull of both
 * outlines, which the person can then reshape.
 */
export function mergeOutlines(a: readonly Point[], b: readonly Point[]): Point[] {
  const ra = asRect(a);
  const rb = asRect(b);
  if (ra && rb) {
    const u = unionRects(ra, rb);
    if (u) return u;
  }
  return convexHull([...a, ...b]);
}

function asRect(poly: readonly Point[]): BBox | undefined {
  if (poly.length !== 4) return undefined;
  const b = bbox(poly);
  const corners = new Set([key({ x: b.minX, y: b.minY }), key({ x: b.maxX, y: b.minY }), key({ x: b.maxX, y: b.maxY }), key({ x: b.minX, y: b.maxY })]);
  return poly.every((p) => corners.has(key(p))) ? b : undefined;
}

const near = (u: number, v: number) => Math.abs(u - v) < 0.5;

function unionRects(a: BBox, b: BBox): Point[] | undefined {
  // Side by side horizontally (a left of b or b left of a), sharing a vertical wall.
  for (const [l, r] of [
    [a, b],
    [b, a],
  ] as const) {
    if (near(l.maxX, r.minX)) {
      if (near(l.minY, r.minY) && near(l.maxY, r.maxY)) return rectFromCorners({ x: l.minX, y: l.minY }, { x: r.maxX, y: l.maxY });
      const top = Math.max(l.minY, r.minY);
      const bottom = Math.min(l.maxY, r.maxY);
      if (bottom - top > 0.5) return traceStep(l, r, 'x');
    }
    if (near(l.maxY, r.minY)) {
      if (near(l.minX, r.minX) && near(l.maxX, r.maxX)) return rectFromCorners({ x: l.minX, y: l.minY }, { x: l.maxX, y: r.maxY });
      const left = Math.max(l.minX, r.minX);
      const right = Math.min(l.maxX, r.maxX);
      if (right - left > 0.5) return traceStep(l, r, 'y');
    }
  }
  return undefined;
}

/** Outline of two rectangles touching along part of a wall (l before r along the axis). */
function traceStep(l: BBox, r: BBox, axis: 'x' | 'y'): Point[] {
  const pts: Point[] = [];
  const push = (x: number, y: number) => {
    const last = pts[pts.length - 1];
    if (!last || !near(last.x, x) || !near(last.y, y)) pts.push({ x, y });
  };
  if (axis === 'x') {
    const w = l.maxX; // shared wall
    push(l.minX, l.minY);
    push(w, l.minY);
    push(w, r.minY);
    push(r.maxX, r.minY);
    push(r.maxX, r.maxY);
    push(w, r.maxY);
    push(w, l.maxY);
    push(l.minX, l.maxY);
  } else {
    const w = l.maxY;
    push(l.minX, l.minY);
    push(l.maxX, l.minY);
    push(l.maxX, w);
    push(r.maxX, w);
    push(r.maxX, r.maxY);
    push(r.minX, r.maxY);
    push(r.minX, w);
    push(l.minX, w);
  }
  return dropCollinear(pts);
}

function dropCollinear(pts: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < pts.length; i++) {
    const prev = pts[(i - 1 + pts.length) % pts.length]!;
    const cur = pts[i]!;
    const next = pts[(i + 1) % pts.length]!;
    const cross = (cur.x - prev.x) * (next.y - cur.y) - (cur.y - prev.y) * (next.x - cur.x);
    if (Math.abs(cross) > 1e-6) out.push(cur);
  }
  return out;
}

/**
 * Scale from a calibration: two points on the plan and the real distance between them in metres.
 * Returns metres per plan pixel, or undefined when the input cannot give a scale.
 */
export function calibrate(a: Point, b: Point, metres: number): number | undefined {
  const px = Math.hypot(b.x - a.x, b.y - a.y);
  if (!(px >= 2) || !(metres > 0) || !Number.isFinite(metres)) return undefined;
  return metres / px;
}

/** Floor area of an outline in square metres, when the plan is calibrated. */
export function areaM2(poly: readonly Point[], metresPerPixel: number | undefined): number | undefined {
  return metresPerPixel ? area(poly) * metresPerPixel * metresPerPixel : undefined;
}

/** Spread n pins on a grid inside a room outline (placement of pins without a chosen position). */
export function pinSlots(poly: readonly Point[], n: number, spacing = 18): Point[] {
  if (n <= 0) return [];
  const b = bbox(poly);
  const c = centroid(poly);
  const out: Point[] = [];
  const cols = Math.max(1, Math.floor((b.maxX - b.minX - spacing / 2) / spacing));
  for (let i = 0; i < n; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const p = { x: b.minX + spacing * (col + 0.75), y: b.minY + spacing * (row + 1.25) };
    out.push(pointInPolygon(p, poly) ? p : c);
  }
  return out;
}
