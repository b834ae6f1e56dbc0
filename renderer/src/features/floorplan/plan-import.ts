// Turning a chosen file into a floor plan image: PNG/JPEG/SVG as they are (data: URL), a PDF page
// rendered to PNG with pdf.js. pdf.js runs its worker from our own origin (CSP: worker-src 'self'
// blob:, script-src 'self'); pdf.js 5 no longer uses eval for fonts, and WebAssembly decoders are
// turned off (the CSP has no 'wasm-unsafe-eval'), so JPX/JBIG2 images fall back to JS decoding.
import type { FloorPlanImage } from '../../../../core/model/location';
import type { SheetResponse } from './sheet.worker';
import SheetWorker from './sheet.worker?worker';

export const MAX_PLAN_BYTES = 30 * 1024 * 1024;

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('The image could not be decoded.'));
    img.src = url;
  });
}

/** SVGs without width/height report 0×0 (or 150×300): use their viewBox instead. */
function svgSize(text: string): { width: number; height: number } | undefined {
  const vb = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(text);
  if (vb) return { width: Math.round(Number(vb[1])), height: Math.round(Number(vb[2])) };
  return undefined;
}

export function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

export async function pdfPageCount(file: File): Promise<number> {
  const doc = await openPdf(file);
  try {
    return doc.numPages;
  } finally {
    void doc.destroy();
  }
}

async function openPdf(file: File) {
  const pdfjs = await import('pdfjs-dist');
  if (!pdfjs.GlobalWorkerOptions.workerPort) {
    const { default: PdfWorker } = await import('pdfjs-dist/build/pdf.worker.min.mjs?worker');
    pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker();
  }
  const data = new Uint8Array(await file.arrayBuffer());
  return pdfjs.getDocument({ data, useWasm: false, disableFontFace: true, useSystemFonts: false, enableXfa: false }).promise;
}

/** Render one page (1-based) of a PDF to a PNG plan, longest side about 2,400 px. */
export async function pdfPageToPlan(file: File, pageNumber: number): Promise<FloorPlanImage> {
  const doc = await openPdf(file);
  try {
    if (pageNumber < 1 || pageNumber > doc.numPages) throw new Error(`The PDF has ${doc.numPages} pages.`);
    const page = await doc.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(4, 2400 / Math.max(base.width, base.height));
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas available.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: ctx, viewport }).promise;
    return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
  } finally {
    void doc.destroy();
  }
}

/** A PNG, JPEG or SVG file as a plan. */
export async function imageToPlan(file: File): Promise<FloorPlanImage> {
  if (file.size > MAX_PLAN_BYTES) throw new Error('The plan is larger than 30 MB.');
  const isSvg = file.type === 'image/svg+xml' || /\.svg$/i.test(file.name);
  if (!isSvg && !/^image\/(png|jpeg)$/.test(file.type) && !/\.(png|jpe?g)$/i.test(file.name)) throw new Error('Choose a PNG, JPEG, SVG or PDF file.');
  let dataUrl: string;
  let size: { width: number; height: number };
  if (isSvg) {
    const text = await file.text();
    dataUrl = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
    const natural = await imageSize(dataUrl);
    size = svgSize(text) ?? natural;
  } else {
    dataUrl = await readAsDataUrl(file);
    size = await imageSize(dataUrl);
  }
  if (!size.width || !size.height) throw new Error('The image has no size.');
  // Very large rasters are kept as they are but shown scaled; SVGs get a workable pixel size.
  if (isSvg && Math.max(size.width, size.height) < 800) {
    const k = 1600 / Math.max(size.width, size.height);
    size = { width: Math.round(size.width * k), height: Math.round(size.height * k) };
  }
  return { dataUrl, width: size.width, height: size.height };
}

/** Parse a spreadsheet in a worker; resolves with rows of text. */
export function readSheet(file: File): Promise<string[][]> {
  if (file.size > 20 * 1024 * 1024) return Promise.reject(new Error('The spreadsheet is larger than 20 MB.'));
  return file.arrayBuffer().then(
    (buffer) =>
      new Promise<string[][]>((resolve, reject) => {
        const w = new SheetWorker();
        const timer = setTimeout(() => {
          w.terminate();
          reject(new Error('Reading the spreadsheet took too long.'));
        }, 30_000);
        w.onmessage = (e: MessageEvent<SheetResponse>) => {
          clearTimeout(timer);
          w.terminate();
          if (e.data.ok) resolve(e.data.rows);
          else reject(new Error(e.data.error));
        };
        w.onerror = (e) => {
          clearTimeout(timer);
          w.terminate();
          reject(new Error(e.message || 'The spreadsheet reader failed.'));
        };
        w.postMessage({ buffer }, [buffer]);
      }),
  );
}
