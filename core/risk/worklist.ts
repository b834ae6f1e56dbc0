// The worklist: devices ordered by risk, each with the one thing to do first. When an advisory that
// affects the device offers a vendor fix, that is "patch" (with the advisory's words); otherwise the
// advisory's mitigation; otherwise what the signals call for (disable a cleartext service, segment a
// device that talks to the internet or sits on a flat network, replace an unsupported OS).
import type { Action, RecommendedAction } from '../advisories/match';
import type { RiskScore } from './score';
import { scoreRisk } from './score';
import type { SegmentationSummary } from './segmentation';
import { subnetOf, summarizeSegments } from './segmentation';
import type { RiskSubject } from './signals';

export interface WorkItem {
  rank: number;
  subjectId: string;
  label: string;
  score: number;
  band: RiskScore['band'];
  action: Action | 'upgrade-os' | 'review';
  mitigation: string;
  /** The advisory the mitigation comes from, when it comes from one. */
  advisoryId?: string;
  url?: string;
  site?: string;
  floor?: string;
  department?: string;
  risk: RiskScore;
}

export interface RiskReport {
  worklist: WorkItem[];
  segmentation: SegmentationSummary;
  /** Totals per department (then floor, site): count and score sum, for the dashboard. */
  byDepartment: { key: string; devices: number; atRisk: number; scoreSum: number; worst: number }[];
}

function recommend(s: RiskSubject, r: RiskScore): Pick<WorkItem, 'action' | 'mitigation' | 'advisoryId' | 'url'> {
  // The advisory of the worst confirmed match first, then of the worst possible one.
  const matches = s.matches
    .filter((m) => m.verdict !== 'not-affected')
    .slice()
    .sort((a, b) => Number(b.certainty === 'match') - Number(a.certainty === 'match') || (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0));
  const m = matches[0];
  if (m) {
    const rec: RecommendedAction = m.recommended;
    const out: Pick<WorkItem, 'action' | 'mitigation' | 'advisoryId' | 'url'> = {
      action: rec.action,
      mitigation: `${m.certainty === 'possible' ? 'confirm the model/version, then ' : ''}${rec.text}`,
      advisoryId: m.advisoryId,
    };
    if (rec.url ?? m.advisoryUrl) out.url = (rec.url ?? m.advisoryUrl)!;
    return out;
  }
  const clear = r.signals.filter((x) => x.kind === 'cleartext-protocol');
  if (clear.length) return { action: 'disable-service', mitigation: `disable ${clear.map((x) => x.title.replace(/ in use$/, '')).join(', ')} or restrict it to the management network` };
  if (r.signals.some((x) => x.kind === 'default-snmp-community')) return { action: 'disable-service', mitigation: 'change the SNMP community or move to SNMPv3' };
  if (r.signals.some((x) => x.kind === 'end-of-support-os')) return { action: 'upgrade-os', mitigation: 'ask the manufacturer for a supported OS build; until then segment the device' };
  if (r.signals.some((x) => x.kind === 'internet-peer' || x.kind === 'flat-network')) return { action: 'segment', mitigation: 'move to a segment that allows only the connections it needs' };
  return { action: 'review', mitigation: 'review the listed signals' };
}

/**
 * Score every subject, order by risk (score, then label for a stable order), attach the
 * recommended mitigation, and summarise segments and departments.
 */
export function buildRiskReport(subjects: readonly RiskSubject[], today: string): RiskReport {
  const segmentation = summarizeSegments(subjects.map((s) => ({ id: s.id, label: s.label, category: s.category, ips: s.ips, ...(s.vlan ? { vlan: s.vlan } : {}) })));
  const segByKey = new Map(segmentation.segments.map((g) => [g.key, g]));
  const items: WorkItem[] = [];
  for (const s of subjects) {
    const keys = s.vlan ? [`VLAN ${s.vlan}`] : s.ips.map(subnetOf).filter((k): k is string => !!k);
    const mixed = keys.map((k) => segByKey.get(k)).find((g) => g?.mixed);
    const others = mixed ? (['it', 'iot', 'guest'] as const).filter((c) => (mixed.counts[c] ?? 0) > 0) : [];
    const risk = scoreRisk(s, { today, ...(mixed ? { mixedSegment: { key: mixed.key, others: [...others] } } : {}) });
    const rec = recommend(s, risk);
    const item: WorkItem = { rank: 0, subjectId: s.id, label: s.label, score: risk.score, band: risk.band, ...rec, risk };
    if (s.site) item.site = s.site;
    if (s.floor) item.floor = s.floor;
    if (s.department) item.department = s.department;
    items.push(item);
  }
  const worklist = items.filter((i) => i.score > 0).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  worklist.forEach((w, i) => (w.rank = i + 1));
  const dep = new Map<string, { key: string; devices: number; atRisk: number; scoreSum: number; worst: number }>();
  for (const i of items) {
    const key = [i.site, i.floor, i.department].filter(Boolean).join(' / ') || '(no location)';
    let d = dep.get(key);
    if (!d) dep.set(key, (d = { key, devices: 0, atRisk: 0, scoreSum: 0, worst: 0 }));
    d.devices++;
    if (i.score > 0) d.atRisk++;
    d.scoreSum = Math.round((d.scoreSum + i.score) * 10) / 10;
    d.worst = Math.max(d.worst, i.score);
  }
  const byDepartment = [...dep.values()].sort((a, b) => b.scoreSum - a.scoreSum || a.key.localeCompare(b.key));
  return { worklist, segmentation, byDepartment };
}
