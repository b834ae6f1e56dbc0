// Segmentation summary: which broadcast domains hold which categories of device. A VLAN is the
// segment when known; otherwise an IPv4 /24 (the common hospital access-layer size) or an IPv6 /64
// (RFC 4291 §2.5.4 interface-id boundary) stands in for it. A segment is "mixed" when medical devices
// share it with IT, IoT or guest devices — the flat network that lets a hacked smart TV reach an
// infusion pump — and the suggestion is to move each category to its own segment.
import type { DeviceCategory } from '../model/device';

/** One collator for every comparison (localeCompare with options builds one per call: slow on thousands of segments). */
const NUMERIC = new Intl.Collator('en', { numeric: true });

export type SegmentCategory = DeviceCategory | 'guest';

export interface SegmentMember {
  id: string;
  label?: string;
  category?: SegmentCategory;
  ips: readonly string[];
  vlan?: string;
}

export interface Segment {
  key: string;
  kind: 'vlan' | 'subnet';
  counts: Partial<Record<SegmentCategory, number>>;
  members: string[];
  mixed: boolean;
  /** Why it is (or is not) mixed, in words. */
  note: string;
}

export interface GroupingSuggestion {
  segment: string;
  category: SegmentCategory;
  count: number;
  /** Suggested destination ("a medical-only segment"). */
  to: string;
  why: string;
}

export interface SegmentationSummary {
  segments: Segment[];
  mixed: string[];
  suggestions: GroupingSuggestion[];
}

/** Categories that must not share a broadcast domain with medical devices. */
const RISKY_NEIGHBOURS: readonly SegmentCategory[] = ['it', 'iot', 'guest'];

/** Segment key of one address: "10.1.2.0/24" or "2001:db8:0:1::/64"; undefined for other text. */
export function subnetOf(ip: string): string | undefined {
  const t = ip.trim();
  const v4 = t.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const p = v4.slice(1, 5).map(Number);
    if (p.some((x) => x > 255)) return undefined;
    return `${p[0]}.${p[1]}.${p[2]}.0/24`;
  }
  if (t.includes(':') && /^[0-9a-f:.]+$/i.test(t)) {
    const [head = '', tail] = t.split('::');
    const hs = head ? head.split(':') : [];
    const ts = tail !== undefined ? (tail ? tail.split(':') : []) : [];
    const groups = tail !== undefined ? [...hs, ...Array(Math.max(0, 8 - hs.length - ts.length)).fill('0'), ...ts] : hs;
    if (groups.length < 4) return undefined;
    if (/^fe[89ab]/i.test(groups[0]!)) return undefined; // link-local says nothing about the segment
    const prefix = groups.slice(0, 4).map((g) => (parseInt(g || '0', 16) || 0).toString(16));
    return `${prefix.join(':')}::/64`;
  }
  return undefined;
}

/** Group members into segments and point out the mixed ones. Deterministic order (by key). */
export function summarizeSegments(members: readonly SegmentMember[]): SegmentationSummary {
  const byKey = new Map<string, Segment>();
  const put = (key: string, kind: Segment['kind'], m: SegmentMember) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { key, kind, counts: {}, members: [], mixed: false, note: '' }));
    if (s.members.includes(m.id)) return;
    s.members.push(m.id);
    const c = m.category ?? 'unknown';
    s.counts[c] = (s.counts[c] ?? 0) + 1;
  };
  for (const m of members) {
    if (m.vlan && m.vlan.trim()) {
      put(`VLAN ${m.vlan.trim()}`, 'vlan', m);
      continue;
    }
    const keys = new Set(m.ips.map(subnetOf).filter((k): k is string => !!k));
    for (const k of keys) put(k, 'subnet', m);
  }
  const segments = [...byKey.values()].sort((a, b) => NUMERIC.compare(a.key, b.key));
  const suggestions: GroupingSuggestion[] = [];
  for (const s of segments) {
    const med = s.counts.medical ?? 0;
    const risky = RISKY_NEIGHBOURS.filter((c) => (s.counts[c] ?? 0) > 0);
    s.mixed = med > 0 && risky.length > 0;
    if (s.mixed) {
      s.note = `${med} medical beside ${risky.map((c) => `${s.counts[c]} ${c}`).join(', ')}`;
      suggestions.push({ segment: s.key, category: 'medical', count: med, to: 'a medical-only segment (VLAN with ACLs to the systems they need)', why: s.note });
      for (const c of risky) {
        suggestions.push({
          segment: s.key,
          category: c,
          count: s.counts[c]!,
          to: c === 'guest' ? 'the guest network' : c === 'iot' ? 'an IoT segment' : 'the IT network',
          why: `keep ${c} devices off the segment that holds medical devices`,
        });
      }
    } else {
      const cats = Object.keys(s.counts).sort();
      s.note = cats.length === 1 ? `only ${cats[0]}` : `${cats.join(', ')} (no medical beside IT/IoT/guest)`;
    }
  }
  return { segments, mixed: segments.filter((s) => s.mixed).map((s) => s.key), suggestions };
}
