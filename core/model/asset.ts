// An asset is an inventory record (what a CMMS / HTM spreadsheet holds). Normalised fields sit
// beside the original text so nothing the user typed is lost.
import type { AssetId, DeviceId, ImportId, Mac, RoomId } from './ids';

export type AssetStatus = 'in-service' | 'out-of-service' | 'in-store' | 'retired' | 'unknown';

export interface Asset {
  id: AssetId;
  assetTag?: string;
  serial?: string;
  maker?: string; // canonical maker ("Becton Dickinson")
  makerOriginal?: string; // as typed ("CareFusion")
  model?: string;
  description?: string;
  type?: string; // taxonomy type id when known ("infusion-pump")
  department?: string;
  site?: string;
  building?: string;
  floor?: string;
  room?: string;
  roomId?: RoomId;
  macs: Mac[];
  ips: string[];
  hostname?: string;
  os?: string;
  firmware?: string;
  softwareVersion?: string;
  status?: AssetStatus;
  highRisk?: boolean;
  lifeSupport?: boolean;
  installDate?: string; // ISO date
  lastPm?: string;
  nextPm?: string;
  /** PM interval as typed ("6m", "Semestral", "1y"). */
  pmFrequency?: string;
  warrantyEnd?: string; // ISO date
  retiredDate?: string; // ISO date (scrapped / disposed)
  udi?: string;
  /** Unmapped columns, kept verbatim by header name. */
  extra: Record<string, string>;
  /** Mapped columns' original cell text by canonical field name. */
  original: Record<string, string>;
  /** Linked discovered device, by reconciliation or by a person. */
  deviceId?: DeviceId;
  importId?: ImportId;
  version: number;
  updatedAt: number;
  deleted?: boolean;
}
