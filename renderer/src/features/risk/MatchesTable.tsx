// Every advisory match, including the ones whose version range does NOT cover the device: a person
// checking the list sees why a device was left off as well as why one was put on.
import { Fragment, useMemo, useState } from 'react';
import type { RiskResult } from './compute';
import { VerdictBadge, pct } from './Badges';
import { MatchDetail } from './MatchDetail';

const PAGE = 200;

export function MatchesTable({ result }: { result: RiskResult }) {
  const [verdict, setVerdict] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const subjects = useMemo(() => new Map(result.subjects.map((s) => [s.id, s])), [result]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const order = { affected: 0, unknown: 1, 'not-affected': 2 } as const;
    return result.matches
      .filter((m) => {
        if (verdict === 'affected' && !(m.verdict === 'affected' && m.certainty === 'match')) return false;
        if (verdict === 'possible' && !(m.verdict !== 'not-affected' && (m.certainty === 'possible' || m.verdict === 'unknown'))) return false;
        if (verdict === 'not-affected' && m.verdict !== 'not-affected') return false;
        if (!q) return true;
        const s = subjects.get(m.assetId);
        return [s?.label, s?.maker, s?.model, m.advisoryId, m.product, ...m.cves].filter(Boolean).join(' ').toLowerCase().includes(q);
      })
      .sort((a, b) => order[a.verdict] - order[b.verdict] || (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0) || a.assetId.localeCompare(b.assetId));
  }, [result, verdict, query, subjects]);
  if (!result.matches.length) {
    return (
      <div className="card empty-state">
        <h2>No matches</h2>
        <p>{result.stats.advisories ? 'None of the stored advisories names a maker and product found in the inventory or on the network.' : 'Import advisories first (CISA ICSMA, CSAF 2.0 JSON).'}</p>
      </div>
    );
  }
  return (
    <div className="card">
      <div className="toolbar">
        <input type="search" placeholder="Search device, advisory, CVE…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search matches" />
        <select value={verdict} onChange={(e) => setVerdict(e.target.value)} aria-label="Verdict">
          <option value="">All verdicts</option>
          <option value="affected">Affected</option>
          <option value="possible">Possible / unknown version</option>
          <option value="not-affected">Not affected</option>
        </select>
        <span className="muted count">{rows.length.toLocaleString()} matches</span>
      </div>
      <table className="table rk-table" aria-label="Advisory matches">
        <thead>
          <tr>
            <th>Device</th>
            <th>Version</th>
            <th>Advisory</th>
            <th>Affected versions</th>
            <th>Verdict</th>
            <th className="num">Confidence</th>
            <th className="num">CVSS</th>
            <th>CVEs</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((m) => {
            const s = subjects.get(m.assetId);
            const key = `${m.assetId}|${m.advisoryId}`;
            return (
              <Fragment key={key}>
                <tr className="rk-row rk-click" data-asset={m.assetId} data-advisory={m.advisoryId} onClick={() => setOpen(open === key ? null : key)} aria-expanded={open === key}>
                  <td className="rk-label">{s?.label ?? m.assetId}</td>
                  <td>{s?.version ?? <span className="muted">none recorded</span>}</td>
                  <td>
                    {m.advisoryId}
                    <div className="muted small">{m.product}</div>
                  </td>
                  <td>{m.versionRange}</td>
                  <td>
                    <VerdictBadge m={m} />
                  </td>
                  <td className="num">{pct(m.confidence)}</td>
                  <td className="num">{m.cvss ? m.cvss.score.toFixed(1) : '—'}</td>
                  <td className="small">{m.cves.slice(0, 4).join(', ')}{m.cves.length > 4 ? ` +${m.cves.length - 4}` : ''}</td>
                </tr>
                {open === key ? (
                  <tr className="rk-detail-row">
                    <td colSpan={8}>
                      <MatchDetail m={m} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit ? (
        <div className="rk-more">
          <button type="button" onClick={() => setLimit((l) => l + PAGE * 5)}>
            Show more
          </button>
        </div>
      ) : null}
    </div>
  );
}
