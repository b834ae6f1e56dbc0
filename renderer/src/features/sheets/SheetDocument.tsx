// The printed room sheets: one fixed-size page box per paper page, laid out in millimetres from the
// same geometry the model paginated with (core/sheets/geometry). Shown on screen as the print preview
// and printed as is (assets/print/sheets.css: @page size, page breaks, print colours).
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { RoomSection, SheetPage, SheetRow, SheetSet } from '../../../../core/sheets/model';
import type { SheetLayout } from '../../../../core/sheets/geometry';
import { QUIET_ZONE_MODULES } from '../../../../core/sheets/geometry';
import { barcodeSvg, code128 } from './barcode';
import '../../../../assets/print/sheets.css';

export function PageRule({ width, height }: { width: number; height: number }) {
  // Zero page margin: each page box draws its own 10 mm margin, so screen preview and paper agree.
  return <style>{`@page { size: ${width}mm ${height}mm; margin: 0; }`}</style>;
}

export function SheetDocument({ set, zoom = 1 }: { set: SheetSet; zoom?: number }) {
  const l = set.layout;
  const style = {
    '--page-w': `${l.pageWidth}mm`,
    '--page-h': `${l.pageHeight}mm`,
    '--margin': `${l.margin}mm`,
    '--row-h': `${l.rowHeight}mm`,
    '--head-h': `${l.headerHeight}mm`,
    '--cont-h': `${l.contHeaderHeight}mm`,
    '--thead-h': `${l.tableHeadHeight}mm`,
    '--foot-h': `${l.footerHeight}mm`,
    '--found-line-h': `${l.foundLineHeight}mm`,
    '--zoom': String(zoom),
  } as CSSProperties;
  return (
    <div className="print-doc sheet-doc" style={style} data-pages={set.pageCount} data-paper={l.paper} data-orientation={l.orientation}>
      <PageRule width={l.pageWidth} height={l.pageHeight} />
      {set.sections.map((sec) => sec.pages.map((p) => <Page key={`${sec.roomId}:${p.sectionPage}`} set={set} section={sec} page={p} />))}
    </div>
  );
}

