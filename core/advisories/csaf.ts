// A defensive reader for CSAF 2.0 security advisories (OASIS CSAF v2.0, §3.2 document, §3.1.2
// product_tree, §3.2.3 vulnerabilities), as CISA publishes its ICSMA medical advisories.
// Input is `unknown` (hostile JSON is expected): anything malformed becomes an error value or a
// warning, never an exception. Only the fields matching needs are kept, bounded in size.
import { cleanText } from '../model/observation';
import type { CvssScore } from './cvss';
import { readCvss } from './cvss';
import type { VersionSpec } from './version-range';
import { parseVersionSpec, versionFromProductName } from './version-range';

export const REMEDIATION_CATEGORIES = ['vendor_fix', 'mitigation', 'workaround', 'none_available', 'no_fix_planned'] as const;
export type RemediationCategory = (typeof REMEDIATION_CATEGORIES)[number] | 'other';

export interface Remediation {
  category: RemediationCategory;
  details: string;
  url?: string;
  productIds: string[];
}

export interface ScoredCvss extends CvssScore {
  /** Product ids the score applies to (all affected products when the advisory names none). */
  products: string[];
}

export interface AdvisoryVulnerability {
  cve?: string;
  title?: string;
  cwe?: string;
  summary?: string;
  scores: ScoredCvss[];
  knownAffected: string[];
  knownNotAffected: string[];
  fixed: string[];
  remediations: Remediation[];
}

/** One product entry flattened out of the product tree. */
export interface AdvisoryProduct {
  productId: string;
  vendor: string;
  product: string;
  /** The version leaf as written ("<= 2.3.6", "vers:all/*"), when there is one. */
  versionText?: string;
  versionCategory?: string;
  spec: VersionSpec;
  /** The CSAF full product name ("Alaris PC Unit: Versions 9.13 9.19…"). */
  fullName: string;
  via: 'branch' | 'full_product_name' | 'relationship';
  /** Product family branch, when present. */
  family?: string;
}

export interface Advisory {
  trackingId: string;
  title: string;
  /** tracking.version as written ("2", "1.0.0"). */
  version: string;
  /** tracking.version parsed for ordering ([2], [1, 0, 0]). */
  versionKey: number[];
  currentReleaseDate?: string;
  initialReleaseDate?: string;
  status?: string;
  publisher?: string;
  /** The advisory's own web page, when a `self` reference gives one. */
  url?: string;
  products: AdvisoryProduct[];
  vulnerabilities: AdvisoryVulnerability[];
  /** Parts that were malformed and skipped, for the import report. */
  warnings: string[];
  /** Where it came from (file name), set by the importer. */
  source?: string;
}

export type CsafResult = { ok: true; advisory: Advisory } | { ok: false; error: string };

const LIMITS = { products: 20_000, vulns: 5_000, ids: 5_000, depth: 12, text: 2_000, warnings: 50 };
export const MAX_CSAF_BYTES = 32 * 1024 * 1024;

type Obj = Record<string, unknown>;
function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
function str(x: unknown, max = 256): string | undefined {
  if (typeof x === 'string') {
    const t = cleanText(x, max);
    return t || undefined;
  }
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return undefined;
}
function ids(x: unknown): string[] {
  const out: string[] = [];
  for (const v of arr(x).slice(0, LIMITS.ids)) {
    const s = str(v, 128);
    if (s) out.push(s);
  }
  return out;
}

/** "2" → [2]; "1.0.0" → [1, 0, 0]; anything else → [] (orders first). */
export function versionKey(v: string): number[] {
  const m = v.trim().match(/^\d+(\.\d+){0,4}/);
  return m ? m[0].split('.').map((p) => Math.min(Number(p), 1e9)) : [];
}

