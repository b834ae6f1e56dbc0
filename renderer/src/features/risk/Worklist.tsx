// The risk worklist: devices ordered by score, the one thing to do first, and — expanded — every
// term of the score with its value and explanation (they add up to the score), every advisory
// matched with its verdict and reasons, and every signal with its source.
import { Fragment, useMemo, useState } from 'react';
import { RISK_WEIGHTS } from '../../../../core/risk/score';
import type { WorkItem } from '../../../../core/risk/worklist';
import type { RiskResult } from './compute';
import { matchesFor } from './compute';
import { ACTION_TEXT, BandBadge, fmtScore } from './Badges';
import { MatchDetail } from './MatchDetail';

const PAGE = 100;

export function ScoreTerms({ item }: { item: WorkItem }) {
  return (
    <table className="table rk-terms" aria-label={`Score terms for ${item.label}`}>
      <thead>
        <tr>
          <th>Term</th>
          <th className="num">Value</th>
          <th>Explanation</th>
        </tr>
      </thead>
      <tbody>
        {item.risk.terms.map((t, i) => (
          <tr key={i} className={t.value < 0 ? 'rk-term-minus' : undefined}>
            <td>{t.name}</td>
            <td className="num">
              {t.value >= 0 ? '+' : '−'}
              {fmtScore(Math.abs(t.value))}
            </td>
            <td>{t.explanation}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>
            <strong>Score</strong>
          </td>
          <td className="num">
            <strong data-testid="score-total">{fmtScore(item.score)}</strong>
          </td>
          <td className="muted">sum of the terms above · band {item.band}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Detail({ item, result }: { item: WorkItem; result: RiskResult }) {
  const matches = matchesFor(result, item);
  const shown = matches.filter((m) => m.verdict !== 'not-affected');
  const cleared = matches.filter((m) => m.verdict === 'not-affected');
  const subject = result.subjects.find((s) => s.id === item.subjectId);
  return (
    <div className="rk-detail">
      <div className="rk-detail-grid">
        <section>
          <h3>How the score is made</h3>
          <ScoreTerms item={item} />
          <h3>Signals</h3>
          <ul className="rk-signals">
            {item.risk.signals.map((s, i) => (
              <li key={i}>
                <span className={`rk-sev sev-${s.severity}`}>{s.severity}</span> <strong>{s.title}</strong> — {s.detail}
                {s.source ? <span className="muted"> (source: {s.source})</span> : null}
              </li>
            ))}
          </ul>
          {subject ? (
            <p className="muted small">
              Facts from {subject.source}
              {subject.maker || subject.model ? `: ${[subject.maker, subject.model].filter(Boolean).join(' ')}` : ''}
              {subject.version ? `, version ${subject.version}` : ', no version recorded'}
              {subject.mds2 ? `; MDS2 form ${subject.mds2}` : ''}
              {subject.category ? `; category ${subject.category}${subject.categoryWhy ? ` (${subject.categoryWhy})` : ''}` : ''}.
            </p>
          ) : null}
        </section>
        <section>
          <h3>Advisories ({shown.length})</h3>
          {shown.length === 0 ? <p className="muted">No advisory applies.</p> : shown.map((m) => <MatchDetail key={m.advisoryId} m={m} />)}
          {cleared.length ? (
            <details className="rk-cleared">
              <summary>
                {cleared.length} advisor{cleared.length === 1 ? 'y' : 'ies'} for this product that do not apply to its version
              </summary>
              {cleared.map((m) => (
                <MatchDetail key={m.advisoryId} m={m} />
              ))}
            </details>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** The weights, as data, so a reader can check any score by hand. */
function ScoreRules() {
  const W = RISK_WEIGHTS;
  return (
    <details className="rk-weights">
      <summary>How the score is computed</summary>
      <ul>
        <li>Worst applicable advisory: CVSS × {W.vulnPerCvss} (a possible match or an unknown version counts × {W.possibleShare}; no CVSS counts as {W.cvssWhenMissing})</li>
        <li>
          Each further advisory: +{W.vulnExtraEach} (at most +{W.vulnExtraMax})
        </li>
        <li>End-of-support OS: +{W.endOfSupport}</li>
        <li>Talks to the internet: +{W.internetPeer}</li>
        <li>
          Cleartext protocol: +{W.cleartextEach} each (at most +{W.cleartextMax}); default SNMP community: +{W.defaultSnmp}
        </li>
        <li>Medical device on a segment with IT / IoT / guest devices: +{W.flatNetwork}</li>
        <li>
          MDS2: stores patient data +{W.mds2Phi}, remote service +{W.mds2Remote}, not patchable by the hospital +{W.mds2NotPatchable}
        </li>
        <li>
          Clinical criticality adds a share of the sum above: life support / therapy +{W.criticality.lifeSupport * 100}%, high-risk flag +{W.criticality.highRisk * 100}%, other medical +{W.criticality.medical * 100}%
        </li>
        <li>Bands: low under 15, medium under 35, high under 60, critical 60 and over. The score ranks the work; it is not a probability.</li>
      </ul>
    </details>
  );
}

export function Worklist({ result }: { result: RiskResult }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState('');
  const [band, setBand] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return result.report.worklist.filter(
      (w) => (!band || w.band === band) && (!q || [w.label, w.site, w.floor, w.department, w.advisoryId, w.mitigation].filter(Boolean).join(' ').toLowerCase().includes(q)),
    );
  }, [result, query, band]);
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  if (!result.report.worklist.length) {
    return (
      <div className="card empty-state">
        <h2>Nothing on the worklist</h2>
        <p>No device carries a known vulnerability or a risk signal yet. Import advisories, an inventory, or captures.</p>
      </div>
    );
  }
  return (
    <div className="card rk-worklist">
      <div className="toolbar">
        <input type="search" placeholder="Search device, location, advisory…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search the worklist" />
        <select value={band} onChange={(e) => setBand(e.target.value)} aria-label="Band">
          <option value="">All bands</option>
          {['critical', 'high', 'medium', 'low'].map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
        <span className="muted count">
          {rows.length.toLocaleString()} of {result.report.worklist.length.toLocaleString()} devices
        </span>
      </div>
      <ScoreRules />
      <table className="table rk-table" aria-label="Risk worklist">
        <thead>
          <tr>
            <th aria-label="Expand" />
            <th className="num">#</th>
            <th className="num">Score</th>
            <th>Band</th>
            <th>Device</th>
            <th>Location</th>
            <th>Do first</th>
            <th>Mitigation</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((w) => {
            const isOpen = open.has(w.subjectId);
            return (
              <Fragment key={w.subjectId}>
                <tr className={`rk-row band-row-${w.band}${isOpen ? ' open' : ''}`} data-subject={w.subjectId}>
                  <td>
                    <button type="button" className="icon rk-toggle" aria-expanded={isOpen} aria-label={`${isOpen ? 'Hide' : 'Show'} details for ${w.label}`} onClick={() => toggle(w.subjectId)}>
                      {isOpen ? '▾' : '▸'}
                    </button>
                  </td>
                  <td className="num">{w.rank}</td>
                  <td className="num rk-score">{fmtScore(w.score)}</td>
                  <td>
                    <BandBadge band={w.band} />
                  </td>
                  <td className="rk-label">{w.label}</td>
                  <td>{[w.site, w.floor, w.department].filter(Boolean).join(' / ') || <span className="muted">—</span>}</td>
                  <td>
                    <span className={`rk-action act-${w.action}`}>{ACTION_TEXT[w.action]}</span>
                  </td>
                  <td className="rk-mitigation">
                    <span className="rk-clamp">{w.mitigation}</span>
                    {w.advisoryId ? <span className="muted"> ({w.advisoryId})</span> : null}
                  </td>
                </tr>
                {isOpen ? (
                  <tr className="rk-detail-row">
                    <td colSpan={8}>
                      <Detail item={w} result={result} />
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
            Show {Math.min(PAGE * 5, rows.length - limit)} more
          </button>
        </div>
      ) : null}
    </div>
  );
}
