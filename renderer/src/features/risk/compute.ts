// The whole risk computation over what the database holds: advisories matched to inventory assets
// (and to discovered devices where no asset exists, from their identified maker/model/firmware),
// MDS2 facts per model, wire signals, segments, scores and the worklist. Pure (core/advisories +
// core/risk); risk.worker.ts runs it off the UI thread and compute.test.ts checks it.
import type { Advisory } from '../../../../core/advisories/csaf';
import type { AdvisoryMatch, MatchableAsset } from '../../../../core/advisories/match';
import { buildAdvisoryIndex, matchAsset } from '../../../../core/advisories/match';
import { categoryOf } from '../../../../core/fingerprint/taxonomy';
import type { Asset } from '../../../../core/model/asset';
import type { AttributeVerdict, Device } from '../../../../core/model/device';
import type { Mds2Facts } from '../../../../core/risk/mds2';
import type { RiskSubject } from '../../../../core/risk/signals';
import { riskSubject } from '../../../../core/risk/subject';
import type { RiskReport, WorkItem } from '../../../../core/risk/worklist';
import { buildRiskReport } from '../../../../core/risk/worklist';

export interface RiskInput {
  assets: readonly Asset[];
  devices: readonly Device[];
  advisories: readonly Advisory[];
  mds2: readonly Mds2Facts[];
  /** ISO date: end-of-support reference. */
  today: string;
}

/** Where one subject's facts came from, for the UI. */
export interface SubjectSummary {
  id: string;
  label: string;
  source: 'inventory' | 'inventory + network' | 'network';
  maker?: string;
  model?: string;
  version?: string;
  site?: string;
  floor?: string;
  department?: string;
  category?: string;
  /** Why the category was inferred here, when riskSubject had none. */
  categoryWhy?: string;
  mds2?: string;
}

export interface RiskResult {
  report: RiskReport;
  /** Every match, not-affected ones included (they show why a device is NOT on the list). */
  matches: AdvisoryMatch[];
  subjects: SubjectSummary[];
  today: string;
  stats: { assets: number; devices: number; subjects: number; advisories: number; products: number; matched: number };
}

export type Progress = (phase: string, done: number, total: number) => void;

/** A discovered device's identity verdict, when it is a real value. */
function verdict(v: AttributeVerdict | undefined): AttributeVerdict | undefined {
  if (!v?.value || /^unknown$/i.test(v.value)) return undefined;
  return v;
}

/** Identity from network traffic counts as sure only when a person set it or the evidence is strong. */
const SURE_IDENTITY = 0.9;

function fromDevice(d: Device): { matchable?: MatchableAsset; sure: boolean; why: string } {
  const idn = d.identity;
  const maker = verdict(idn?.maker);
  const model = verdict(idn?.model);
  if (!model) return { sure: false, why: '' };
  const fw = verdict(idn?.firmware);
  const m: MatchableAsset = { id: d.id, model: model.value };
  if (maker) m.maker = maker.value;
  if (fw) m.firmware = fw.value;
  const sure = !!model.byPerson || (model.confidence >= SURE_IDENTITY && (!maker || maker.byPerson || maker.confidence >= SURE_IDENTITY));
  const why = `maker/model identified from network traffic${model.byPerson ? ' (set by a person)' : ` (model confidence ${Math.round(model.confidence * 100)}%)`}, not from the inventory`;
  return { matchable: m, sure, why };
}

function matchableAsset(a: Asset, d: Device | undefined): MatchableAsset {
  const m: MatchableAsset = { id: a.id };
  if (a.assetTag) m.assetTag = a.assetTag;
  const maker = a.maker ?? verdict(d?.identity?.maker)?.value;
  const model = a.model ?? verdict(d?.identity?.model)?.value;
  const firmware = a.firmware ?? verdict(d?.identity?.firmware)?.value;
  if (maker) m.maker = maker;
  if (a.makerOriginal) m.makerOriginal = a.makerOriginal;
  if (model) m.model = model;
  if (a.description) m.description = a.description;
  if (a.softwareVersion) m.softwareVersion = a.softwareVersion;
  if (firmware) m.firmware = firmware;
  if (a.installDate) m.installDate = a.installDate;
  return m;
}

