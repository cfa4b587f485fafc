// Statement dates as banks print them, to a YYYY-MM-DD day and an optional HH:mm.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, mei: 5, may: 5, jun: 6, jul: 7, agu: 8, agt: 8, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, des: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function real(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

export interface ReadDate {
  date: string;
  time: string | null;
}

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * Reads `21/11/2026`, `21-11-26`, `2026-11-21`, `21 Nov 2026`, with an optional time `10:02`,
 * `10.02.33`; `21/11` takes its year from `yearFor(month)` (the statement's period). Null when it
 * is not a real date, so the caller reports the row rather than guessing.
 */
export function readDate(text: string, yearFor: (month: number) => number | null, order: DateOrder = 'dmy'): ReadDate | null {
  const s = text.trim().replace(/^'/, '');
  const m = /^(\d{1,4})[/.-](\d{1,2}|[A-Za-z]{3})(?:[/.-](\d{2,4}))?(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/.exec(s) ?? /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})(?: (\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/.exec(s);
  if (!m) return null;
  const [, a, b, c, hh, mm] = m;
  const month = /^\d+$/.test(b!) ? Number(b) : MONTHS[b!.toLowerCase()];
  if (!month) return null;
  let year: number | null;
  let day: number;
  let mon = month;
  if (a!.length === 4 || order === 'ymd') {
    if (!c) return null;
    year = Number(a);
    day = Number(c);
  } else {
    day = Number(a);
    if (order === 'mdy' && /^\d+$/.test(b!)) [day, mon] = [month, Number(a)];
    year = c === undefined ? yearFor(mon) : c.length === 2 ? 2000 + Number(c) : Number(c);
  }
  if (year === null || !real(year, mon, day)) return null;
  const time = hh !== undefined && Number(hh) < 24 && Number(mm) < 60 ? `${pad(Number(hh))}:${mm}` : null;
  return { date: `${year}-${pad(mon)}-${pad(day)}`, time };
}

/** The period a preamble names (`Periode : 01/11/2026 - 21/11/2026`), read as days. */
export function readPeriod(text: string): { from: string; to: string } | null {
  const m = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\s*(?:-|s\/d|sd|to|hingga|sampai)\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})/i.exec(text);
  if (!m) return null;
  const from = readDate(m[1]!, () => null);
  const to = readDate(m[2]!, () => null);
  return from && to ? { from: from.date, to: to.date } : null;
}

/** DD/MM without a year: the period's end year, or the year before for months after its end (a period over New Year). */
export function yearFromPeriod(period: { from: string; to: string } | null, fallbackYear: number | undefined): (month: number) => number | null {
  if (!period) return () => fallbackYear ?? null;
  const toYear = Number(period.to.slice(0, 4));
  const toMonth = Number(period.to.slice(5, 7));
  return (month) => (month > toMonth ? toYear - 1 : toYear);
}
