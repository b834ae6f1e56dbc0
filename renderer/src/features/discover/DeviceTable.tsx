// A virtualized device list: only the visible rows are in the DOM, so 100,000 devices scroll.
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Device } from '../../../../core/model/device';
import { pct, verdictText, ago } from './format';

type SortKey = 'name' | 'mac' | 'vendor' | 'ip' | 'category' | 'type' | 'maker' | 'model' | 'os' | 'lastSeen' | 'evidence';

interface Column {
  key: SortKey;
  label: string;
  width: string;
  value: (d: Device) => string | number;
  render?: (d: Device) => React.ReactNode;
}

const conf = (v: { confidence: number; byPerson?: boolean } | undefined) =>
  v ? <span className={v.byPerson ? 'conf person' : 'conf'}>{v.byPerson ? 'set by person' : pct(v.confidence)}</span> : null;

const COLUMNS: Column[] = [
  {
    key: 'name', label: 'Name', width: '1.3fr', value: (d) => d.hostnames[0] ?? '',
    render: (d) => d.hostnames[0] ?? <span className="muted mono">{d.mac ?? d.ips[0] ?? ''}</span>,
  },
  { key: 'mac', label: 'MAC', width: '150px', value: (d) => d.mac ?? '' },
  {
    key: 'vendor', label: 'MAC vendor', width: '1fr', value: (d) => d.identity?.macVendor?.name ?? (d.identity?.macVendor?.randomized ? 'randomized' : ''),
  },
  { key: 'ip', label: 'IP', width: '130px', value: (d) => d.ips[0] ?? '' },
  { key: 'category', label: 'Category', width: '100px', value: (d) => verdictText(d.identity?.category, 'category') },
  {
    key: 'type', label: 'Type', width: '1.2fr', value: (d) => verdictText(d.identity?.type, 'type'),
    render: (d) => {
      const t = verdictText(d.identity?.type, 'type');
      return t ? <>{t} {conf(d.identity?.type)}</> : <span className="muted">unknown</span>;
    },
  },
  { key: 'maker', label: 'Maker', width: '1fr', value: (d) => verdictText(d.identity?.maker), render: (d) => <>{verdictText(d.identity?.maker)} {d.identity?.maker && d.identity.maker.value !== 'unknown' ? conf(d.identity.maker) : null}</> },
  { key: 'model', label: 'Model', width: '1fr', value: (d) => verdictText(d.identity?.model) },
  {
    key: 'os', label: 'OS', width: '1fr', value: (d) => verdictText(d.identity?.os),
    render: (d) => <>{verdictText(d.identity?.os)}{d.identity?.endOfSupport ? <span className="badge danger" title={d.identity.endOfSupport.reason}>end of support</span> : null}</>,
  },
  { key: 'lastSeen', label: 'Last seen', width: '100px', value: (d) => d.lastSeen, render: (d) => ago(d.lastSeen) },
  { key: 'evidence', label: 'Facts', width: '56px', value: (d) => d.evidence.length },
];

const COMPACT: ReadonlySet<SortKey> = new Set(['name', 'ip', 'type', 'maker', 'lastSeen']);

export function DeviceTable(props: { devices: Device[]; newIds: ReadonlySet<string>; selectedId: string | null; onSelect: (id: string) => void; label: string; compact?: boolean }) {
  // With the evidence drawer open, fewer, wider columns stay readable.
  const columns = props.compact ? COLUMNS.filter((c) => COMPACT.has(c.key)) : COLUMNS;
  const GRID = columns.map((c) => c.width).join(' ');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'lastSeen', dir: -1 });
  const sorted = useMemo(() => {
    const col = COLUMNS.find((c) => c.key === sort.key)!;
    const rows = [...props.devices];
    rows.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === '' || x === undefined) return 1;
      if (y === '' || y === undefined) return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
    return rows;
  }, [props.devices, sort]);

  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: sorted.length, getScrollElement: () => parent.current, estimateSize: () => 36, overscan: 12 });

  const onKey = (e: React.KeyboardEvent) => {
    const idx = sorted.findIndex((d) => d.id === props.selectedId);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.min(sorted.length - 1, Math.max(0, idx + (e.key === 'ArrowDown' ? 1 : -1)));
      const d = sorted[next];
      if (d) {
        props.onSelect(d.id);
        v.scrollToIndex(next);
      }
    }
  };

  return (
    <div className="device-table" role="grid" aria-label={props.label} aria-rowcount={sorted.length + 1} tabIndex={0} onKeyDown={onKey}>
      <div className="dt-row dt-head" role="row" style={{ gridTemplateColumns: GRID }}>
        {columns.map((c) => (
          <button
            key={c.key}
            type="button"
            role="columnheader"
            aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
            className="dt-cell dt-sort"
            onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? ((-s.dir) as 1 | -1) : 1 }))}
          >
            {c.label}
            {sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
          </button>
        ))}
      </div>
      <div ref={parent} className="dt-body">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((vi) => {
            const d = sorted[vi.index]!;
            const selected = d.id === props.selectedId;
            return (
              <div
                key={d.id}
                role="row"
                aria-selected={selected}
                className={`dt-row${selected ? ' selected' : ''}`}
                style={{ gridTemplateColumns: GRID, position: 'absolute', top: 0, left: 0, right: 0, height: vi.size, transform: `translateY(${vi.start}px)` }}
                onClick={() => props.onSelect(d.id)}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" className="dt-cell" title={String(c.value(d))}>
                    {c.key === 'name' && props.newIds.has(d.id) ? <span className="badge new">new</span> : null}
                    {c.render ? c.render(d) : c.value(d)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
