// Building a RiskSubject from what the app stores: an inventory asset, the discovered device linked
// to it (or either alone), the advisory matches for the asset, and the MDS2 form of its model.
// MDS2 facts apply to every unit of the model the form names (same maker group, same model).
import type { AdvisoryMatch } from '../advisories/match';
import { productSimilarity, productTokens } from '../advisories/match';
import { identifyVendors, vendorAgreement } from '../advisories/vendors';
import type { Asset } from '../model/asset';
import type { Device, DeviceCategory } from '../model/device';
import type { Mds2Facts } from './mds2';
import type { RiskSubject } from './signals';

const CATEGORIES: readonly DeviceCategory[] = ['medical', 'it', 'iot', 'building', 'network', 'unknown'];

/** The MDS2 form that covers this asset's model, when one does (maker agrees, model names agree). */
export function mds2ForModel(maker: string | undefined, model: string | undefined, forms: readonly Mds2Facts[]): Mds2Facts | undefined {
  if (!model?.trim()) return undefined;
  const mine = identifyVendors(maker);
  let best: { f: Mds2Facts; score: number } | undefined;
  for (const f of forms) {
    if (!f.model) continue;
    if (mine.length && f.maker) {
      const theirs = identifyVendors(f.maker);
      if (!mine.some((a) => theirs.some((b) => vendorAgreement(a, b)))) continue;
    }
    const score = productSimilarity(productTokens(model), productTokens(f.model)).score;
    if (score >= 0.85 && (!best || score > best.score)) best = { f, score };
  }
  return best?.f;
}

export interface SubjectInput {
  asset?: Asset;
  device?: Device;
  /** Matches for this asset (AdvisoryMatch.assetId === asset.id). */
  matches?: readonly AdvisoryMatch[];
  mds2Forms?: readonly Mds2Facts[];
}

/** One RiskSubject from an asset and/or a device. The asset's own words win where both speak. */
export function riskSubject(input: SubjectInput): RiskSubject {
  const { asset, device } = input;
  const id = asset?.id ?? device?.id ?? 'unknown';
  const idn = device?.identity;
  const catText = idn?.category?.value;
  const category = CATEGORIES.find((c) => c === catText);
  const label =
    [asset?.assetTag, [asset?.maker, asset?.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ') ||
    [idn?.maker?.value, idn?.model?.value].filter(Boolean).join(' ') ||
    device?.hostnames[0] ||
    device?.mac ||
    id;
  const ips = [...new Set([...(asset?.ips ?? []), ...(device?.ips ?? [])])];
  const vlan = device?.evidence.find((e) => e.kind === 'vlan')?.value;
  const s: RiskSubject = {
    id,
    label,
    ips,
    evidence: device?.evidence ?? [],
    matches: input.matches ?? [],
  };
  const cat = category ?? (asset?.highRisk || asset?.lifeSupport ? 'medical' : undefined);
  if (cat) s.category = cat;
  const type = asset?.type ?? idn?.type?.value;
  if (type) s.type = type;
  const os = asset?.os ?? idn?.os?.value;
  if (os) s.os = os;
  if (vlan) s.vlan = vlan;
  if (asset?.highRisk) s.highRisk = true;
  if (asset?.lifeSupport) s.lifeSupport = true;
  if (asset?.site) s.site = asset.site;
  if (asset?.floor) s.floor = asset.floor;
  if (asset?.department) s.department = asset.department;
  const mds2 = input.mds2Forms?.length ? mds2ForModel(asset?.maker ?? idn?.maker?.value, asset?.model ?? idn?.model?.value, input.mds2Forms) : undefined;
  if (mds2) s.mds2 = mds2;
  return s;
}
