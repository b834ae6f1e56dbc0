import { describe, expect, it } from 'vitest';
import { barcodeSvg, barsAsFills, code128, qrCode } from './barcode';

describe('barcode SVG', () => {
  it('turns stroked bars into filled bars of the same width', () => {
    const body = '<path stroke="#000000" stroke-width="2" d="M1 24L1 0M18 24L18 0" />\n<path stroke="#000000" stroke-width="1" d="M3.50 24L3.50 0" />';
    expect(barsAsFills(body)).toBe('<path fill="#000000" d="M0 0h2v24h-2ZM17 0h2v24h-2Z"/>\n<path fill="#000000" d="M3 0h1v24h-1Z"/>');
  });

  it('renders Code 128 with no strokes, one viewBox unit per module, and sizes it in mm', () => {
    const sym = code128('BME-0001')!;
    expect(sym.body).not.toContain('stroke');
    // start + 8 symbols (B, M, E, -, then code C "00" "01"... ) + check + stop: the symbol is 11k + 2 modules wide
    expect((sym.modules - 2) % 11).toBe(0);
    const bars = [...sym.body.matchAll(/h([\d.]+)v/g)].reduce((a, m) => a + Number(m[1]), 0);
    // Code 128: every symbol has 11 modules of which bars take an even share: dark modules < total
    expect(bars).toBeGreaterThan(sym.modules * 0.35);
    expect(bars).toBeLessThan(sym.modules * 0.65);
    const svg = barcodeSvg(sym, { heightMm: 7, maxWidthMm: 100, label: 'Barcode <x>' });
    expect(svg.moduleMm).toBe(0.25);
    expect(svg.html).toContain(`width="${sym.modules * 0.25}mm"`);
    expect(svg.html).toContain('aria-label="Barcode &#60;x&#62;"');
    expect(barcodeSvg(sym, { heightMm: 7, maxWidthMm: 20 }).moduleMm).toBeCloseTo(20 / sym.modules, 4);
    expect(qrCode('ROOM:3.14')).not.toBeNull();
  });
});
