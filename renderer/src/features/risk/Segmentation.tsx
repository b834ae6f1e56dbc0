// Segmentation: which subnets / VLANs hold which categories of device. Segments where medical
// devices share the broadcast domain with IT, IoT or guest devices are highlighted, with the
// suggested grouping from core/risk/segmentation.ts.
import type { SegmentCategory } from '../../../../core/risk/segmentation';
import type { RiskResult } from './compute';

const CATS: [SegmentCategory, string][] = [
  ['medical', 'Medical'],
  ['it', 'IT'],
  ['iot', 'IoT'],
  ['guest', 'Guest'],
  ['building', 'Building'],
  ['network', 'Network'],
  ['unknown', 'Unknown'],
];

const LABEL: Record<string, string> = Object.fromEntries(CATS);
/** The same names inside a sentence. */
const IN_TEXT: Record<string, string> = { medical: 'medical', it: 'IT', iot: 'IoT', guest: 'guest', building: 'building', network: 'network', unknown: 'unidentified' };

export function Segmentation({ result }: { result: RiskResult }) {
  const seg = result.report.segmentation;
  const names = new Map(result.subjects.map((s) => [s.id, s]));
  if (!seg.segments.length) {
    return (
      <div className="card empty-state">
        <h2>No segments yet</h2>
        <p>Segments come from the devices' IP addresses (/24 for IPv4, /64 for IPv6) or the VLAN seen on their frames. Open captures in Discover or import an inventory with IP addresses.</p>
      </div>
    );
  }
  return (
    <div className="rk-seg">
      <div className="card">
        <h2>
          Segments ({seg.segments.length}) · {seg.mixed.length ? <span className="warn-text">{seg.mixed.length} mixed</span> : <span className="ok-text">none mixed</span>}
        </h2>
        <p className="muted small">A segment is a VLAN when one was seen, otherwise the IPv4 /24 or IPv6 /64 the device's address falls in. “Mixed”: medical devices share it with IT, IoT or guest devices — a compromised laptop or smart TV there can reach them directly.</p>
        <table className="table rk-table" aria-label="Segments">
          <thead>
            <tr>
              <th>Segment</th>
              {CATS.map(([, l]) => (
                <th key={l} className="num">
                  {l}
                </th>
              ))}
              <th>Assessment</th>
            </tr>
          </thead>
          <tbody>
            {seg.segments.map((s) => (
              <tr key={s.key} className={s.mixed ? 'rk-mixed' : undefined} data-segment={s.key}>
                <td>
                  <strong>{s.key}</strong> <span className="muted small">{s.kind}</span>
                </td>
                {CATS.map(([c]) => (
                  <td key={c} className={`num${c === 'medical' && s.mixed ? ' cell-critical' : ''}`}>
                    {s.counts[c] ?? ''}
                  </td>
                ))}
                <td>
                  {s.mixed ? <span className="rk-badge band-high">mixed</span> : null} {s.note}
                  {s.mixed ? (
                    <div className="small rk-members">
                      {s.members
                        .slice(0, 12)
                        .map((id) => {
                          const m = names.get(id);
                          return `${m?.label ?? id}${m?.category ? ` (${LABEL[m.category] ?? m.category})` : ''}`;
                        })
                        .join(' · ')}
                      {s.members.length > 12 ? ` · and ${s.members.length - 12} more` : ''}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {seg.suggestions.length ? (
        <div className="card">
          <h2>Suggested grouping</h2>
          <ol className="rk-suggest">
            {seg.suggestions.map((g, i) => (
              <li key={i}>
                Move the <strong>{g.count}</strong> {IN_TEXT[g.category] ?? g.category} device{g.count === 1 ? '' : 's'} on <strong>{g.segment}</strong> to {g.to} <span className="muted">— {g.why}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
