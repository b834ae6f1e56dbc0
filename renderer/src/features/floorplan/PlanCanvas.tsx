// The floor plan surface: the plan image and one SVG (rooms, pins, drafts) inside one stage that is
// moved by a CSS transform. Pan and zoom write the transform straight to the element in a
// requestAnimationFrame — no React render per frame — and the pin layer is memoised, so 2,000 pins
// pan as one composited layer. Pointer events serve mouse, pen and touch (two fingers pinch-zoom).
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent, DragEvent as ReactDragEvent } from 'react';
import type { FloorPlanImage, Point, Room } from '../../../../core/model/location';
import { centroid, hitTestRoom, rectFromCorners } from '../../../../core/survey/geometry';
import './floorplan.css';

export type PlanMode = 'select' | 'rect' | 'polygon' | 'calibrate';

export interface Pin {
  id: string;
  x: number;
  y: number;
  /** CSS class suffix: fresh | recent | stale | never. */
  fresh: string;
  /** One or two letters for the type. */
  glyph: string;
  moved?: boolean;
  inactive?: boolean;
  title: string;
}

export interface PlanCanvasHandle {
  fit(): void;
  zoomBy(f: number, at?: Point): void;
  panBy(dx: number, dy: number): void;
}

interface Props {
  plan: FloorPlanImage | undefined;
  rooms: Room[];
  pins: Pin[];
  showPins?: boolean;
  selectedRoomId?: string | undefined;
  mergeRoomId?: string | undefined;
  doneRoomIds?: ReadonlySet<string> | undefined;
  mode: PlanMode;
  onRoomClick?: (roomId: string | undefined) => void;
  onShape?: (points: Point[]) => void;
  onCalibrate?: (a: Point, b: Point) => void;
  onDropItem?: (data: string, at: Point, roomId: string | undefined) => void;
  label?: string;
}

const BLANK = { width: 1600, height: 1000 };
const MIN_K = 0.05;
const MAX_K = 12;

