// Labels for the canonical asset fields a column can be mapped to, in the words a biomedical
// engineer uses, grouped as the select shows them.
import type { AssetField } from '../../../../core/inventory/types';
import type { z } from 'zod';
import type { sheetAnalysisSchema, importPreviewSchema } from '../../../../core/ipc/inventory';

export type SheetAnalysis = z.output<typeof sheetAnalysisSchema>;
export type WirePreview = z.output<typeof importPreviewSchema>;

export const FIELD_GROUPS: Array<{ label: string; fields: Array<[AssetField, string]> }> = [
  { label: 'Identity', fields: [['assetTag', 'Asset tag / inventory no.'], ['serial', 'Serial number'], ['maker', 'Maker'], ['model', 'Model'], ['description', 'Description / type'], ['udi', 'UDI']] },
  { label: 'Location', fields: [['department', 'Department / service'], ['site', 'Site / hospital'], ['building', 'Building'], ['floor', 'Floor'], ['room', 'Room']] },
  { label: 'Network', fields: [['mac', 'MAC address'], ['ip', 'IP address'], ['hostname', 'Hostname'], ['os', 'Operating system'], ['firmware', 'Firmware'], ['softwareVersion', 'Software version']] },
  { label: 'Status & risk', fields: [['status', 'Status'], ['highRisk', 'High risk (yes/no)'], ['lifeSupport', 'Life support (yes/no)']] },
  { label: 'Dates & maintenance', fields: [['installDate', 'Install / acquisition date'], ['lastPm', 'Last PM'], ['nextPm', 'Next PM'], ['pmFrequency', 'PM frequency'], ['warrantyEnd', 'Warranty end'], ['retiredDate', 'Retired / disposed date']] },
];

export const FIELD_LABEL: Record<string, string> = Object.fromEntries([
  ...FIELD_GROUPS.flatMap((g) => g.fields),
  ['macs', 'MAC addresses'],
  ['ips', 'IP addresses'],
  ['makerOriginal', 'Maker (as typed)'],
  ['type', 'Type'],
]);

/** "extra:Observaciones" → "Observaciones (extra field)". */
export function changeLabel(field: string): string {
  if (field.startsWith('extra:')) return `${field.slice(6)} (extra field)`;
  return FIELD_LABEL[field] ?? field;
}

/** Excel-style column letter for a 0-based index. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
