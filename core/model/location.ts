// Places and the records that tie assets to them. Records are versioned and never hard-deleted
// (`deleted: true` instead), so the history of a survey is its audit trail.
import type { AssetId, BuildingId, ConfirmationId, DeviceId, FloorId, ImportId, RoomId, SiteId } from './ids';

export interface RecordMeta {
  version: number;
  createdAt: number;
  updatedAt: number;
  deleted?: boolean;
}

export interface Site extends RecordMeta {
  id: SiteId;
  name: string;
  address?: string;
}

export interface Building extends RecordMeta {
  id: BuildingId;
  siteId: SiteId;
  name: string;
}

export interface FloorPlanImage {
  /** data: URL of the plan image (PNG/JPEG/SVG, or a PDF page rendered to PNG). */
  dataUrl: string;
  width: number;
  height: number;
  /** Metres per image pixel, from calibration. */
  metresPerPixel?: number;
}

export interface Floor extends RecordMeta {
  id: FloorId;
  buildingId: BuildingId;
  name: string;
  level?: number;
  plan?: FloorPlanImage;
}

export type Point = { x: number; y: number };

export interface Room extends RecordMeta {
  id: RoomId;
  floorId: FloorId;
  number: string;
  name?: string;
  department?: string;
  type?: string;
  /** Outline in plan pixels (a rectangle is four points); absent until laid out. */
  shape?: Point[];
  /** Switch|port of the wall jack(s) remembered for this room (LLDP/CDP). */
  jacks?: string[];
}

export type ConfirmationHow = 'scan' | 'typed' | 'ticked' | 'network' | 'paper-sheet' | 'drag';

/** One person's statement: this asset was in this room at this time. */
export interface Confirmation {
  id: ConfirmationId;
  assetId?: AssetId;
  deviceId?: DeviceId;
  roomId: RoomId;
  at: number;
  by: string;
  how: ConfirmationHow;
  /** Set when the room differs from where the asset was expected. */
  moved?: { fromRoomId?: RoomId };
  surveyId?: string;
  note?: string;
}

/** Where an asset is expected to be (its home room), placed by a person. */
export interface Placement extends RecordMeta {
  id: string;
  assetId?: AssetId;
  deviceId?: DeviceId;
  roomId: RoomId;
  /** Pin position in plan pixels. */
  x?: number;
  y?: number;
  by: string;
}

export interface ImportRecord {
  id: ImportId;
  at: number;
  by: string;
  kind: 'spreadsheet' | 'capture' | 'advisories' | 'zeek' | 'bundle' | 'mds2';
  fileName: string;
  summary: Record<string, number | string>;
}

export interface AuditEntry {
  id: string;
  at: number;
  by: string;
  action: string;
  /** Short, PHI-free description. */
  detail: string;
}
