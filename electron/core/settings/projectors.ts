import { prepared } from '../ledger/sql';
import type { ProjectorMap } from '../dispatch/types';

export const settingsProjectors: ProjectorMap = {
  'branch.created': (db, { payload, at }) => {
    prepared(db, `INSERT INTO branch (code, name, time_zone, idle_lock_minutes, created_at) VALUES (?, ?, ?, ?, ?)`).run(
      payload.code,
      payload.name,
      payload.timeZone,
      payload.idleLockMinutes,
      at,
    );
  },
  'branch.updated': (db, { payload }) => {
    prepared(
      db,
      `UPDATE branch SET name = coalesce(@name, name), time_zone = coalesce(@timeZone, time_zone),
         idle_lock_minutes = coalesce(@idleLockMinutes, idle_lock_minutes)`,
    ).run({ name: payload.name ?? null, timeZone: payload.timeZone ?? null, idleLockMinutes: payload.idleLockMinutes ?? null });
  },
};
