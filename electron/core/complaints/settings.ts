import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../../shared/complaints/model';
import { PLAYBOOKS } from '../../../shared/complaints/playbooks';
import type { SlaTargets } from '../../../shared/complaints/sla';
import { defaultBranchCalendar, type BusinessCalendar, type IsoWeekday, type WorkingPeriod } from '../../../shared/calendar/business-hours';
import { HOLIDAYS_2026, holidayDateSet, type Holiday } from '../../../shared/calendar/holidays';
import type { Zone } from '../../../shared/domain/time';
import { prepared, type Db } from '../ledger/sql';
import { getBranch } from '../settings/queries';

// What the SLA clocks run on: head office's holiday list, working week and targets as last
// received, or the built-in defaults (HOLIDAYS_2026, Senin–Jumat 08:00–16:00 in the branch's zone,
// the PLAYBOOKS targets) until head office sets its own.

export interface BusinessWeekSetting {
  zone: Zone;
  week: Record<IsoWeekday, WorkingPeriod[]>;
}

export interface SlaSettings {
  zone: Zone;
  calendar: BusinessCalendar;
  holidays: Holiday[];
  week: BusinessWeekSetting;
  targets: Record<ComplaintCategory, SlaTargets>;
}

function setting<T>(db: Db, key: string): T | null {
  const row = prepared<[string], { value: string }>(db, `SELECT value FROM complaint_settings WHERE key = ?`).get(key);
  return row ? (JSON.parse(row.value) as T) : null;
}

export function putSetting(db: Db, key: string, value: unknown): void {
  prepared(db, `INSERT INTO complaint_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(value));
}

export function branchZone(db: Db): Zone {
  return getBranch(db)?.timeZone ?? 'WIB';
}

/** The settings in force at this desk now. */
export function slaSettings(db: Db): SlaSettings {
  const branch = getBranch(db);
  const zone = branch?.timeZone ?? 'WIB';
  const holidays = setting<Holiday[]>(db, 'holidays') ?? [...HOLIDAYS_2026];
  const fallback = defaultBranchCalendar({ zone });
  const week =
    (branch ? setting<BusinessWeekSetting>(db, `week:${branch.code}`) : null) ??
    setting<BusinessWeekSetting>(db, 'week:*') ?? { zone, week: fallback.week as Record<IsoWeekday, WorkingPeriod[]> };
  const targets = Object.fromEntries(
    COMPLAINT_CATEGORIES.map((category) => [category, setting<SlaTargets>(db, `targets:${category}`) ?? PLAYBOOKS[category].slaTargets]),
  ) as Record<ComplaintCategory, SlaTargets>;
  return { zone, holidays, week, targets, calendar: { zone: week.zone, week: week.week, holidays: holidayDateSet(holidays) } };
}
