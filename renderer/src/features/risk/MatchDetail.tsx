// One advisory match, in full: what it is, how sure, why, and what the advisory says to do.
// Uncertain matches say "possible" and ask for the version to be confirmed; they never claim.
import type { AdvisoryMatch } from '../../../../core/advisories/match';
import { ACTION_TEXT, VerdictBadge, pct } from './Badges';

export function MatchDetail({ m }: { m: AdvisoryMatch }) {
  const sure = m.certainty === 'match' && m.verdict === 'affected';
  return (
    <div className={`rk-match ${m.verdict === 'not-affected' ? 'clear' : sure ? 'affected' : 'possible'}`} data-advisory={m.advisoryId}>
      <div className="rk-match-head">
        <strong>{m.advisoryId}</strong> <span className="muted">rev {m.advisoryVersion}</span> <VerdictBadge m={m} />
        <span className="rk-conf" title="How well maker and product agree (and whether the version could be checked)">
          confidence {pct(m.confidence)} · {m.certainty === 'match' ? 'match' : 'possible match'}
        </span>
      </div>
      <div className="rk-match-title">{m.advisoryTitle}</div>
      <dl className="rk-facts">
        <dt>Advisory product</dt>
        <dd>
          {m.vendor} — {m.product}
        </dd>
        <dt>Affected versions</dt>
        <dd>
          {m.versionRange || '(not stated)'}
          {m.versionText && m.versionText !== m.versionRange ? <span className="muted"> (advisory text: {m.versionText})</span> : null}
        </dd>
        <dt>Version check</dt>
        <dd>{m.versionReason}</dd>
        {m.condition ? (
          <>
            <dt>Only if</dt>
            <dd>{m.condition} (not checked: confirm on the device)</dd>
          </>
        ) : null}
        <dt>CVEs</dt>
        <dd>{m.cves.length ? m.cves.join(', ') : 'none listed'}</dd>
        <dt>CVSS</dt>
        <dd>{m.cvss ? `${m.cvss.score} ${m.cvss.severity.toLowerCase()} (CVSS ${m.cvss.version}: ${m.cvss.vector})` : 'no score in the advisory'}</dd>
        {m.verdict !== 'not-affected' ? (
          <>
            <dt>Recommended</dt>
            <dd>
              <strong>{ACTION_TEXT[m.recommended.action]}</strong>: {m.certainty === 'possible' || m.verdict === 'unknown' ? 'confirm the model and version first, then ' : ''}
              {m.recommended.text}
            </dd>
          </>
        ) : null}
        {m.advisoryUrl ? (
          <>
            <dt>Source</dt>
            <dd className="rk-url">{m.advisoryUrl}</dd>
          </>
        ) : null}
      </dl>
      <div className="rk-reasons">
        <span className="muted">Why this match:</span>
        <ul>
          {m.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
