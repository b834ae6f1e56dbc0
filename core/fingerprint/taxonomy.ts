// The device taxonomy Wardwalk identifies into: a category (medical, IT, IoT, building/OT, network) and
// a type a biomedical engineer recognises. Types carry two flags the rest of the app relies on:
// - mobile: devices that move between rooms (infusion pumps, monitors, ultrasound carts), so the room
//   walk must confirm where they are;
// - lifeSupport / highRisk: The Joint Commission EC.02.04.01 asks for a written inventory with high-risk
//   (life-support) equipment identified; the probe policy excludes such devices from active probing
//   unless a person overrides per device (see domain.md "Probing safely").
// Type ids are stable strings: stored records (Asset.type) and overrides use them.
import type { DeviceCategory } from '../model/device';

export interface DeviceTypeInfo {
  id: string;
  label: string;
  category: Exclude<DeviceCategory, 'unknown'>;
  /** Moves between rooms in normal use. */
  mobile?: boolean;
  /** Failure can directly harm a patient (life support, drug delivery, patient monitoring). */
  lifeSupport?: boolean;
  /** High-risk per common HTM practice (life-support types are always high-risk). */
  highRisk?: boolean;
}

const T = (
  id: string,
  label: string,
  category: DeviceTypeInfo['category'],
  flags: Partial<Pick<DeviceTypeInfo, 'mobile' | 'lifeSupport' | 'highRisk'>> = {},
): DeviceTypeInfo => ({ id, label, category, ...flags, ...(flags.lifeSupport ? { highRisk: true } : {}) });

/** Every known type. Add, never rename or remove (stored records use the ids). */
export const DEVICE_TYPES: readonly DeviceTypeInfo[] = [
  // medical
  T('infusion-pump', 'Infusion pump', 'medical', { mobile: true, lifeSupport: true }),
  T('patient-monitor', 'Patient monitor', 'medical', { mobile: true, lifeSupport: true }),
  T('central-station', 'Central monitoring station', 'medical', { lifeSupport: true }),
  T('monitor-gateway', 'Monitoring / device-integration gateway', 'medical', { highRisk: true }),
  T('ventilator', 'Ventilator', 'medical', { mobile: true, lifeSupport: true }),
  T('anesthesia-machine', 'Anaesthesia machine', 'medical', { lifeSupport: true }),
  T('dialysis-machine', 'Dialysis machine', 'medical', { mobile: true, lifeSupport: true }),
  T('defibrillator', 'Defibrillator', 'medical', { mobile: true, lifeSupport: true }),
  T('radiotherapy', 'Radiotherapy system', 'medical', { lifeSupport: true }),
  T('imaging-modality', 'Imaging modality', 'medical', { highRisk: true }),
  T('ultrasound', 'Ultrasound system', 'medical', { mobile: true }),
  T('pacs-workstation', 'PACS / modality workstation', 'medical'),
  T('pacs-server', 'PACS / imaging archive', 'medical'),
  T('lab-analyzer', 'Laboratory analyser', 'medical'),
  T('ecg', 'ECG / cardiograph', 'medical', { mobile: true }),
  T('vital-signs-monitor', 'Vital signs monitor (spot check)', 'medical', { mobile: true }),
  T('nurse-call', 'Nurse call system', 'medical', { highRisk: true }),
  T('medication-cabinet', 'Medication dispensing cabinet', 'medical'),
  T('medical-device', 'Medical device (kind not known)', 'medical'),
  // IT
  T('workstation', 'Workstation / PC', 'it'),
  T('laptop', 'Laptop', 'it', { mobile: true }),
  T('server', 'Server', 'it'),
  T('virtual-machine', 'Virtual machine', 'it'),
  T('printer', 'Printer', 'it'),
  T('ip-phone', 'IP phone', 'it'),
  T('mobile-phone', 'Phone / tablet', 'it', { mobile: true }),
  T('thin-client', 'Thin client', 'it'),
  T('nas', 'Network storage', 'it'),
  // IoT
  T('tv-display', 'TV / display', 'iot'),
  T('media-player', 'Media player / streamer', 'iot'),
  T('smart-speaker', 'Smart speaker', 'iot'),
  T('camera', 'IP camera', 'iot'),
  T('iot-hub', 'IoT / home-automation hub', 'iot'),
  T('smart-plug', 'Smart plug / switch', 'iot'),
  T('sensor', 'Sensor', 'iot'),
  T('smart-scale', 'Connected scale', 'iot'),
  T('appliance', 'Appliance', 'iot'),
  T('iot-device', 'IoT device (kind not known)', 'iot'),
  // building / OT
  T('building-controller', 'Building automation controller', 'building'),
  T('hvac-controller', 'HVAC controller', 'building'),
  T('ups', 'UPS / power', 'building'),
  T('pdu', 'Power distribution unit', 'building'),
  T('plc', 'PLC / industrial controller', 'building'),
  T('access-control', 'Access control', 'building'),
  // network
  T('switch', 'Switch', 'network'),
  T('router', 'Router', 'network'),
  T('access-point', 'Wireless access point', 'network'),
  T('wireless-controller', 'Wireless LAN controller', 'network'),
  T('firewall', 'Firewall', 'network'),
  T('network-device', 'Network device (kind not known)', 'network'),
];

const BY_ID = new Map(DEVICE_TYPES.map((t) => [t.id, t]));

export function typeInfo(id: string): DeviceTypeInfo | undefined {
  return BY_ID.get(id);
}

export function isKnownType(id: string): boolean {
  return BY_ID.has(id);
}

export function typeLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id;
}

export function categoryOf(typeId: string): DeviceCategory {
  return BY_ID.get(typeId)?.category ?? 'unknown';
}

/** Life-support / patient-connected types: excluded from active probes unless a person overrides. */
export function isLifeSupportType(typeId: string | undefined): boolean {
  return typeId !== undefined && BY_ID.get(typeId)?.lifeSupport === true;
}

export function isHighRiskType(typeId: string | undefined): boolean {
  return typeId !== undefined && BY_ID.get(typeId)?.highRisk === true;
}

export function isMobileType(typeId: string | undefined): boolean {
  return typeId !== undefined && BY_ID.get(typeId)?.mobile === true;
}

export const CATEGORY_LABELS: Readonly<Record<DeviceCategory, string>> = {
  medical: 'Medical',
  it: 'IT',
  iot: 'IoT',
  building: 'Building / OT',
  network: 'Network',
  unknown: 'Unknown',
};

/**
 * Imaging modality kinds, by their DICOM Modality (0008,0060) defined terms (PS3.3 C.7.3.1.1.1).
 * Only the acquisition kinds a hospital inventories as equipment.
 */
export const MODALITY_KINDS = {
  CT: 'Computed tomography',
  MR: 'Magnetic resonance',
  CR: 'Computed radiography',
  DX: 'Digital radiography',
  XA: 'X-ray angiography',
  RF: 'Radiofluoroscopy',
  MG: 'Mammography',
  US: 'Ultrasound',
  NM: 'Nuclear medicine',
  PT: 'PET',
  IO: 'Intra-oral radiography',
  OP: 'Ophthalmic photography',
  OCT: 'Optical coherence tomography',
  ES: 'Endoscopy',
  RTIMAGE: 'Radiotherapy imaging',
} as const;
export type ModalityKind = keyof typeof MODALITY_KINDS;

export function isModalityKind(s: string): s is ModalityKind {
  return Object.prototype.hasOwnProperty.call(MODALITY_KINDS, s);
}