export const PlanCanvas = forwardRef<PlanCanvasHandle, Props>(function PlanCanvas(props, ref) {
  const { plan, rooms, pins, mode } = props;
  const size = plan ?? BLANK;
  const viewport = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const t = useRef({ x: 0, y: 0, k: 1 });
  const frame = useRef(0);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [draft, setDraft] = useState<Point[]>([]);
  const [hover, setHover] = useState<Point | undefined>();
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  /** The person has panned or zoomed: stop refitting the plan when the viewport changes size. */
  const touched = useRef(false);
  const gesture = useRef<{ kind: 'pan' | 'pinch' | 'rect' | 'none'; sx: number; sy: number; tx: number; ty: number; moved: boolean; start?: Point; dist?: number; k?: number; mid?: Point }>({
    kind: 'none',
    sx: 0,
    sy: 0,
    tx: 0,
    ty: 0,
    moved: false,
  });

  const apply = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const s = stage.current;
      if (!s) return;
      const { x, y, k } = t.current;
      s.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
      s.dataset['zoom'] = k.toFixed(3);
    });
  }, []);

  const zoomAt = useCallback(
    (f: number, cx: number, cy: number) => {
      touched.current = true;
      const cur = t.current;
      const k = Math.min(MAX_K, Math.max(MIN_K, cur.k * f));
      const r = k / cur.k;
      t.current = { k, x: cx - (cx - cur.x) * r, y: cy - (cy - cur.y) * r };
      // Re-rasterise crisply once zooming pauses (a will-change layer keeps its first raster scale).
      const s = stage.current;
      if (s) {
        if (settle.current) clearTimeout(settle.current);
        settle.current = setTimeout(() => {
          s.style.willChange = 'auto';
          requestAnimationFrame(() => requestAnimationFrame(() => (s.style.willChange = 'transform')));
        }, 300);
      }
      apply();
    },
    [apply],
  );

  const fit = useCallback(() => {
    const v = viewport.current;
    if (!v) return;
    const w = v.clientWidth || 800;
    const h = v.clientHeight || 600;
    const k = Math.min(w / size.width, h / size.height) * 0.96;
    t.current = { k, x: (w - size.width * k) / 2, y: (h - size.height * k) / 2 };
    apply();
  }, [apply, size.width, size.height]);

  useImperativeHandle(ref, () => ({
    fit: () => {
      touched.current = false;
      fit();
    },
    zoomBy: (f, at) => {
      const v = viewport.current;
      zoomAt(f, at?.x ?? (v?.clientWidth ?? 0) / 2, at?.y ?? (v?.clientHeight ?? 0) / 2);
    },
    panBy: (dx, dy) => {
      touched.current = true;
      t.current = { ...t.current, x: t.current.x + dx, y: t.current.y + dy };
      apply();
    },
  }));

  useEffect(() => {
    touched.current = false;
    fit();
  }, [fit, plan?.dataUrl]);

  useEffect(() => {
    const v = viewport.current;
    if (!v || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (!touched.current) fit();
    });
    ro.observe(v);
    return () => ro.disconnect();
  }, [fit]);

  useEffect(() => {
    setDraft([]);
  }, [mode]);

  // Wheel must be non-passive to keep the page from scrolling.
  useEffect(() => {
    const v = viewport.current;
    if (!v) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = v.getBoundingClientRect();
      const f = Math.exp(-Math.max(-100, Math.min(100, e.deltaY)) * 0.0025);
      zoomAt(f, e.clientX - r.left, e.clientY - r.top);
    };
    v.addEventListener('wheel', onWheel, { passive: false });
    return () => v.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const toPlan = (clientX: number, clientY: number): Point => {
    const r = viewport.current!.getBoundingClientRect();
    const { x, y, k } = t.current;
    return { x: (clientX - r.left - x) / k, y: (clientY - r.top - y) / k };
  };

  const closePolygon = () => {
    if (draft.length >= 3) props.onShape?.(draft);
    setDraft([]);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.button !== 1) return;
    viewport.current?.focus({ preventScroll: true });
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const g = gesture.current;
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const r = viewport.current!.getBoundingClientRect();
      gesture.current = { ...g, kind: 'pinch', moved: true, dist: Math.hypot(a.x - b.x, a.y - b.y), k: t.current.k, mid: { x: (a.x + b.x) / 2 - r.left, y: (a.y + b.y) / 2 - r.top } };
      setDraft((d) => (mode === 'rect' ? [] : d));
      return;
    }
    const panning = mode === 'select' || e.button === 1 || e.shiftKey;
    if (mode === 'rect' && !panning) {
      const p = toPlan(e.clientX, e.clientY);
      gesture.current = { kind: 'rect', sx: e.clientX, sy: e.clientY, tx: 0, ty: 0, moved: false, start: p };
      setDraft([p, p]);
      return;
    }
    gesture.current = { kind: panning ? 'pan' : 'none', sx: e.clientX, sy: e.clientY, tx: t.current.x, ty: t.current.y, moved: false };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (g.kind === 'pinch' && pointers.current.size >= 2) {
      const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (g.dist && g.k && g.mid) zoomAt((g.k * (d / g.dist)) / t.current.k, g.mid.x, g.mid.y);
      return;
    }
    if (g.kind === 'pan' && pointers.current.size === 1) {
      const dx = e.clientX - g.sx;
      const dy = e.clientY - g.sy;
      if (!g.moved && Math.hypot(dx, dy) < 4) return;
      g.moved = true;
      touched.current = true;
      t.current = { ...t.current, x: g.tx + dx, y: g.ty + dy };
      apply();
      return;
    }
    if (g.kind === 'rect' && g.start) {
      g.moved = true;
      setDraft([g.start, toPlan(e.clientX, e.clientY)]);
      return;
    }
    if ((mode === 'polygon' && draft.length) || (mode === 'calibrate' && draft.length === 1)) setHover(toPlan(e.clientX, e.clientY));
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const had = pointers.current.delete(e.pointerId);
    const g = gesture.current;
    if (!had) return;
    if (g.kind === 'pinch') {
      if (pointers.current.size === 0) gesture.current = { ...g, kind: 'none' };
      return;
    }
    gesture.current = { ...g, kind: 'none' };
    const p = toPlan(e.clientX, e.clientY);
    if (g.kind === 'rect' && g.start) {
      const w = Math.abs(p.x - g.start.x);
      const h = Math.abs(p.y - g.start.y);
      setDraft([]);
      if (w * t.current.k > 6 && h * t.current.k > 6) props.onShape?.(rectFromCorners(g.start, p));
      return;
    }
    if (g.moved) return;
    if (mode === 'select') {
      props.onRoomClick?.(hitTestRoom(rooms, p)?.id);
    } else if (mode === 'polygon') {
      const first = draft[0];
      if (first && draft.length >= 3 && Math.hypot(first.x - p.x, first.y - p.y) * t.current.k < 12) closePolygon();
      else setDraft([...draft, p]);
    } else if (mode === 'calibrate') {
      if (draft.length === 0) setDraft([p]);
      else {
        props.onCalibrate?.(draft[0]!, p);
        setDraft([]);
      }
    }
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const step = 60;
    if (e.key.startsWith('Arrow')) touched.current = true;
    const v = viewport.current!;
    switch (e.key) {
      case 'ArrowLeft':
        t.current.x += step;
        break;
      case 'ArrowRight':
        t.current.x -= step;
        break;
      case 'ArrowUp':
        t.current.y += step;
        break;
      case 'ArrowDown':
        t.current.y -= step;
        break;
      case '+':
      case '=':
        zoomAt(1.25, v.clientWidth / 2, v.clientHeight / 2);
        break;
      case '-':
        zoomAt(0.8, v.clientWidth / 2, v.clientHeight / 2);
        break;
      case '0':
        fit();
        break;
      case 'Enter':
        if (mode === 'polygon') closePolygon();
        else return;
        break;
      case 'Escape':
        setDraft([]);
        break;
      case 'Backspace':
        if (mode === 'polygon' && draft.length) setDraft(draft.slice(0, -1));
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
    apply();
  };

  const onDrop = (e: ReactDragEvent<HTMLDivElement>) => {
    const data = e.dataTransfer.getData('text/x-wardwalk-asset');
    if (!data) return;
    e.preventDefault();
    const p = toPlan(e.clientX, e.clientY);
    props.onDropItem?.(data, p, hitTestRoom(rooms, p)?.id);
  };

  const cursor = mode === 'select' ? 'grab' : 'crosshair';
  const draftPts = hover && (mode === 'polygon' || mode === 'calibrate') && draft.length ? [...draft, hover] : draft;
  return (
    <div
      ref={viewport}
      className={`plan-viewport mode-${mode}`}
      style={{ cursor }}
      tabIndex={0}
      role="application"
      aria-label={props.label ?? 'Floor plan. Arrow keys pan, plus and minus zoom, 0 fits.'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => mode === 'polygon' && closePolygon()}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('text/x-wardwalk-asset')) e.preventDefault();
      }}
      onDrop={onDrop}
      data-testid="plan-viewport"
    >
      <div ref={stage} className="plan-stage" style={{ width: size.width, height: size.height }}>
        {plan ? <img className="plan-image" src={plan.dataUrl} width={plan.width} height={plan.height} alt="" draggable={false} /> : <div className="plan-blank" />}
        <svg className="plan-svg" width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`}>
          <RoomsLayer rooms={rooms} selected={props.selectedRoomId} merge={props.mergeRoomId} done={props.doneRoomIds} />
          {props.showPins !== false ? <PinsLayer pins={pins} scale={pinScale(size)} /> : null}
          <RoomLabels rooms={rooms} />
          {draftPts.length ? <Draft points={draftPts} mode={mode} /> : null}
        </svg>
      </div>
    </div>
  );
});

const RoomsLayer = memo(function RoomsLayer({ rooms, selected, merge, done }: { rooms: Room[]; selected?: string | undefined; merge?: string | undefined; done?: ReadonlySet<string> | undefined }) {
  return (
    <g className="rooms">
      {rooms.map((r) => {
        if (!r.shape || r.shape.length < 3) return null;
        const cls = ['room', r.id === selected ? 'selected' : '', r.id === merge ? 'merge' : '', done?.has(r.id) ? 'done' : ''].join(' ');
        return (
          <g key={r.id} className={cls} data-room={r.number}>
            <polygon points={r.shape.map((p) => `${p.x},${p.y}`).join(' ')} />
          </g>
        );
      })}
    </g>
  );
});

/** Room numbers and names, drawn above the pins so a crowded room stays readable. */
const RoomLabels = memo(function RoomLabels({ rooms }: { rooms: Room[] }) {
  return (
    <g className="room-labels">
      {rooms.map((r) => {
        if (!r.shape || r.shape.length < 3) return null;
        const c = centroid(r.shape);
        return (
          <g key={r.id}>
            <text x={c.x} y={c.y} className="room-label">
              {r.number}
            </text>
            {r.name ? (
              <text x={c.x} y={c.y + 16} className="room-name">
                {r.name}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

/** Pins grow with the plan's pixel size so they read the same on a 1,200 px sketch and a 3,000 px scan. */
export function pinScale(size: { width: number; height: number }): number {
  return Math.max(1, Math.max(size.width, size.height) / 1400);
}

const PinsLayer = memo(function PinsLayer({ pins, scale }: { pins: Pin[]; scale: number }) {
  const s = scale === 1 ? '' : ` scale(${scale.toFixed(3)})`;
  return (
    <g className="pins">
      {pins.map((p) => (
        <g key={p.id} className={`pin f-${p.fresh}${p.moved ? ' moved' : ''}${p.inactive ? ' inactive' : ''}`} transform={`translate(${p.x} ${p.y})${s}`}>
          <title>{p.title}</title>
          <circle r={8} />
          <text y={3.5}>{p.glyph}</text>
        </g>
      ))}
    </g>
  );
});

function Draft({ points, mode }: { points: Point[]; mode: PlanMode }) {
  if (mode === 'rect' && points.length === 2) {
    const r = rectFromCorners(points[0]!, points[1]!);
    return <polygon className="draft" points={r.map((p) => `${p.x},${p.y}`).join(' ')} />;
  }
  return (
    <g className="draft">
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} />
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={4} />
      ))}
    </g>
  );
}
