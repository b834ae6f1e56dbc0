// The dashboard: totals first, then the same counts per site, floor or department.
import { useMemo } from 'react';
import type { GroupLevel, RiskResult } from './compute';
import { dashboardRows } from './compute';
import { fmtScore } from './Badges';

export function Totals({ result }: { result: RiskResult }) {
  const t = useMemo(() => {
    const rows = dashboardRows(result, 'site');
    const sum = (k: keyof (typeof rows)[number]) => rows.reduce((a, r) => a + (r[k] as number), 0);
    return {
      critical: sum('critical'),
      high: sum('high'),
      medium: sum('medium'),
      low: sum('low'),
      vulnerable: sum('vulnerable'),
      possible: sum('possible'),
      eos: sum('endOfSupport'),
      clear: sum('cleartext'),
      internet: sum('internet'),
      mixed: result.report.segmentation.mixed.length,
    };
  }, [result]);
  const tiles: [string, number, string][] = [
    ['Critical', t.critical, 'band-critical'],
    ['High', t.high, 'band-high'],
    ['Medium', t.medium, 'band-medium'],
    ['Low', t.low, 'band-low'],
    ['Known vulnerable', t.vulnerable, ''],
    ['Possible matches only', t.possible, ''],
    ['End-of-support OS', t.eos, ''],
    ['Cleartext / default SNMP', t.clear, ''],
    ['Talk to the internet', t.internet, ''],
    ['Mixed segments', t.mixed, ''],
  ];
  return (
    <div className="rk-tiles" role="list" aria-label="Risk totals">
      {tiles.map(([label, n, cls]) => (
        <div key={label} role="listitem" className={`rk-tile ${cls}${n ? '' : ' zero'}`}>
          <div className="rk-tile-n">{n.toLocaleString()}</div>
          <div className="rk-tile-l">{label}</div>
        </div>
      ))}
    </div>
  );
}

export function Dashboard({ result, level, setLevel }: { result: RiskResult; level: GroupLevel; setLevel: (l: GroupLevel) => void }) {
  const rows = useMemo(() => dashboardRows(result, level), [result, level]);
  return (
    <div className="card">
      <div className="row">
        <h2>By {level === 'site' ? 'site' : level === 'floor' ? 'floor' : 'department'}</h2>
        <div className="tabs" role="tablist" aria-label="Group by">
          {(['site', 'floor', 'department'] as const).map((l) => (
            <button key={l} type="button" role="tab" aria-selected={level === l} className={level === l ? 'tab active' : 'tab'} onClick={() => setLevel(l)}>
              {l === 'site' ? 'Site' : l === 'floor' ? 'Floor' : 'Department'}
            </button>
          ))}
        </div>
      </div>
      <table className="table rk-table rk-dash" aria-label={`Risk by ${level}`}>
        <thead>
          <tr>
            <th>{level === 'site' ? 'Site' : level === 'floor' ? 'Site / floor' : 'Department'}</th>
            <th className="num">Devices</th>
            <th className="num">Critical</th>
            <th className="num">High</th>
            <th className="num">Medium</th>
            <th className="num">Low</th>
            <th className="num" title="A confirmed match: maker, product and version agree">Known vulnerable</th>
            <th className="num" title="Name partly agrees, or the version is not known">Possible</th>
            <th className="num">End-of-support OS</th>
            <th className="num">Cleartext</th>
            <th className="num">Internet</th>
            <th className="num">Mixed segment</th>
            <th className="num">Worst score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td className="num">{r.devices}</td>
              <td className={`num${r.critical ? ' cell-critical' : ''}`}>{r.critical}</td>
              <td className={`num${r.high ? ' cell-high' : ''}`}>{r.high}</td>
              <td className="num">{r.medium}</td>
              <td className="num">{r.low}</td>
              <td className="num">{r.vulnerable}</td>
              <td className="num">{r.possible}</td>
              <td className="num">{r.endOfSupport}</td>
              <td className="num">{r.cleartext}</td>
              <td className="num">{r.internet}</td>
              <td className="num">{r.mixedSegment}</td>
              <td className="num">{fmtScore(r.worstScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
