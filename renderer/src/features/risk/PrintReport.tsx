// The printed report (hidden on screen, the only thing on paper): summary, the worklist with every
// score term, and the per-location summary. Styled by risk.css's @media print.
import type { GroupLevel, RiskResult } from './compute';
import { dashboardRows, matchesFor, verdictLabel } from './compute';
import { ACTION_TEXT, fmtScore } from './Badges';

/** Rows on paper; the export carries all of them. */
const PRINT_MAX = 500;

export function PrintReport({ result, level, site }: { result: RiskResult; level: GroupLevel; site: string }) {
  const rows = dashboardRows(result, level);
  return (
    <div className="rk-print" aria-hidden="true">
      <style>{'@page { size: A4 landscape; margin: 12mm; }'}</style>
      <header className="rk-print-head">
        <h1>Risk worklist{site ? ` — ${site}` : ''}</h1>
        <div>
          Computed {result.today} from {result.stats.advisories} advisories, {result.stats.assets} inventory assets and {result.stats.devices} discovered devices. Scores rank work; every term is shown. “Possible” matches
          need the model and version confirmed before acting.
        </div>
      </header>
      <h2>Summary by {level}</h2>
      <table className="rk-ptable">
        <thead>
          <tr>
            <th>{level === 'site' ? 'Site' : level === 'floor' ? 'Site / floor' : 'Department'}</th>
            <th>Devices</th>
            <th>Critical</th>
            <th>High</th>
            <th>Medium</th>
            <th>Low</th>
            <th>Known vulnerable</th>
            <th>Possible</th>
            <th>End-of-support OS</th>
            <th>Cleartext</th>
            <th>Internet</th>
            <th>Mixed segment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td>{r.devices}</td>
              <td>{r.critical}</td>
              <td>{r.high}</td>
              <td>{r.medium}</td>
              <td>{r.low}</td>
              <td>{r.vulnerable}</td>
              <td>{r.possible}</td>
              <td>{r.endOfSupport}</td>
              <td>{r.cleartext}</td>
              <td>{r.internet}</td>
              <td>{r.mixedSegment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        Worklist{result.report.worklist.length > PRINT_MAX ? ` (the first ${PRINT_MAX} of ${result.report.worklist.length}; the .xlsx export has every row)` : ''}
      </h2>
      <table className="rk-ptable rk-pwork">
        <colgroup>
          <col style={{ width: '4%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '19%' }} />
          <col style={{ width: '24%' }} />
          <col style={{ width: '31%' }} />
          <col style={{ width: '16%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>#</th>
            <th>Score</th>
            <th>Device / location</th>
            <th>Do first</th>
            <th>Score terms</th>
            <th>Advisories</th>
          </tr>
        </thead>
        <tbody>
          {result.report.worklist.slice(0, PRINT_MAX).map((w) => (
            <tr key={w.subjectId}>
              <td>{w.rank}</td>
              <td>
                <strong>{fmtScore(w.score)}</strong>
                <div>{w.band}</div>
              </td>
              <td>
                <strong>{w.label}</strong>
                <div>{[w.site, w.floor, w.department].filter(Boolean).join(' / ')}</div>
              </td>
              <td>
                <strong>{ACTION_TEXT[w.action]}</strong>: {w.mitigation}
              </td>
              <td>
                {w.risk.terms.map((t, i) => (
                  <div key={i}>
                    {t.name} {t.value >= 0 ? '+' : '−'}
                    {fmtScore(Math.abs(t.value))} <span className="rk-pmuted">({t.explanation})</span>
                  </div>
                ))}
              </td>
              <td>
                {matchesFor(result, w)
                  .filter((m) => m.verdict !== 'not-affected')
                  .map((m) => (
                    <div key={m.advisoryId}>
                      {m.advisoryId}: {verdictLabel(m)}, CVSS {m.cvss?.score ?? '—'}, {Math.round(m.confidence * 100)}%
                    </div>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
