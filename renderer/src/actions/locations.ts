// Named actions for sites, buildings and floors.
import { newId } from '../../../core/model/ids';
import type { BuildingId, FloorId, SiteId } from '../../../core/model/ids';
import { db } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

const now = () => Date.now();

export const createSite = defineAction<{ name: string; address?: string; by: string }>({
  name: 'site:create',
  label: (a) => `Create site "${a.name}"`,
  perform: async ({ name, address, by }) => {
    const id = newId<'SiteId'>('site') as SiteId;
    const t = now();
    const clean = name.trim();
    if (!clean) throw new Error('A site needs a name.');
    await db().transaction('rw', db().sites, db().auditLog, async () => {
      await db().sites.add({ id, name: clean, ...(address?.trim() ? { address: address.trim() } : {}), version: 1, createdAt: t, updatedAt: t });
      await audit(by, 'site:create', `site "${clean}"`);
    });
    return async () => {
      await db().sites.update(id, { deleted: true, updatedAt: now() });
    };
  },
});

export const renameSite = defineAction<{ id: SiteId; name: string; by: string }>({
  name: 'site:rename',
  label: (a) => `Rename site to "${a.name}"`,
  perform: async ({ id, name, by }) => {
    const before = await db().sites.get(id);
    if (!before) throw new Error('That site no longer exists.');
    await db().sites.update(id, { name: name.trim(), version: before.version + 1, updatedAt: now() });
    await audit(by, 'site:rename', `"${before.name}" → "${name.trim()}"`);
    return async () => {
      await db().sites.update(id, { name: before.name, version: before.version + 2, updatedAt: now() });
    };
  },
});

export const createBuilding = defineAction<{ siteId: SiteId; name: string; by: string }>({
  name: 'building:create',
  label: (a) => `Create building "${a.name}"`,
  perform: async ({ siteId, name, by }) => {
    const id = newId<'BuildingId'>('bldg') as BuildingId;
    const t = now();
    if (!name.trim()) throw new Error('A building needs a name.');
    await db().buildings.add({ id, siteId, name: name.trim(), version: 1, createdAt: t, updatedAt: t });
    await audit(by, 'building:create', `building "${name.trim()}"`);
    return async () => {
      await db().buildings.update(id, { deleted: true, updatedAt: now() });
    };
  },
});

export const createFloor = defineAction<{ buildingId: BuildingId; name: string; level?: number; by: string }>({
  name: 'floor:create',
  label: (a) => `Create floor "${a.name}"`,
  perform: async ({ buildingId, name, level, by }) => {
    const id = newId<'FloorId'>('floor') as FloorId;
    const t = now();
    if (!name.trim()) throw new Error('A floor needs a name.');
    await db().floors.add({ id, buildingId, name: name.trim(), ...(level !== undefined ? { level } : {}), version: 1, createdAt: t, updatedAt: t });
    await audit(by, 'floor:create', `floor "${name.trim()}"`);
    return async () => {
      await db().floors.update(id, { deleted: true, updatedAt: now() });
    };
  },
});
