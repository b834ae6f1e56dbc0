// Label sheets on the print page: each label absolutely placed at its die-cut position (mm).
import type { CSSProperties } from 'react';
import type { LabelPage, LabelSheetSpec, PlacedLabel } from '../../../../core/sheets/labels';
import { PAPER_MM } from '../../../../core/sheets/geometry';
import { barcodeSvg, code128, qrCode } from './barcode';
import { PageRule } from './SheetDocument';
import '../../../../assets/print/sheets.css';

export type RoomCode = 'qr' | 'code128';

export function LabelDocument({ spec, pages, roomCode, outline, zoom = 1 }: { spec: LabelSheetSpec; pages: LabelPage[]; roomCode: RoomCode; outline: boolean; zoom?: number }) {
  const paper = PAPER_MM[spec.paper];
  const style = { '--page-w': `${paper.width}mm`, '--page-h': `${paper.height}mm`, '--zoom': String(zoom) } as CSSProperties;
  return (
    <div className={`print-doc label-doc${outline ? ' lb-outline' : ''}`} style={style} data-pages={pages.length}>
      <PageRule width={paper.width} height={paper.height} />
      {pages.map((p) => (
        <section key={p.pageNumber} className="label-page" data-page={p.pageNumber} aria-label={`Label sheet ${p.pageNumber}`}>
          {p.labels.map((l) => (
            <Label key={l.slot} label={l} roomCode={roomCode} />
          ))}
        </section>
      ))}
    </div>
  );
}

function Label({ label, roomCode }: { label: PlacedLabel; roomCode: RoomCode }) {
  const { item } = label;
  const box: CSSProperties = { left: `${label.x}mm`, top: `${label.y}mm`, width: `${label.width}mm`, height: `${label.height}mm` };
  const small = label.height < 15;
  const inner = label.width - 3; // label padding
  if (item.kind === 'room' && roomCode === 'qr') {
    const sym = qrCode(item.barcode);
    // QR needs a 4-module quiet zone: keep the symbol inside the label with that margin.
    const side = Math.min(label.height - 5, label.width * 0.4);
    const bc = sym ? barcodeSvg(sym, { heightMm: side, maxWidthMm: side, square: true, label: `QR ${item.barcode}` }) : null;
    return (
      <div className="lb lb-room" style={box} data-code={item.barcode}>
        {bc ? <div className="lb-bc" dangerouslySetInnerHTML={{ __html: bc.html }} /> : null}
        <div className="lb-text">
          <div className="lb-title" style={{ fontSize: `${Math.min(18, label.height * 0.9)}pt` }}>{item.title}</div>
          {item.lines.slice(0, small ? 0 : 3).map((t, i) => (
            <div key={i} className="lb-line">{t}</div>
          ))}
        </div>
      </div>
    );
  }
  const sym = code128(item.barcode);
  const barH = small ? label.height - 6.5 : Math.min(12, label.height * 0.38);
  const bc = sym ? barcodeSvg(sym, { heightMm: barH, maxWidthMm: inner - 5, preferredModule: 0.25, label: `Barcode ${item.barcode}` }) : null;
  const titleSize = item.kind === 'room' ? Math.min(16, label.height * 0.45) : small ? 7 : 10;
  return (
    <div className={`lb lb-${item.kind}`} style={box} data-code={item.barcode}>
      {bc ? <div className="lb-bc" dangerouslySetInnerHTML={{ __html: bc.html }} /> : null}
      <div className="lb-title" style={{ fontSize: `${titleSize}pt` }}>
        {item.title}
        {item.highRisk ? <span className="lb-hr">HR</span> : null}
      </div>
      {item.lines.slice(0, small ? 0 : label.height > 30 ? 2 : 1).map((t, i) => (
        <div key={i} className="lb-line">{t}</div>
      ))}
    </div>
  );
}
