// CVSS scores from advisories, checked against their vectors. The arithmetic is FIRST's
// (CVSS v2 guide §3.2.1; CVSS v3.0 and v3.1 specification §7), done by ae-cvss-calculator
// ({metæffekt}, Apache-2.0, pure JS), never by hand here. A stated score that disagrees with its
// vector is kept (it is what the advisory says) and flagged.
import * as cvssLib from 'ae-cvss-calculator';

export type CvssVersion = '2.0' | '3.0' | '3.1';
export type Severity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface CvssScore {
  version: CvssVersion;
  vector: string;
  /** The score to use: the stated one, or the computed one when none was stated. */
  baseScore: number;
  severity: Severity;
  /** Score computed from the vector, when the vector could be read. */
  computed?: number;
  /** The stated score disagrees with the vector's computed score by more than 0.05. */
  mismatch?: boolean;
}

interface ScoreResult {
  base?: number;
}
interface VectorLike {
  calculateScores(): ScoreResult;
  isBaseFullyDefined(): boolean;
}
type VectorCtor = new (vector: string) => VectorLike;
interface CvssLib {
  Cvss2: VectorCtor;
  Cvss3P0: VectorCtor;
  Cvss3P1: VectorCtor;
}

// The package is a webpack UMD bundle: under Node's ESM loader its classes sit on `default`, under
// bundlers on the namespace itself.
const ns = cvssLib as unknown as Partial<CvssLib> & { default?: CvssLib };
const lib: CvssLib | undefined = ns.Cvss3P1 ? (ns as CvssLib) : ns.default;

/** Severity bands of CVSS v3 (specification §5): 0 none, 0.1–3.9 low, 4–6.9 medium, 7–8.9 high, 9+ critical. */
export function severityOf(score: number, version: CvssVersion = '3.1'): Severity {
  if (version === '2.0') {
    // NVD's v2 bands: 0–3.9 low, 4–6.9 medium, 7–10 high.
    return score < 4 ? 'LOW' : score < 7 ? 'MEDIUM' : 'HIGH';
  }
  if (score <= 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

/** Base score computed from a vector string, or undefined when the vector is not a complete one. */
export function computeBaseScore(vector: string, version: CvssVersion): number | undefined {
  if (!lib || typeof vector !== 'string' || vector.length > 200) return undefined;
  const v = vector.trim();
  if (version !== '2.0' && !/^CVSS:3\.[01]\/[A-Z]+:[A-Z](\/[A-Za-z]+:[A-Z])*$/.test(v)) return undefined;
  if (version === '2.0' && !/^(\(?)AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC](\/[A-Za-z]+:[A-Z]+)*\)?$/.test(v)) return undefined;
  try {
    const Ctor = version === '2.0' ? lib.Cvss2 : version === '3.0' ? lib.Cvss3P0 : lib.Cvss3P1;
    const x = new Ctor(v.replace(/^\(|\)$/g, ''));
    if (!x.isBaseFullyDefined()) return undefined;
    const s = x.calculateScores().base;
    return typeof s === 'number' && Number.isFinite(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

function num(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 10) return x;
  if (typeof x === 'string' && /^\d{1,2}(\.\d)?$/.test(x.trim())) {
    const n = Number(x);
    return n <= 10 ? n : undefined;
  }
  return undefined;
}

const SEVERITIES: readonly Severity[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/**
 * Read a CSAF `cvss_v3` / `cvss_v2` object (the FIRST JSON schemas). Returns undefined when it holds
 * neither a usable score nor a readable vector.
 */
export function readCvss(obj: unknown, family: 'v3' | 'v2'): CvssScore | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const o = obj as Record<string, unknown>;
  const vector = typeof o.vectorString === 'string' ? o.vectorString.trim().slice(0, 200) : '';
  let version: CvssVersion;
  if (family === 'v2') version = '2.0';
  else if (vector.startsWith('CVSS:3.0/') || o.version === '3.0') version = '3.0';
  else version = '3.1';
  const stated = num(o.baseScore);
  const computed = vector ? computeBaseScore(vector, version) : undefined;
  const baseScore = stated ?? computed;
  if (baseScore === undefined) return undefined;
  const sev = typeof o.baseSeverity === 'string' && (SEVERITIES as readonly string[]).includes(o.baseSeverity.toUpperCase())
    ? (o.baseSeverity.toUpperCase() as Severity)
    : severityOf(baseScore, version);
  const out: CvssScore = { version, vector, baseScore, severity: sev };
  if (computed !== undefined) {
    out.computed = computed;
    if (stated !== undefined && Math.abs(stated - computed) > 0.05) out.mismatch = true;
  }
  return out;
}
