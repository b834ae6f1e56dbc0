import type { AttributeVerdict, Device } from '../../../../core/model/device';
import { typeLabel, CATEGORY_LABELS } from '../../../../core/fingerprint/taxonomy';
import type { DeviceCategory } from '../../../../core/model/device';

export const pct = (c: number | undefined) => (c === undefined ? '' : `${Math.round(c * 100)}%`);

export function verdictText(v: AttributeVerdict | undefined, kind: 'type' | 'category' | 'text' = 'text'): string {
  if (!v || v.value === 'unknown') return '';
  if (kind === 'type') return typeLabel(v.value);
  if (kind === 'category') return CATEGORY_LABELS[v.value as DeviceCategory] ?? v.value;
  return v.value;
}

export function ago(ts: number | undefined, now = Date.now()): string {
  if (!ts) return '';
  const s = Math.max(0, (now - ts) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function when(ts: number | undefined): string {
  return ts ? new Date(ts).toLocaleString() : '';
}

export function deviceLabel(d: Device): string {
  return d.hostnames[0] ?? d.mac ?? d.ips[0] ?? d.id;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
