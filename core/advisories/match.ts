// Matching inventory assets to advisory products: vendor (through the alias groups), product name
// (token similarity with model-number awareness), then version (the advisory's range). Every match
// carries a confidence in 0..1 and its reasons; a match that is not certain says 'possible'.
// Pure: no I/O. Rules (aliases, stop words) are data; this file is the matcher.
import type { Advisory, AdvisoryProduct, AdvisoryVulnerability, Remediation, RemediationCategory } from './csaf';
import type { VersionCheck, VersionVerdict } from './version-range';
import { checkVersion, describeSpec } from './version-range';
import type { VendorIdentity } from './vendors';
import { identifyVendors, vendorAgreement } from './vendors';

/** The asset fields matching reads (a core/model Asset fits; so does a plain JSON row). */
export interface MatchableAsset {
  id: string;
  assetTag?: string;
  maker?: string;
  makerOriginal?: string;
  model?: string;
  description?: string;
  softwareVersion?: string;
  firmware?: string;
  installDate?: string;
}

export type Certainty = 'match' | 'possible';
export type Action = 'patch' | 'mitigate' | 'segment' | 'disable-service' | 'contact-vendor';

export interface RecommendedAction {
  action: Action;
  /** The advisory's own words, shortened. */
  text: string;
  category: RemediationCategory | 'none';
  url?: string;
}

export interface AdvisoryMatch {
  assetId: string;
  assetTag?: string;
  advisoryId: string;
  advisoryTitle: string;
  advisoryVersion: string;
  advisoryUrl?: string;
  vendor: string;
  product: string;
  productIds: string[];
  /** The version leaf as written, and how it was read. */
  versionText: string;
  versionRange: string;
  verdict: VersionVerdict;
  versionReason: string;
  /** A condition the advisory attaches that was not checked ("with Wireless Battery Modules…"). */
  condition?: string;
  certainty: Certainty;
  /** 0..1 */
  confidence: number;
  reasons: string[];
  cves: string[];
  /** Highest CVSS base score among the vulnerabilities that apply, with its vector. */
  cvss?: { score: number; vector: string; version: string; severity: string };
  remediations: Remediation[];
  recommended: RecommendedAction;
}

export const THRESHOLDS = { match: 0.75, possible: 0.55 } as const;

// Words that say nothing about which product it is.
const STOP = new Set([
  'the', 'a', 'an', 'and', 'or', 'with', 'for', 'of', 'by', 'on', 'in', 'to', 'only', 'all', 'model', 'models', 'version',
  'versions', 'sw', 'series', 'family', 'type', 'no', 'number', 'enabled', 'including', 'integrated', 'based', 'inc',
  'ltd', 'release', 'rev', 'revision', 'w', 'x', 'tm', 'r', 'c', 'option', 'products', 'product',
]);
// Words that say what kind of thing it is, not which: half weight, never enough on their own.
const GENERIC = new Set([
  'system', 'systems', 'monitor', 'monitors', 'pump', 'pumps', 'unit', 'units', 'device', 'devices', 'station', 'server',
  'workstation', 'medical', 'patient', 'infusion', 'software', 'module', 'modules', 'application', 'app', 'controller',
  'programmer', 'portal', 'client', 'web', 'base', 'interface', 'gateway', 'data', 'manager', 'center', 'centre',
  'information', 'wireless', 'wlan', 'bed', 'machine', 'healthcare', 'clinical', 'remote', 'monitoring', 'management',
  'syringe', 'smart', 'plus', 'pro', 'new', 'windows', 'ultrasound', 'scanner', 'imaging', 'viewer', 'display',
]);

interface Tok {
  t: string;
  w: number;
  model: boolean;
  ver: boolean;
  /** A model-number range written in the product name ("MX400-550", "MP20-MP90"). */
  range?: { prefix: string; lo: number; hi: number };
}

