// Barcodes as inline SVG from bwip-js (Code 128 for asset tags and room codes, QR for room labels).
// Vector output: the printed bars stay sharp at any printer resolution and in PDFs. Symbols are cached
// by text, since a 500-room survey prints thousands of them.
import bwipjs from 'bwip-js/browser';

export interface Symbol2 {
  /** The SVG's inner markup (paths) with its viewBox. */
  body: string;
  viewWidth: number;
  viewHeight: number;
  /** Width in modules (narrow bars, or QR cells). */
  modules: number;
}

const cache = new Map<string, Symbol2 | null>();
const MAX_CACHE = 20_000;

function render(kind: 'code128' | 'qrcode', text: string): Symbol2 | null {
  const key = kind + '\u0000' + text;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out: Symbol2 | null = null;
  try {
    // scale 1: one SVG unit per module, so the viewBox width is the module count.
    const svg = bwipjs.toSVG(kind === 'code128' ? { bcid: 'code128', text, scale: 1, height: 8, includetext: false } : { bcid: 'qrcode', text, scale: 1 });
    const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const start = svg.indexOf('>') + 1;
    const end = svg.lastIndexOf('</svg>');
    if (m && start > 0 && end > start) {
      const viewWidth = Number(m[1]);
      const viewHeight = Number(m[2]);
      out = { body: barsAsFills(svg.slice(start, end)), viewWidth, viewHeight, modules: viewWidth };
    }
  } catch {
    out = null; // text the symbology cannot encode: the caller prints the text alone
  }
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, out);
  return out;
}

/**
 * bwip-js draws linear bars as stroked lines. Stretched with preserveAspectRatio="none", Chromium's
 * PDF output turned 1-unit strokes into hairlines (1 px at any resolution: unreadable). Filled
 * rectangles scale exactly, so each `M x y1 L x y2` stroke of width w becomes a filled w-wide bar.
 */
export function barsAsFills(body: string): string {
  return body.replace(/<path stroke="([^"]*)" stroke-width="([\d.]+)" d="([^"]*)"\s*\/>/g, (whole, color: string, sw: string, d: string) => {
    const w = Number(sw);
    const parts: string[] = [];
    const seg = /M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)/g;
    let m: RegExpExecArray | null;
    while ((m = seg.exec(d))) {
      const x = Number(m[1]);
      const y1 = Number(m[2]);
      const y2 = Number(m[4]);
      if (Number(m[3]) !== x) return whole; // not a vertical bar: leave it as drawn
      const top = Math.min(y1, y2);
      parts.push(`M${+(x - w / 2).toFixed(3)} ${top}h${w}v${Math.abs(y2 - y1)}h${-w}Z`);
    }
    return parts.length ? `<path fill="${color}" d="${parts.join('')}"/>` : whole;
  });
}

export function code128(text: string): Symbol2 | null {
  return render('code128', text);
}

export function qrCode(text: string): Symbol2 | null {
  return render('qrcode', text);
}

/**
 * SVG markup sized in millimetres. Code 128: bars stretched to `heightMm`, module width
 * `preferredModule` (0.25 mm ≈ 10 mil) unless the symbol would be wider than `maxWidthMm`.
 */
export function barcodeSvg(sym: Symbol2, opts: { heightMm: number; maxWidthMm: number; preferredModule?: number; square?: boolean; label?: string }): { html: string; widthMm: number; moduleMm: number } {
  const module = opts.square ? opts.maxWidthMm / sym.modules : Math.min(opts.preferredModule ?? 0.25, opts.maxWidthMm / sym.modules);
  const widthMm = round(sym.modules * module);
  const heightMm = opts.square ? widthMm : opts.heightMm;
  const aria = opts.label ? ` role="img" aria-label="${escapeAttr(opts.label)}"` : ' aria-hidden="true"';
  const html = `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${round(heightMm)}mm" viewBox="0 0 ${sym.viewWidth} ${sym.viewHeight}" preserveAspectRatio="none" shape-rendering="crispEdges"${aria}>${sym.body}</svg>`;
  return { html, widthMm, moduleMm: round(module, 4) };
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