/** Parse JSON text, then read it. Size-bounded; JSON errors come back as values. */
export function parseCsafText(text: string, source?: string): CsafResult {
  if (typeof text !== 'string') return { ok: false, error: 'not text' };
  if (text.length > MAX_CSAF_BYTES) return { ok: false, error: `too large (${text.length} characters; limit ${MAX_CSAF_BYTES})` };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${cleanText(e instanceof Error ? e.message : String(e), 160)}` };
  }
  const r = parseCsaf(json);
  if (r.ok && source) r.advisory.source = source;
  return r;
}

/** Read a parsed CSAF 2.0 document. */
export function parseCsaf(json: unknown): CsafResult {
  try {
    return readDocument(json);
  } catch (e) {
    // Defensive net: nothing above should throw, but a reader of hostile input must never crash.
    return { ok: false, error: `unreadable advisory: ${cleanText(e instanceof Error ? e.message : String(e), 160)}` };
  }
}

function readDocument(json: unknown): CsafResult {
  if (!isObj(json)) return { ok: false, error: 'not a JSON object' };
  const doc = json.document;
  if (!isObj(doc)) return { ok: false, error: "no 'document' object (not CSAF)" };
  const csafVersion = str(doc.csaf_version);
  if (csafVersion && !csafVersion.startsWith('2.')) return { ok: false, error: `unsupported csaf_version ${csafVersion}` };
  const tracking = doc.tracking;
  if (!isObj(tracking)) return { ok: false, error: "no 'document.tracking'" };
  const trackingId = str(tracking.id, 128);
  if (!trackingId) return { ok: false, error: "no 'document.tracking.id'" };
  const warnings: string[] = [];
  const warn = (w: string) => {
    if (warnings.length < LIMITS.warnings) warnings.push(w);
  };
  let version = str(tracking.version, 32) ?? '';
  if (!version) {
    // fall back to the highest revision_history number
    const nums = arr(tracking.revision_history).map((r) => (isObj(r) ? str(r.number, 32) : undefined)).filter((x): x is string => !!x);
    version = nums.sort((a, b) => cmpKey(versionKey(a), versionKey(b))).pop() ?? '';
    warn("no 'tracking.version'; took the latest revision_history number");
  }
  let url: string | undefined;
  for (const r of arr(doc.references)) {
    if (isObj(r) && r.category === 'self') {
      const u = str(r.url, 512);
      if (u && /^https:\/\//.test(u) && !u.endsWith('.json')) url = u;
    }
  }
  const products = readProductTree(json.product_tree, warn);
  const vulnerabilities: AdvisoryVulnerability[] = [];
  for (const v of arr(json.vulnerabilities).slice(0, LIMITS.vulns)) {
    if (!isObj(v)) {
      warn('a vulnerability that is not an object was skipped');
      continue;
    }
    vulnerabilities.push(readVulnerability(v, warn));
  }
  if (Array.isArray(json.vulnerabilities) && json.vulnerabilities.length > LIMITS.vulns) warn(`only the first ${LIMITS.vulns} vulnerabilities were read`);
  const advisory: Advisory = {
    trackingId,
    title: str(doc.title, 512) ?? trackingId,
    version,
    versionKey: versionKey(version),
    products,
    vulnerabilities,
    warnings,
  };
  const cur = str(tracking.current_release_date, 40);
  const init = str(tracking.initial_release_date, 40);
  const status = str(tracking.status, 32);
  const publisher = isObj(doc.publisher) ? str(doc.publisher.name, 128) : undefined;
  if (cur) advisory.currentReleaseDate = cur;
  if (init) advisory.initialReleaseDate = init;
  if (status) advisory.status = status;
  if (publisher) advisory.publisher = publisher;
  if (url) advisory.url = url;
  return { ok: true, advisory };
}

function readVulnerability(v: Obj, warn: (w: string) => void): AdvisoryVulnerability {
  const ps = isObj(v.product_status) ? v.product_status : {};
  const knownAffected = [...ids(ps.known_affected), ...ids(ps.first_affected), ...ids(ps.last_affected)];
  const out: AdvisoryVulnerability = {
    scores: [],
    knownAffected,
    knownNotAffected: ids(ps.known_not_affected),
    fixed: [...ids(ps.fixed), ...ids(ps.first_fixed)],
    remediations: [],
  };
  const cve = str(v.cve, 32);
  if (cve && /^CVE-\d{4}-\d{4,}$/i.test(cve)) out.cve = cve.toUpperCase();
  else if (cve) warn(`malformed CVE id '${cve}'`);
  const title = str(v.title, 256);
  if (title) out.title = title;
  if (isObj(v.cwe)) {
    const id = str(v.cwe.id, 32);
    const name = str(v.cwe.name, 200);
    if (id) out.cwe = name ? `${id} ${name}` : id;
  }
  for (const n of arr(v.notes)) {
    if (isObj(n) && (n.category === 'summary' || n.category === 'description') && !out.summary) {
      const t = str(n.text, LIMITS.text);
      if (t) out.summary = t;
    }
  }
  for (const s of arr(v.scores)) {
    if (!isObj(s)) continue;
    const products = ids(s.products);
    const v3 = readCvss(s.cvss_v3, 'v3');
    const v2 = readCvss(s.cvss_v2, 'v2');
    if (v3) out.scores.push({ ...v3, products: products.length ? products : knownAffected });
    if (v2) out.scores.push({ ...v2, products: products.length ? products : knownAffected });
    if (!v3 && !v2 && (s.cvss_v3 || s.cvss_v2)) warn(`unreadable CVSS score for ${out.cve ?? 'a vulnerability'}`);
  }
  for (const r of arr(v.remediations)) {
    if (!isObj(r)) continue;
    const cat = str(r.category, 32) ?? '';
    const category: RemediationCategory = (REMEDIATION_CATEGORIES as readonly string[]).includes(cat) ? (cat as RemediationCategory) : 'other';
    const rem: Remediation = { category, details: str(r.details, LIMITS.text) ?? '', productIds: [...ids(r.product_ids), ...ids(r.group_ids)] };
    const u = str(r.url, 512);
    if (u && /^https?:\/\//i.test(u)) rem.url = u;
    out.remediations.push(rem);
  }
  return out;
}

interface Ctx {
  vendor?: string;
  productName?: string;
  family?: string;
  versionText?: string;
  versionCategory?: string;
}

function readProductTree(tree: unknown, warn: (w: string) => void): AdvisoryProduct[] {
  const out: AdvisoryProduct[] = [];
  if (!isObj(tree)) {
    if (tree !== undefined) warn("'product_tree' is not an object");
    return out;
  }
  const byId = new Map<string, AdvisoryProduct>();
  const push = (p: AdvisoryProduct) => {
    if (out.length >= LIMITS.products) return;
    out.push(p);
    if (!byId.has(p.productId)) byId.set(p.productId, p);
  };

  const walk = (branches: unknown, ctx: Ctx, depth: number) => {
    if (depth > LIMITS.depth) {
      warn('product tree deeper than expected; the rest was skipped');
      return;
    }
    for (const b of arr(branches)) {
      if (!isObj(b)) continue;
      const category = str(b.category, 64) ?? '';
      const name = str(b.name, 400) ?? '';
      const next: Ctx = { ...ctx };
      if (category === 'vendor') next.vendor = name;
      else if (category === 'product_name') next.productName = name;
      else if (category === 'product_family') next.family = next.family ? `${next.family} ${name}` : name;
      else if (category === 'product_version' || category === 'product_version_range') {
        next.versionText = name;
        next.versionCategory = category;
      }
      if (isObj(b.product)) {
        const fp = readFullProductName(b.product, next, 'branch');
        if (fp) push(fp);
        else warn(`a product in branch '${name}' has no product_id`);
      }
      walk(b.branches, next, depth + 1);
    }
  };
  walk(tree.branches, {}, 0);

  for (const fp of arr(tree.full_product_names)) {
    if (!isObj(fp)) continue;
    const p = readFullProductName(fp, {}, 'full_product_name');
    if (p) push(p);
  }

  for (const r of arr(tree.relationships)) {
    if (!isObj(r) || !isObj(r.full_product_name)) continue;
    const component = byId.get(str(r.product_reference, 128) ?? '');
    const platform = byId.get(str(r.relates_to_product_reference, 128) ?? '');
    const base = platform ?? component;
    const id = str(r.full_product_name.product_id, 128);
    const fullName = str(r.full_product_name.name, 400) ?? '';
    if (!id) continue;
    const rel = (str(r.category, 64) ?? 'related').replace(/_/g, ' ');
    if (!base) {
      push({ productId: id, vendor: '', product: fullName, spec: parseVersionSpec('vers:all/*'), fullName, via: 'relationship' });
      continue;
    }
    // The device an asset would be is the platform; the component is a condition on it.
    const note = component && platform ? `${component.product} ${component.versionText ?? ''}`.trim() + ` (${rel})` : rel;
    const spec: VersionSpec = base.spec.kind === 'unparsed' ? base.spec : { ...base.spec, qualifier: [('qualifier' in base.spec ? base.spec.qualifier : undefined), note].filter(Boolean).join('; ') } as VersionSpec;
    const p: AdvisoryProduct = { productId: id, vendor: base.vendor, product: base.product, spec, fullName, via: 'relationship' };
    if (base.versionText) p.versionText = base.versionText;
    if (base.versionCategory) p.versionCategory = base.versionCategory;
    push(p);
  }
  return out;
}

/** CPE 2.3 formatted string: cpe:2.3:part:vendor:product:version:… (NISTIR 7695 §6.2). */
function fromCpe(cpe: string): { vendor: string; product: string; version?: string } | undefined {
  const m = cpe.match(/^cpe:2\.3:[aoh]:([^:]+):([^:]+):([^:]+)/i);
  if (!m) return undefined;
  const un = (s: string) => s.replace(/\\(.)/g, '$1').replace(/_/g, ' ');
  const out: { vendor: string; product: string; version?: string } = { vendor: un(m[1]!), product: un(m[2]!) };
  if (m[3] !== '*' && m[3] !== '-') out.version = un(m[3]!);
  return out;
}

function readFullProductName(fp: Obj, ctx: Ctx, via: AdvisoryProduct['via']): AdvisoryProduct | undefined {
  const productId = str(fp.product_id, 128);
  if (!productId) return undefined;
  const fullName = str(fp.name, 400) ?? '';
  let vendor = ctx.vendor ?? '';
  let product = ctx.productName ?? ctx.family ?? '';
  let versionText = ctx.versionText;
  let versionCategory = ctx.versionCategory;
  const helper = isObj(fp.product_identification_helper) ? fp.product_identification_helper : undefined;
  const cpe = helper ? str(helper.cpe, 400) : undefined;
  if (cpe && (!vendor || !product)) {
    const c = fromCpe(cpe);
    if (c) {
      vendor ||= c.vendor;
      product ||= c.product;
      if (!versionText && c.version) {
        versionText = c.version;
        versionCategory = 'product_version';
      }
    }
  }
  if (!product) product = fullName;
  let spec = versionText
    ? parseVersionSpec(versionText, { category: versionCategory ?? 'product_version', productName: product, fullName })
    : ({ kind: 'all', text: '', qualifier: 'no version given' } as VersionSpec);
  // "Xeleris 3.1: all versions" is version 3.1 of Xeleris, not every version of it.
  if (spec.kind === 'all' && !spec.qualifier) spec = versionFromProductName(product) ?? spec;
  const out: AdvisoryProduct = { productId, vendor, product, spec, fullName, via };
  if (versionText !== undefined) out.versionText = versionText;
  if (versionCategory) out.versionCategory = versionCategory;
  if (ctx.family) out.family = ctx.family;
  return out;
}

function cmpKey(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Order two revisions of one advisory: by tracking.version, then by current_release_date. */
export function compareRevisions(a: Advisory, b: Advisory): number {
  const c = cmpKey(a.versionKey, b.versionKey);
  if (c !== 0) return c;
  const da = a.currentReleaseDate ?? '';
  const db = b.currentReleaseDate ?? '';
  return da < db ? -1 : da > db ? 1 : 0;
}

export interface Superseded {
  trackingId: string;
  kept: string;
  dropped: string;
  droppedSource?: string;
}

/**
 * Keep one revision per tracking id: a newer revision replaces an older one, whatever the order
 * they arrive in. Returns the kept advisories (in first-seen order) and what was superseded.
 */
export function mergeRevisions(existing: readonly Advisory[], incoming: readonly Advisory[] = []): { advisories: Advisory[]; superseded: Superseded[] } {
  const byId = new Map<string, Advisory>();
  const superseded: Superseded[] = [];
  for (const a of [...existing, ...incoming]) {
    const key = a.trackingId.toUpperCase();
    const cur = byId.get(key);
    if (!cur) {
      byId.set(key, a);
      continue;
    }
    const newer = compareRevisions(a, cur) > 0;
    const [kept, dropped] = newer ? [a, cur] : [cur, a];
    byId.set(key, kept);
    const s: Superseded = { trackingId: kept.trackingId, kept: kept.version, dropped: dropped.version };
    if (dropped.source) s.droppedSource = dropped.source;
    superseded.push(s);
  }
  return { advisories: [...byId.values()], superseded };
}
