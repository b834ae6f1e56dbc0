// Asset types as typed in a sheet or a form ("Infusion pump", "infusion-pump", "PUMP") → taxonomy id.
import { DEVICE_TYPES, isMobileType, typeLabel } from '../fingerprint/taxonomy';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const ALIASES: Record<string, string> = {
  pump: 'infusion-pump',
  'infusion pump': 'infusion-pump',
  'syringe pump': 'infusion-pump',
  'volumetric pump': 'infusion-pump',
  monitor: 'patient-monitor',
  'patient monitor': 'patient-monitor',
  'bedside monitor': 'patient-monitor',
  'ultrasound cart': 'ultrasound',
  ultrasound: 'ultrasound',
  defib: 'defibrillator',
  ventilator: 'ventilator',
  ecg: 'ecg',
  ekg: 'ecg',
  'vital signs monitor': 'vital-signs-monitor',
  'spot check monitor': 'vital-signs-monitor',
};

/** Taxonomy id for a typed type, or undefined when nothing matches (the text is then kept as is). */
export function typeIdFor(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const n = norm(text);
  if (!n) return undefined;
  const byId = DEVICE_TYPES.find((t) => norm(t.id) === n || norm(t.label) === n);
  if (byId) return byId.id;
  return ALIASES[n];
}

export { isMobileType, typeLabel };

/** Short label for pins and lists; unknown ids (free text) shown as they are. */
export function shortType(typeId: string | undefined): string {
  if (!typeId) return 'Device';
  return typeLabel(typeId);
}
