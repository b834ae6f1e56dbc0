// Small labels the risk view repeats: the score band, the version verdict, the recommended action.
import type { AdvisoryMatch } from '../../../../core/advisories/match';
import type { WorkItem } from '../../../../core/risk/worklist';
import { verdictLabel } from './compute';

const BAND_TEXT: Record<WorkItem['band'], string> = { none: 'none', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

export function BandBadge({ band }: { band: WorkItem['band'] }) {
  return <span className={`rk-badge band-${band}`}>{BAND_TEXT[band]}</span>;
}

export function VerdictBadge({ m }: { m: Pick<AdvisoryMatch, 'verdict' | 'certainty'> }) {
  const cls = m.verdict === 'not-affected' ? 'v-clear' : m.verdict === 'unknown' || m.certainty === 'possible' ? 'v-possible' : 'v-affected';
  return <span className={`rk-badge ${cls}`}>{verdictLabel(m)}</span>;
}

export const ACTION_TEXT: Record<WorkItem['action'], string> = {
  patch: 'Patch',
  mitigate: 'Mitigate',
  segment: 'Segment',
  'disable-service': 'Disable service',
  'contact-vendor': 'Contact vendor',
  'upgrade-os': 'Upgrade OS',
  review: 'Review',
};

export function fmtScore(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