/** Run everything. `progress` is called at most every `every` items. */
export function computeRisk(input: RiskInput, progress: Progress = () => undefined): RiskResult {
  const assets = input.assets.filter((a) => !a.deleted && a.status !== 'retired');
  const devices = input.devices.filter((d) => !d.router);
  const deviceById = new Map(devices.map((d) => [d.id as string, d]));
  const linked = new Set(assets.map((a) => a.deviceId as string | undefined).filter((x): x is string => !!x));
  progress('indexing advisories', 0, input.advisories.length);
  const index = buildAdvisoryIndex(input.advisories);

  interface Job {
    matchable?: MatchableAsset;
    asset?: Asset;
    device?: Device;
    sure: boolean;
    why?: string;
  }
  const jobs: Job[] = [];
  for (const a of assets) {
    const d = a.deviceId ? deviceById.get(a.deviceId) : undefined;
    const job: Job = { matchable: matchableAsset(a, d), asset: a, sure: true };
    if (d) job.device = d;
    jobs.push(job);
  }
  for (const d of devices) {
    if (linked.has(d.id)) continue;
    const f = fromDevice(d);
    const job: Job = { device: d, sure: f.sure };
    if (f.matchable) {
      job.matchable = f.matchable;
      job.why = f.why;
    }
    jobs.push(job);
  }

  const total = jobs.length;
  const every = Math.max(1, Math.floor(total / 50));
  const matches: AdvisoryMatch[] = [];
  const subjects: RiskSubject[] = [];
  const summaries: SubjectSummary[] = [];
  jobs.forEach((job, i) => {
    if (i % every === 0) progress('matching', i, total);
    let mine = job.matchable && input.advisories.length ? matchAsset(index, job.matchable) : [];
    if (job.why) {
      // Facts inferred from traffic: say so on every match, and never claim on weak identification.
      const why = job.why;
      mine = mine.map((m) => {
        const out: AdvisoryMatch = { ...m, reasons: [...m.reasons, why] };
        if (!job.sure && m.certainty === 'match') {
          out.certainty = 'possible';
          out.confidence = Math.round(m.confidence * 0.8 * 100) / 100;
          out.reasons.push('possible: identification from traffic is not certain');
        }
        return out;
      });
    }
    matches.push(...mine);
    const s = riskSubject({ ...(job.asset ? { asset: job.asset } : {}), ...(job.device ? { device: job.device } : {}), matches: mine, mds2Forms: input.mds2 });
    let categoryWhy: string | undefined;
    if (!s.category && job.asset) {
      // An inventory asset without a category of its own: its taxonomy type says, or else a medical
      // advisory (ICSMA) naming its maker and product does.
      const byType = job.asset.type ? categoryOf(job.asset.type) : 'unknown';
      if (byType !== 'unknown') {
        s.category = byType;
        categoryWhy = `inventory type '${job.asset.type}'`;
      } else if (mine.some((m) => /^ICSMA-/i.test(m.advisoryId))) {
        s.category = 'medical';
        categoryWhy = `named in the medical advisory ${mine.find((m) => /^ICSMA-/i.test(m.advisoryId))!.advisoryId}`;
      }
    }
    subjects.push(s);
    const sum: SubjectSummary = {
      id: s.id,
      label: s.label,
      source: job.asset ? (job.device ? 'inventory + network' : 'inventory') : 'network',
    };
    const m = job.matchable;
    if (m?.maker) sum.maker = m.maker;
    if (m?.model) sum.model = m.model;
    const version = [m?.softwareVersion, m?.firmware].filter(Boolean).join(' / ');
    if (version) sum.version = version;
    if (s.site) sum.site = s.site;
    if (s.floor) sum.floor = s.floor;
    if (s.department) sum.department = s.department;
    if (s.category) sum.category = s.category;
    if (categoryWhy) sum.categoryWhy = categoryWhy;
    if (s.mds2) sum.mds2 = [s.mds2.maker, s.mds2.model, s.mds2.documentId].filter(Boolean).join(' ');
    summaries.push(sum);
  });
  progress('scoring', total, total);
  const report = buildRiskReport(subjects, input.today);
  return {
    report,
    matches,
    subjects: summaries,
    today: input.today,
    stats: {
      assets: assets.length,
      devices: devices.length,
      subjects: subjects.length,
      advisories: input.advisories.length,
      products: index.entries.length,
      matched: new Set(matches.filter((m) => m.verdict !== 'not-affected').map((m) => m.assetId)).size,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Dashboard: counts per site, floor or department.

export type GroupLevel = 'site' | 'floor' | 'department';

export interface DashboardRow {
  key: string;
  devices: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  /** Devices with a confirmed (affected, certain) advisory match. */
  vulnerable: number;
  /** Devices with only possible matches. */
  possible: number;
  endOfSupport: number;
  cleartext: number;
  internet: number;
  mixedSegment: number;
  worstScore: number;
}

export function groupKey(s: { site?: string | undefined; floor?: string | undefined; department?: string | undefined }, level: GroupLevel): string {
  if (level === 'site') return s.site || '(no site)';
  if (level === 'floor') return [s.site || '(no site)', s.floor || '(no floor)'].join(' / ');
  return s.department || '(no department)';
}

export function dashboardRows(result: RiskResult, level: GroupLevel): DashboardRow[] {
  const rows = new Map<string, DashboardRow>();
  const get = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, devices: 0, critical: 0, high: 0, medium: 0, low: 0, vulnerable: 0, possible: 0, endOfSupport: 0, cleartext: 0, internet: 0, mixedSegment: 0, worstScore: 0 }));
    return r;
  };
  for (const s of result.subjects) get(groupKey(s, level)).devices++;
  for (const w of result.report.worklist) {
    const r = get(groupKey(w, level));
    if (w.band !== 'none') r[w.band]++;
    r.worstScore = Math.max(r.worstScore, w.score);
    const kinds = new Set(w.risk.signals.map((x) => x.kind));
    if (kinds.has('known-vulnerability')) r.vulnerable++;
    else if (kinds.has('possible-vulnerability')) r.possible++;
    if (kinds.has('end-of-support-os')) r.endOfSupport++;
    if (kinds.has('cleartext-protocol') || kinds.has('default-snmp-community')) r.cleartext++;
    if (kinds.has('internet-peer')) r.internet++;
    if (kinds.has('flat-network')) r.mixedSegment++;
  }
  return [...rows.values()].sort((a, b) => b.critical - a.critical || b.high - a.high || b.worstScore - a.worstScore || a.key.localeCompare(b.key));
}

/** The matches for one work item (matches are per asset id = subject id). */
export function matchesFor(result: RiskResult, item: Pick<WorkItem, 'subjectId'>): AdvisoryMatch[] {
  return result.matches.filter((m) => m.assetId === item.subjectId);
}

/** "affected", "not affected" or "unknown — possible": a verdict a person can read, never overclaiming. */
export function verdictLabel(m: Pick<AdvisoryMatch, 'verdict' | 'certainty'>): string {
  if (m.verdict === 'not-affected') return 'not affected';
  if (m.verdict === 'unknown') return 'unknown — possible';
  return m.certainty === 'match' ? 'affected' : 'possibly affected';
}
