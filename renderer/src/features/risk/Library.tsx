// What the matching works from: the stored advisories (one revision each) and the MDS2 forms per
// model, with the import of an MDS2 workbook.
import { useRef, useState } from 'react';
import type { AdvisoryRecord, Mds2Record } from '../../db/schema';
import { notify, useStore } from '../../store';
import type { RiskResult } from './compute';
import { hasDialogs, importMds2Source } from './importing';

export function Mds2Import() {
  const [maker, setMaker] = useState('');
  const [model, setModel] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const by = useStore((s) => s.surveyor);
  const run = async (from: { dialog: true } | { file: File }) => {
    setBusy(true);
    try {
      const r = await importMds2Source(from, { maker, model }, by);
      if (r.cancelled) return;
      if (r.error) notify('error', `MDS2 form not imported: ${r.error}`, 'Nothing was changed.');
      else if (r.stored && r.facts) {
        notify('success', `MDS2 form for ${[r.facts.maker, r.facts.model].filter(Boolean).join(' ')} imported: ${r.facts.answered} answers.`, r.facts.problems[0]);
        setMaker('');
        setModel('');
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rk-mds2-import">
      <p className="muted small">
        An MDS2 form (ANSI/NEMA HN 1-2019, the manufacturer's Excel workbook) sets patient-data storage, remote service and patchability for every unit of its model. Maker and model are read from the form; type them to
        fill them in or correct them.
      </p>
      <div className="inline-form">
        <input value={maker} onChange={(e) => setMaker(e.target.value)} placeholder="Maker (from the form)" aria-label="MDS2 maker" />
        <input value={model} onChange={(e) => setModel(e.target.value)} placeholder="Model (from the form)" aria-label="MDS2 model" />
        <button type="button" disabled={busy} onClick={() => (hasDialogs() ? void run({ dialog: true }) : ref.current?.click())}>
          Import MDS2 workbook…
        </button>
        <input
          ref={ref}
          type="file"
          hidden
          accept=".xlsx,.xlsm,.xls"
          aria-label="MDS2 workbook"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void run({ file: f });
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}

export function Library({ advisories, forms, result }: { advisories: AdvisoryRecord[]; forms: Mds2Record[]; result: RiskResult | null }) {
  const counts = new Map<string, number>();
  for (const m of result?.matches ?? []) if (m.verdict !== 'not-affected') counts.set(m.advisoryId, (counts.get(m.advisoryId) ?? 0) + 1);
  const sorted = [...advisories].sort((a, b) => (b.currentReleaseDate ?? '').localeCompare(a.currentReleaseDate ?? '') || a.trackingId.localeCompare(b.trackingId));
  return (
    <div className="rk-library">
      <div className="card">
        <h2>Advisories ({advisories.length})</h2>
        {advisories.length === 0 ? (
          <p className="muted">None yet. Import CISA ICSMA advisories (CSAF 2.0 JSON: single files, a folder, or a .zip / .tar.gz archive). A newer revision of an advisory replaces the older one.</p>
        ) : (
          <table className="table rk-table" aria-label="Stored advisories">
            <thead>
              <tr>
                <th>Advisory</th>
                <th>Revision</th>
                <th>Released</th>
                <th>Title</th>
                <th className="num">Products</th>
                <th className="num">CVEs</th>
                <th className="num" title="Devices this advisory affects or possibly affects">Devices</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => (
                <tr key={a.trackingId} data-advisory={a.trackingId}>
                  <td>{a.trackingId}</td>
                  <td>{a.version}</td>
                  <td>{a.currentReleaseDate?.slice(0, 10) ?? ''}</td>
                  <td>
                    {a.title}
                    {a.warnings.length ? <div className="muted small">{a.warnings.length} note{a.warnings.length === 1 ? '' : 's'} while reading: {a.warnings[0]}</div> : null}
                  </td>
                  <td className="num">{a.products.length}</td>
                  <td className="num">{new Set(a.vulnerabilities.map((v) => v.cve).filter(Boolean)).size}</td>
                  <td className="num">{counts.get(a.trackingId) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>MDS2 forms ({forms.length})</h2>
        <Mds2Import />
        {forms.length ? (
          <table className="table rk-table" aria-label="MDS2 forms">
            <thead>
              <tr>
                <th>Maker</th>
                <th>Model</th>
                <th>Stores patient data</th>
                <th>Remote service</th>
                <th>Hospital can patch</th>
                <th>SBOM</th>
                <th>Form</th>
              </tr>
            </thead>
            <tbody>
              {forms.map((f) => (
                <tr key={f.id}>
                  <td>{f.maker ?? ''}</td>
                  <td>{f.model ?? ''}</td>
                  <Fact v={f.storesPhi} why={f.evidence.storesPhi} />
                  <Fact v={f.remoteService} why={f.evidence.remoteService} />
                  <Fact v={f.patchable} why={f.evidence.patchable} />
                  <Fact v={f.sbom} why={f.evidence.sbom} />
                  <td className="small">
                    {f.documentId ?? f.source} <span className="muted">({f.answered} answers)</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}

function Fact({ v, why }: { v: boolean | undefined; why: string | undefined }) {
  return <td title={why ?? 'not answered on the form'}>{v === undefined ? <span className="muted">not answered</span> : v ? 'yes' : 'no'}</td>;
}
