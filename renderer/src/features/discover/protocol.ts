// Messages between the Discover view and its capture-file worker.
import type { Device } from '../../../../core/model/device';
import type { IdentityOverrides } from '../../../../core/model/identity-override';

export type ToWorker =
  | { type: 'start'; id: number; files: File[]; overrides: Record<string, IdentityOverrides> }
  | { type: 'cancel' }
  | { type: 'identify'; id: number; devices: Device[]; overrides: Record<string, IdentityOverrides> };

export interface FileProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytesRead: number;
  bytesTotal: number;
  packets: number;
}

export interface FileStats {
  files: number;
  packets: number;
  /** Zeek log lines read. */
  logLines: number;
  bytes: number;
  malformed: number;
  decoded: number;
  warnings: string[];
  durationMs: number;
  cancelled: boolean;
}

export type FromWorker =
  | { type: 'progress'; progress: FileProgress }
  | { type: 'done'; id: number; devices: Device[]; stats: FileStats }
  | { type: 'identified'; id: number; devices: Device[] }
  | { type: 'error'; id: number; message: string };
