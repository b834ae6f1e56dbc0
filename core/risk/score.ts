// A risk score per device, explained term by term: every term has a name, a value and a sentence,
// and the score is exactly the sum of the (rounded) terms, so the UI and the export can show the
// arithmetic. Weights are data (RISK_WEIGHTS) and deliberately simple: this ranks a worklist, it
// is not a probability.
import type { RiskSignal, RiskSubject, SignalOptions } from './signals';
import { collectSignals } from './signals';

export const RISK_WEIGHTS = {
  /** Points per CVSS point of the worst confirmed vulnerability (CVSS 10 → 30). */
  vulnPerCvss: 3,
  /** A possible (uncertain) match counts this share of a confirmed one. */
  possibleShare: 0.5,
  /** Extra points for each further affected advisory, up to vulnExtraMax. */
  vulnExtraEach: 2,
  vulnExtraMax: 6,
  /** Score used for a confirmed vulnerability without a CVSS score. */
  cvssWhenMissing: 5,
  endOfSupport: 10,
  internetPeer: 12,
  cleartextEach: 4,
  cleartextMax: 10,
  defaultSnmp: 5,
  flatNetwork: 6,
  mds2Phi: 3,
  mds2Remote: 3,
  mds2NotPatchable: 4,
  /** Clinical criticality scales the technical terms: share added on top of their sum. */
  criticality: { lifeSupport: 0.5, highRisk: 0.3, medical: 0.15 },
} as const;

/** Device types that are life-sustaining or deliver therapy even when the inventory has no flag. */
const CRITICAL_TYPES = /^(ventilator|anesthesia|anaesthesia|infusion-pump|syringe-pump|dialysis|defibrillator|pacemaker|icd|radiotherapy|ecmo|heart-lung|insulin-pump)/;

export interface RiskTerm {
  name: string;
  value: number;
  explanation: string;
}

export interface RiskScore {
  subjectId: string;
  label: string;
  score: number;
  band: 'none' | 'low' | 'medium' | 'high' | 'critical';
  terms: RiskTerm[];
  signals: RiskSignal[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function bandOf(score: number): RiskScore['band'] {
  if (score <= 0) return 'none';
  if (score < 15) return 'low';
  if (score < 35) return 'medium';
  if (score < 60) return 'high';
  return 'critical';
}

/** Score one subject. `opts.today` fixes the end-of-support reference date. */
export function scoreRisk(s: RiskSubject, opts: SignalOptions): RiskScore {
  const W = RISK_WEIGHTS;
  const signals = collectSignals(s, opts);
  const terms: RiskTerm[] = [];
  const add = (name: string, value: number, explanation: string) => {
    const v = r1(value);
    if (v !== 0) terms.push({ name, value: v, explanation });
  };

  // Known vulnerabilities: the worst one counts in full, further advisories add a little.
  const affected = s.matches.filter((m) => m.verdict !== 'not-affected');
  if (affected.length) {
    const weighted = affected.map((m) => {
      const sure = m.certainty === 'match' && m.verdict === 'affected';
      const cvss = m.cvss?.score ?? W.cvssWhenMissing;
      return { m, sure, cvss, pts: cvss * W.vulnPerCvss * (sure ? 1 : W.possibleShare) };
    });
    weighted.sort((a, b) => b.pts - a.pts);
    const top = weighted[0]!;
    add(
      'vulnerability',
      top.pts,
      `${top.sure ? '' : 'possible '}${top.m.advisoryId}: CVSS ${top.m.cvss ? top.m.cvss.score : `unknown (taken as ${W.cvssWhenMissing})`} × ${W.vulnPerCvss}${top.sure ? '' : ` × ${W.possibleShare} (not certain)`}`,
    );
    const more = weighted.length - 1;
    if (more > 0) add('more advisories', Math.min(W.vulnExtraMax, more * W.vulnExtraEach), `${more} further advisor${more > 1 ? 'ies' : 'y'} × ${W.vulnExtraEach} (at most ${W.vulnExtraMax})`);
  }
  const eos = signals.find((x) => x.kind === 'end-of-support-os');
  if (eos) add('end-of-support OS', W.endOfSupport, eos.detail);
  const peer = signals.find((x) => x.kind === 'internet-peer');
  if (peer) add('internet exposure', W.internetPeer, `${peer.title}: ${peer.detail}`);
  const clear = signals.filter((x) => x.kind === 'cleartext-protocol');
  if (clear.length) add('cleartext protocols', Math.min(W.cleartextMax, clear.length * W.cleartextEach), `${clear.map((x) => x.title).join(', ')} (${W.cleartextEach} each, at most ${W.cleartextMax})`);
  const snmp = signals.find((x) => x.kind === 'default-snmp-community');
  if (snmp) add('default SNMP community', W.defaultSnmp, snmp.title);
  const flat = signals.find((x) => x.kind === 'flat-network');
  if (flat) add('flat network', W.flatNetwork, flat.title);
  if (signals.some((x) => x.kind === 'mds2-phi')) add('stores PHI (MDS2)', W.mds2Phi, 'a breach exposes patient data');
  if (signals.some((x) => x.kind === 'mds2-remote-service')) add('remote service (MDS2)', W.mds2Remote, 'a remote access path exists');
  if (signals.some((x) => x.kind === 'mds2-not-patchable')) add('not patchable (MDS2)', W.mds2NotPatchable, 'fixes depend on the manufacturer');

  const technical = terms.reduce((a, t) => a + t.value, 0);
  // Clinical criticality: the same flaw matters more on a ventilator than on a label printer.
  if (technical > 0) {
    const critical = s.lifeSupport || (s.type !== undefined && CRITICAL_TYPES.test(s.type));
    const [share, why] = critical
      ? [W.criticality.lifeSupport, s.lifeSupport ? 'life-support device' : `life-sustaining / therapy type '${s.type}'`]
      : s.highRisk
        ? [W.criticality.highRisk, 'high-risk device (inventory flag)']
        : s.category === 'medical'
          ? [W.criticality.medical, 'medical device']
          : [0, ''];
    if (share > 0) add('clinical criticality', technical * share, `${why}: +${Math.round(share * 100)}% of ${r1(technical)}`);
  }
  // Compensating controls a person recorded: each removes a share of what is there so far.
  // Together they never remove more than 90%: a compensated flaw is still a flaw.
  const before = terms.reduce((a, t) => a + t.value, 0);
  let left = 0.9;
  for (const c of s.compensating ?? []) {
    const share = Math.max(0, Math.min(left, Number.isFinite(c.reduction) ? c.reduction : 0));
    left -= share;
    if (share > 0 && before > 0) add(`compensating: ${c.name}`, -before * share, `−${Math.round(share * 100)}% of ${r1(before)}`);
  }
  const score = r1(terms.reduce((a, t) => a + t.value, 0));
  return { subjectId: s.id, label: s.label, score, band: bandOf(score), terms, signals };
}