/** "MX400-550", "MP20-MP90", "MX 400 - 550": a family of model numbers. */
const MODEL_RANGE = /\b([a-z]{1,4}) ?(\d{2,5}) ?- ?(?:\1)? ?(\d{2,5})\b/g;

function inRange(x: Tok, r: NonNullable<Tok['range']>): boolean {
  const m = x.t.match(/^([a-z]{1,4})(\d{2,5})[a-z]?$/);
  if (!m || m[1] !== r.prefix) return false;
  const n = Number(m[2]);
  return n >= r.lo && n <= r.hi;
}

/**
 * Product text → weighted tokens. Trademark signs and punctuation go; "MX 40", "MMT-1710" and
 * "B650" all become one model token ("mx40", "mmt1710", "b650"); dotted numbers stay one version
 * token ("8.0"); vendor words are dropped (products often repeat the vendor's name).
 */
export function productTokens(text: string, vendorWords: ReadonlySet<string> = new Set()): Tok[] {
  const folded = text
    .slice(0, 400)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const ranges: Tok[] = [];
  for (const m of folded.matchAll(MODEL_RANGE)) {
    const lo = Number(m[2]);
    const hi = Number(m[3]);
    if (hi > lo && hi - lo <= 5000) ranges.push({ t: `${m[1]}${lo}-${hi}`, w: 1.5, model: true, ver: false, range: { prefix: m[1]!, lo, hi } });
  }
  const t = folded
    .replace(MODEL_RANGE, ' ')
    .replace(/[™®©]/g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ')
    // a dot survives only between a digit and a digit (or an "x" wildcard): "8.0.x", "1.5"
    .replace(/(?<!\d)\.|\.(?!\d|x\b)/g, ' ');
  const raw = t.split(' ').filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    const b = raw[i + 1];
    // "mx 40", "mmt 1710", "hd 16": a short letter prefix joined to the number after it
    if (b && /^[a-z]{1,4}$/.test(a) && /^\d{2,}[a-z]?$/.test(b) && !STOP.has(a) && !GENERIC.has(a)) {
      merged.push(a + b);
      i++;
      continue;
    }
    merged.push(a);
  }
  const out: Tok[] = [];
  const seen = new Set<string>();
  for (let w of merged) {
    // plural → singular for plain words ("workplaces", "monitors"), not for model codes
    if (w.length > 4 && /^[a-z]+s$/.test(w) && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
    if (seen.has(w) || STOP.has(w) || vendorWords.has(w)) continue;
    seen.add(w);
    const ver = /^\d+(\.[\dx]+)+$/.test(w) || /^\d{1,2}$/.test(w);
    const model = !ver && /\d/.test(w) && w.length >= 3;
    const weight = ver ? 0.5 : GENERIC.has(w) ? 0.4 : model ? 1.5 : 1;
    out.push({ t: w, w: weight, model, ver });
  }
  out.push(...ranges);
  // A product named after its maker ("OpenClinic GA" by OpenClinic GA) keeps the maker's words.
  if (!out.some((x) => x.w >= 1) && vendorWords.size) return productTokens(text);
  return out;
}

export interface ProductSimilarity {
  score: number;
  shared: number;
  of: number;
  reasons: string[];
}

/** Similarity of an asset's model text and an advisory product name, in 0..1, with reasons. */
export function productSimilarity(asset: readonly Tok[], product: readonly Tok[]): ProductSimilarity {
  if (!asset.length || !product.length) return { score: 0, shared: 0, of: product.length, reasons: [] };
  const pset = new Map(product.map((x) => [x.t, x]));
  let wA = 0;
  let wB = 0;
  let wI = 0;
  let shared = 0;
  let distinct = 0;
  let sharedModel: string | undefined;
  for (const x of product) wB += x.w;
  const ranges = product.filter((x) => x.range);
  for (const x of asset) {
    wA += x.w;
    const y = pset.get(x.t) ?? (x.model ? ranges.find((r) => inRange(x, r.range!)) : undefined);
    if (y) {
      wI += y.w;
      shared++;
      if (y.w >= 1) distinct++;
      if (y.model) sharedModel ??= y.t;
    }
  }
  const covA = wI / wA;
  const covB = wI / wB;
  let score = (covA + covB) / 2;
  const reasons = [`product tokens ${shared}/${product.length}`];
  if (distinct === 0) return { score: Math.min(score, 0.3), shared, of: product.length, reasons: [...reasons, 'only generic words shared'] };
  const full = covA > 0.999 || covB > 0.999;
  if (full && (sharedModel || distinct >= 2)) {
    score = Math.max(score, 0.85 + 0.15 * Math.min(covA, covB));
    if (covA < 0.999) reasons.push('product name within asset model');
    else if (covB < 0.999) reasons.push('asset model within product family');
  }
  const modelsA = asset.filter((x) => x.model).map((x) => x.t);
  const modelsB = product.filter((x) => x.model).map((x) => x.t);
  if (modelsA.length && modelsB.length && !sharedModel) {
    score *= 0.3;
    reasons.push(`model numbers differ (${modelsA.join(',')} vs ${modelsB.join(',')})`);
  } else if (sharedModel) {
    reasons.push(`model ${sharedModel} in both`);
    // a shared model code ("EX1150", "CMS8000") is worth a look even when the names differ otherwise
    if (sharedModel.length >= 4) score = Math.max(score, THRESHOLDS.possible + 0.05);
  }
  const versA = asset.filter((x) => x.ver).map((x) => x.t);
  const versB = product.filter((x) => x.ver).map((x) => x.t);
  if (versA.length && versB.length && !versA.some((v) => versB.includes(v))) {
    score *= 0.6;
    reasons.push(`versions in the names differ (${versA.join(',')} vs ${versB.join(',')})`);
  }
  return { score: Math.min(1, score), shared, of: product.length, reasons };
}

// ---------------------------------------------------------------------------------------------
// Index

interface IndexedProduct {
  advisory: Advisory;
  product: AdvisoryProduct;
  vendors: VendorIdentity[];
  /** Token lists to compare against: the product name, and name + variant when the leaf names one. */
  texts: { label: string; toks: Tok[] }[];
}

export interface AdvisoryIndex {
  entries: IndexedProduct[];
  /** Distinctive token → entry indexes (candidate lookup). */
  byToken: Map<string, number[]>;
  advisories: number;
  /** Inventories repeat makers and models: their vendor identities and tokens are worked out once. */
  memo: Map<string, { vendors: VendorIdentity[]; toks: Tok[] }>;
}

function vendorWordsOf(vendors: readonly VendorIdentity[]): Set<string> {
  const s = new Set<string>();
  for (const v of vendors) {
    for (const w of `${v.text} ${v.name}`.toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 2) s.add(w);
  }
  for (const w of ['company', 'dickinson', 'becton', 'healthcare', 'general', 'electric', 'medical']) s.add(w);
  return s;
}

/** Precompute what matching needs for every product of every advisory. */
export function buildAdvisoryIndex(advisories: readonly Advisory[]): AdvisoryIndex {
  const entries: IndexedProduct[] = [];
  const byToken = new Map<string, number[]>();
  for (const advisory of advisories) {
    for (const product of advisory.products) {
      const vendors = identifyVendors(product.vendor);
      const vw = vendorWordsOf(vendors);
      const texts: { label: string; toks: Tok[] }[] = [];
      const name = product.family && !product.product.includes(product.family) ? `${product.family} ${product.product}` : product.product;
      texts.push({ label: name, toks: productTokens(name, vw) });
      if (product.spec.kind === 'variant') {
        const label = `${name} ${product.spec.variant}`;
        texts.push({ label, toks: productTokens(label, vw) });
        texts.push({ label: product.spec.variant, toks: productTokens(product.spec.variant, vw) });
      }
      const idx = entries.length;
      entries.push({ advisory, product, vendors, texts });
      const keys = new Set<string>();
      for (const x of texts) for (const tk of x.toks) if (tk.w >= 1) keys.add(tk.range ? `~${tk.range.prefix}` : tk.t);
      for (const k of keys) {
        let list = byToken.get(k);
        if (!list) byToken.set(k, (list = []));
        list.push(idx);
      }
    }
  }
  return { entries, byToken, advisories: advisories.length, memo: new Map() };
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Combine the software and firmware checks: disagreement is 'unknown', never 'affected'. */
function versionOf(p: AdvisoryProduct, a: MatchableAsset): VersionCheck {
  const facts = [
    { label: 'software', v: a.softwareVersion?.trim() },
    { label: 'firmware', v: a.firmware?.trim() },
  ].filter((f) => f.v);
  const base = a.installDate ? { installDate: a.installDate } : {};
  if (!facts.length) return checkVersion(p.spec, base);
  const checks = facts.map((f) => ({ f, c: checkVersion(p.spec, { ...base, version: f.v! }) }));
  if (checks.length === 1) return checks[0]!.c;
  const [s, fw] = checks as [(typeof checks)[0], (typeof checks)[0]];
  if (s.c.verdict === fw.c.verdict) return s.c;
  if (s.c.verdict === 'unknown') return fw.c;
  if (fw.c.verdict === 'unknown') return s.c;
  const out: VersionCheck = { verdict: 'unknown', reason: `software ${s.f.v} and firmware ${fw.f.v} disagree (${s.c.reason}; ${fw.c.reason})` };
  if (s.c.condition) out.condition = s.c.condition;
  return out;
}

const ACTION_ORDER: Record<Action, number> = { patch: 0, mitigate: 1, 'disable-service': 2, segment: 3, 'contact-vendor': 4 };

/** The advisory's recommended action for these products: patch if a vendor fix exists, else its mitigation. */
export function recommendAction(rems: readonly Remediation[]): RecommendedAction {
  const short = (s: string) => (s.length > 240 ? s.slice(0, 237) + '…' : s);
  // CISA's extraction sometimes files "BD has not developed a product fix…" under vendor_fix.
  const noFix = (r: Remediation) => /\b(not (yet )?(developed|released|available)|no (product )?(fix|patch|update))\b/i.test(r.details);
  const fix = rems.find((r) => r.category === 'vendor_fix' && !noFix(r));
  if (fix) {
    const out: RecommendedAction = { action: 'patch', text: short(fix.details || 'apply the vendor fix'), category: 'vendor_fix' };
    if (fix.url) out.url = fix.url;
    return out;
  }
  const mit = rems.find((r) => r.category === 'mitigation' || r.category === 'workaround' || r.category === 'vendor_fix');
  if (mit) {
    const d = mit.details.toLowerCase();
    const action: Action = /\b(disable|turn off|close port|block port|deactivate)\b/.test(d)
      ? 'disable-service'
      : /\b(segment|vlan|firewall|isolat|network|subnet)\w*/.test(d)
        ? 'segment'
        : 'mitigate';
    const out: RecommendedAction = { action, text: short(mit.details || mit.category), category: mit.category };
    if (mit.url) out.url = mit.url;
    return out;
  }
  const none = rems.find((r) => r.category === 'none_available' || r.category === 'no_fix_planned');
  if (none) return { action: 'segment', text: short(none.details || 'no fix available: isolate the device on its own network segment'), category: none.category };
  return { action: 'contact-vendor', text: 'the advisory gives no remediation for this product: ask the manufacturer', category: 'none' };
}

interface Candidate {
  e: IndexedProduct;
  sim: ProductSimilarity;
  vendor: { score: number; reason: string };
  label: string;
}

/** Match one asset against the index. */
export function matchAsset(index: AdvisoryIndex, asset: MatchableAsset): AdvisoryMatch[] {
  const modelText = asset.model?.trim() || asset.description?.trim() || '';
  if (!modelText) return [];
  const usedDescription = !asset.model?.trim();
  const key = `${asset.maker ?? ''}\u0000${asset.makerOriginal ?? ''}\u0000${modelText}`;
  let memo = index.memo.get(key);
  if (!memo) {
    const vendors = [...identifyVendors(asset.maker), ...identifyVendors(asset.makerOriginal)];
    memo = { vendors, toks: productTokens(modelText, vendorWordsOf(vendors)) };
    if (index.memo.size > 100_000) index.memo.clear();
    index.memo.set(key, memo);
  }
  const assetVendors = memo.vendors;
  const toks = memo.toks;
  if (!toks.length) return [];
  // candidates: entries sharing a distinctive token
  const cand = new Set<number>();
  for (const tk of toks) {
    if (tk.w < 1) continue;
    for (const i of index.byToken.get(tk.t) ?? []) cand.add(i);
    const prefix = tk.model ? tk.t.match(/^([a-z]{1,4})\d/)?.[1] : undefined;
    if (prefix) for (const i of index.byToken.get(`~${prefix}`) ?? []) cand.add(i);
  }
  const byAdvisory = new Map<string, Candidate[]>();
  for (const i of cand) {
    const e = index.entries[i]!;
    let vendor: { score: number; reason: string } | undefined;
    if (!assetVendors.length) vendor = { score: 0.6, reason: 'asset has no maker: product name only' };
    else {
      for (const av of assetVendors) {
        for (const pv of e.vendors) {
          const g = vendorAgreement(av, pv);
          if (g && (!vendor || g.score > vendor.score)) vendor = g;
        }
      }
    }
    if (!vendor) continue;
    let best: { sim: ProductSimilarity; label: string } | undefined;
    for (const x of e.texts) {
      const sim = productSimilarity(toks, x.toks);
      if (!best || sim.score > best.sim.score) best = { sim, label: x.label };
    }
    if (!best || best.sim.score < THRESHOLDS.possible) continue;
    const key = e.advisory.trackingId;
    let list = byAdvisory.get(key);
    if (!list) byAdvisory.set(key, (list = []));
    list.push({ e, sim: best.sim, vendor, label: best.label });
  }
  const out: AdvisoryMatch[] = [];
  for (const list of byAdvisory.values()) {
    const m = aggregate(asset, list, usedDescription);
    if (m) out.push(m);
  }
  out.sort((a, b) => b.confidence - a.confidence || a.advisoryId.localeCompare(b.advisoryId));
  return out;
}

const namedCache = new WeakMap<AdvisoryVulnerability, Set<string>>();
/** Every product id a vulnerability names (status, scores, remediations), worked out once. */
function namedProducts(v: AdvisoryVulnerability): Set<string> {
  let s = namedCache.get(v);
  if (!s) {
    s = new Set([...v.knownAffected, ...v.scores.flatMap((x) => x.products), ...v.remediations.flatMap((r) => r.productIds)]);
    namedCache.set(v, s);
  }
  return s;
}

const VERDICT_RANK: Record<VersionVerdict, number> = { affected: 0, unknown: 1, 'not-affected': 2 };

function aggregate(asset: MatchableAsset, list: Candidate[], usedDescription: boolean): AdvisoryMatch | undefined {
  const top = Math.max(...list.map((c) => c.sim.score * c.vendor.score));
  // The leaves of the best-matching product (several leaves = several version ranges of it).
  const leaves = list.filter((c) => c.sim.score * c.vendor.score >= top - 0.02);
  const checked = leaves.map((c) => ({ c, v: versionOf(c.e.product, asset) }));
  checked.sort((a, b) => VERDICT_RANK[a.v.verdict] - VERDICT_RANK[b.v.verdict] || b.c.sim.score - a.c.sim.score);
  const chosen = checked[0]!;
  const verdict = chosen.v.verdict;
  // Not affected (or unknown) is about every range of that product: show them all.
  const allRanges = verdict !== 'affected' && checked.length > 1;
  const versionReason = allRanges ? checked.map((x) => x.v.reason).join('; ') : chosen.v.reason;
  const versionText = allRanges ? [...new Set(checked.map((x) => x.c.e.product.versionText ?? ''))].join(' ; ') : (chosen.c.e.product.versionText ?? '');
  const versionRange = allRanges ? [...new Set(checked.map((x) => describeSpec(x.c.e.product.spec)))].join(' ; ') : describeSpec(chosen.c.e.product.spec);
  const { e, sim, vendor } = chosen.c;
  const adv = e.advisory;
  const productIds = [...new Set((verdict === 'affected' ? checked.filter((x) => x.v.verdict === 'affected') : checked).map((x) => x.c.e.product.productId))];
  const idSet = new Set(productIds);
  // A vulnerability concerns a product when any of its product lists names it: CISA's extraction
  // sometimes lists only the first product under known_affected but all of them under scores.
  const vulns = adv.vulnerabilities.filter((v) => {
    const named = namedProducts(v);
    if (!named.size) return true;
    for (const id of idSet) if (named.has(id)) return true;
    return false;
  });
  const cves = [...new Set(vulns.map((v) => v.cve).filter((c): c is string => !!c))];
  let cvss: AdvisoryMatch['cvss'];
  for (const v of vulns) {
    for (const s of v.scores) {
      if (s.products.length && !s.products.some((id) => idSet.has(id))) continue;
      if (!cvss || s.baseScore > cvss.score) cvss = { score: s.baseScore, vector: s.vector, version: s.version, severity: s.severity };
    }
  }
  const remediations: Remediation[] = [];
  const seenRem = new Set<string>();
  for (const v of vulns) {
    for (const r of v.remediations) {
      if (r.productIds.length && !r.productIds.some((id) => idSet.has(id))) continue;
      const k = `${r.category}|${r.details}`;
      if (seenRem.has(k)) continue;
      seenRem.add(k);
      remediations.push(r);
    }
  }
  let confidence = vendor.score * sim.score;
  if (verdict === 'unknown') confidence *= 0.7;
  if (usedDescription) confidence *= 0.8;
  confidence = Math.round(confidence * 100) / 100;
  const certain = sim.score >= THRESHOLDS.match && vendor.score >= 0.8 && verdict !== 'unknown' && !usedDescription;
  const reasons = [vendor.reason, `product '${chosen.c.label}'`, ...sim.reasons, versionReason];
  if (usedDescription) reasons.push('matched on the description (no model given)');
  if (!certain) {
    const why = sim.score < THRESHOLDS.match ? 'product name only partly agrees' : verdict === 'unknown' ? 'version not established' : 'vendor uncertain';
    reasons.push(`possible: ${why}`);
  }
  const m: AdvisoryMatch = {
    assetId: asset.id,
    advisoryId: adv.trackingId,
    advisoryTitle: adv.title,
    advisoryVersion: adv.version,
    vendor: e.product.vendor,
    product: e.product.product,
    productIds,
    versionText,
    versionRange,
    verdict,
    versionReason,
    certainty: certain ? 'match' : 'possible',
    confidence,
    reasons,
    cves,
    remediations,
    recommended: recommendAction(remediations),
  };
  if (asset.assetTag) m.assetTag = asset.assetTag;
  if (adv.url) m.advisoryUrl = adv.url;
  if (chosen.v.condition) m.condition = chosen.v.condition;
  if (cvss) m.cvss = cvss;
  return m;
}

/** Match every asset; results grouped per asset in input order. */
export function matchAssets(index: AdvisoryIndex, assets: readonly MatchableAsset[]): AdvisoryMatch[] {
  const out: AdvisoryMatch[] = [];
  for (const a of assets) out.push(...matchAsset(index, a));
  return out;
}

export { ACTION_ORDER };