const Page = memo(function Page({ set, section, page }: { set: SheetSet; section: RoomSection; page: SheetPage }) {
  const h = section.header;
  const l = set.layout;
  return (
    <section className="sheet-page" data-room={h.roomNumber} data-page={page.pageNumber} aria-label={`Page ${page.pageNumber}: room ${h.roomNumber}`}>
      {page.first ? <RoomHead section={section} layout={l} /> : <ContHead section={section} page={page} />}
      <table className="sh-table">
        <colgroup>
          {l.columns.map((c) => (
            <col key={c.id} style={{ width: `${c.width}mm` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {l.columns.map((c) => (
              <th key={c.id} className={`c-${c.id}`} scope="col">
                {c.id === 'device' ? (
                  <>
                    Device <span className="sh-th-sub">type · maker · model</span>
                  </>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r, i) => (
            <Row key={r.assetId} row={r} layout={l} index={page.firstRow + i + 1} />
          ))}
          {section.rows.length === 0 ? (
            <tr className="sh-empty">
              <td colSpan={l.columns.length}>No assets are expected in this room. Write down what you find below.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {page.last ? <Tail section={section} layout={l} /> : null}
      <footer className="sh-foot">
        <span className="sh-foot-where">
          {[h.site, h.building, h.floor].filter(Boolean).join(' · ')}
        </span>
        <span className="sh-foot-room">
          Room {h.roomNumber} · sheet {page.sectionPage} of {page.sectionPages}
          {page.last ? '' : ' · continues overleaf'}
        </span>
        <span className="sh-foot-page">
          Page {page.pageNumber} of {set.pageCount}
        </span>
      </footer>
    </section>
  );
});

function RoomHead({ section, layout }: { section: RoomSection; layout: SheetLayout }) {
  const h = section.header;
  const sym = code128(h.roomBarcode);
  const bc = sym ? barcodeSvg(sym, { heightMm: 9, maxWidthMm: 56, preferredModule: 0.3, label: `Room barcode ${h.roomBarcode}` }) : null;
  const t = section.totals;
  return (
    <header className="sh-head">
      <div className="sh-title">
        <div className="sh-kicker">Room sheet · {h.department || 'no department'}</div>
        <h2 className="sh-room">
          Room {h.roomNumber}
          {h.roomName ? <span className="sh-room-name"> {h.roomName}</span> : null}
        </h2>
        <dl className="sh-meta">
          <div><dt>Site</dt><dd>{h.site || '—'}</dd></div>
          <div><dt>Building</dt><dd>{h.building || '—'}</dd></div>
          <div><dt>Floor</dt><dd>{h.floor || '—'}</dd></div>
          <div><dt>Department</dt><dd>{h.department || '—'}</dd></div>
          <div><dt>Date</dt><dd>{h.date}</dd></div>
          <div><dt>Surveyor</dt><dd>{h.surveyor || '—'}</dd></div>
        </dl>
      </div>
      <div className="sh-head-side">
        <div className="sh-count">
          <strong>{t.expected}</strong> expected{t.highRisk ? <> · <strong>{t.highRisk}</strong> high risk</> : null}
        </div>
        <div className="sh-legend">
          <span className="sh-risk">HR</span> high risk <span className="sh-risk">LS</span> life support
        </div>
        {bc ? <div className="sh-room-code" dangerouslySetInnerHTML={{ __html: bc.html }} /> : null}
        <div className="sh-room-code-text">{h.roomBarcode}</div>
      </div>
      <span className="sr-only">{layout.paper}</span>
    </header>
  );
}

function ContHead({ section, page }: { section: RoomSection; page: SheetPage }) {
  const h = section.header;
  return (
    <header className="sh-cont">
      <h2 className="sh-room sh-room-cont">
        Room {h.roomNumber}
        {h.roomName ? <span className="sh-room-name"> {h.roomName}</span> : null}
      </h2>
      <span className="sh-cont-note">
        continued · sheet {page.sectionPage} of {page.sectionPages} · {h.department || '—'} · {h.date}
      </span>
    </header>
  );
}

const Row = memo(function Row({ row, layout, index }: { row: SheetRow; layout: SheetLayout; index: number }) {
  const sym = row.barcode ? code128(row.barcode) : null;
  const maxW = layout.columns[0]!.width - 2 * QUIET_ZONE_MODULES * layout.barcodeModule - 2;
  const bc = sym ? barcodeSvg(sym, { heightMm: layout.barcodeHeight, maxWidthMm: maxW, preferredModule: layout.barcodeModule, label: `Barcode ${row.barcode}` }) : null;
  return (
    <tr className={index % 2 === 0 ? 'even' : undefined} data-asset={row.barcode ?? ''}>
      <td className="c-tag">
        {bc ? <div className="sh-bc" dangerouslySetInnerHTML={{ __html: bc.html }} /> : null}
        <div className="sh-tag">
          {row.tag}
          {row.lifeSupport ? <span className="sh-risk">LS</span> : row.highRisk ? <span className="sh-risk">HR</span> : null}
          {row.serialAsTag ? <span className="sh-tag-note"> (serial, no tag)</span> : null}
          {!row.barcode ? <span className="sh-tag-note"> no tag or serial</span> : null}
        </div>
      </td>
      <td className="c-device">
        <div className="sh-type">{row.type || 'Unknown type'}</div>
        <div className="sh-maker">{[row.maker, row.model].filter(Boolean).join(' · ') || '—'}</div>
      </td>
      <td className="c-serial">{row.serial || '—'}</td>
      <td className="c-last">
        {row.last ? (
          <>
            <div>{row.last.date}</div>
            <div className="sh-by">{row.last.by}</div>
            {row.last.elsewhere ? <div className="sh-by">in {row.last.elsewhere}</div> : null}
          </>
        ) : (
          <div className="sh-never">never</div>
        )}
      </td>
      <td className="c-box"><span className="sh-box" /></td>
      <td className="c-box"><span className="sh-box" /></td>
      <td className="c-box"><span className="sh-box" /></td>
      <td className="c-notes" />
    </tr>
  );
});

function Tail({ section, layout }: { section: RoomSection; layout: SheetLayout }) {
  const t = section.totals;
  return (
    <div className="sh-tail">
      <div className="sh-found">
        <div className="sh-found-title">
          Found in this room but not listed <span className="sh-th-sub">write the tag or serial, what it is, and tick if it is in use</span>
        </div>
        <table className="sh-found-table">
          <colgroup>
            <col style={{ width: `${layout.columns[0]!.width}mm` }} />
            <col style={{ width: `${layout.columns[1]!.width + layout.columns[2]!.width}mm` }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>Asset tag / serial</th>
              <th>Type · maker · model</th>
              <th>Notes</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: layout.foundLines }, (_, i) => (
              <tr key={i}>
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sh-totals">
        <div className="sh-totals-expected">
          Expected <strong>{t.expected}</strong>
          {t.highRisk ? <> · high risk <strong>{t.highRisk}</strong></> : null}
          {t.neverConfirmed ? <> · never confirmed <strong>{t.neverConfirmed}</strong></> : null}
        </div>
        <div className="sh-totals-fill">
          Present <span className="sh-fill" /> Moved <span className="sh-fill" /> Missing <span className="sh-fill" /> Found <span className="sh-fill" />
        </div>
        <div className="sh-sign">
          Checked by <span className="sh-fill sh-fill-wide" /> Signature <span className="sh-fill sh-fill-wide" />
        </div>
      </div>
    </div>
  );
}
