import { z } from 'zod';

// Indonesian public holidays as data. Head office will edit the list (a new SKB every year, and
// the Islamic dates move when the government's sidang isbat shifts them), so nothing here is
// computed: a holiday is a local calendar date with its name as the decree writes it.

export const HOLIDAY_KINDS = ['nasional', 'cuti-bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface Holiday {
  /** local calendar date, `YYYY-MM-DD`, in whatever zone the branch keeps */
  date: string;
  /** in Bahasa Indonesia, as published */
  name: string;
  /** 'nasional' = hari libur nasional; 'cuti-bersama' = collective leave */
  kind: HolidayKind;
}

/** `YYYY-MM-DD` that is a real calendar date (no 2026-02-30). */
export function isLocalDateKey(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const holidaySchema = z.object({
  date: z.string().refine(isLocalDateKey, 'validation.date'),
  name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  kind: z.enum(HOLIDAY_KINDS),
});

export const holidayListSchema = z.array(holidaySchema).max(1000);

/**
 * Libur nasional and cuti bersama 2026 from SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan,
 * Menteri PANRB) No. 1497/2025, 2/2025 and 5/2025 of 19 September 2025: 17 libur nasional and
 * 8 hari cuti bersama. Weekend holidays (Idulfitri 21–22 March, Paskah, Waisak) are listed too:
 * they matter to branches that open on Saturday or Sunday.
 */
export const HOLIDAYS_2026: readonly Holiday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'nasional' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'nasional' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', kind: 'cuti-bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'nasional' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'cuti-bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'nasional' },
  { date: '2026-03-20', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah', kind: 'nasional' },
  { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah', kind: 'nasional' },
  { date: '2026-03-23', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-03-24', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'nasional' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'nasional' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-05-27', name: 'Iduladha 1447 Hijriah', kind: 'nasional' },
  { date: '2026-05-28', name: 'Cuti Bersama Iduladha 1447 Hijriah', kind: 'cuti-bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'nasional' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: 'nasional' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: 'nasional' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'nasional' },
  { date: '2026-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'nasional' },
];

export interface HolidaySetOptions {
  /**
   * Which kinds close the branch. Default both: most branch offices close on cuti bersama, but the
   * SKB lets public-service bodies (banks among them) keep staff on duty, so a branch that opens on
   * cuti bersama passes `['nasional']`.
   */
  kinds?: readonly HolidayKind[];
}

/**
 * The set of local dates the SLA clock skips. Throws on a date that is not `YYYY-MM-DD`: a typo
 * in the list would otherwise silently count a holiday as a working day.
 */
export function holidayDateSet(holidays: readonly Holiday[], options: HolidaySetOptions = {}): ReadonlySet<string> {
  const kinds = options.kinds ?? HOLIDAY_KINDS;
  const dates = new Set<string>();
  for (const holiday of holidays) {
    if (!isLocalDateKey(holiday.date)) throw new RangeError(`not a date: ${holiday.date} (${holiday.name})`);
    if (kinds.includes(holiday.kind)) dates.add(holiday.date);
  }
  return dates;
}
