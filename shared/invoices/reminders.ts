import { localDayKey, type Zone } from '../domain/time';
import { addDays } from './days';
import type { InvoiceStatus } from './state';

// Reminders of a batch (seed 004: notices "secara otomatis"): some days before the due date and some
// days after it, counted in the branch's calendar days. Named the way Indonesian offices count days
// to a deadline: H-3 is three days before, H the day itself, H+7 a week after.

export interface ReminderSchedule {
  /** e.g. [3, 1]; 0 is the due date itself */
  daysBefore: readonly number[];
  /** e.g. [1, 7] */
  daysAfter: readonly number[];
}

/** `H-3`, `H`, `H+7` */
export type ReminderId = string;

export interface RemindedInvoice {
  status: InvoiceStatus;
  /** `YYYY-MM-DD` */
  dueDate: string;
  /** the reminders that already went out */
  remindersSent: readonly ReminderId[];
  /** the day (`YYYY-MM-DD`) its first notice went out; reminders due before then are not sent */
  firstSentOn?: string | null;
}

/** A year each way: beyond that a "reminder" is a new bill, not a nudge. */
export const MAX_REMINDER_DAYS = 365;

/** The reminder `offset` days from the due date: -3 → `H-3`, 0 → `H`, 7 → `H+7`. */
export function reminderId(offset: number): ReminderId {
  return offset === 0 ? 'H' : offset < 0 ? `H${offset}` : `H+${offset}`;
}

function offsetOf(id: ReminderId): number | null {
  const m = /^H([+-]\d+)?$/.exec(id);
  return m ? Number(m[1] ?? 0) : null;
}

/** Why a schedule cannot be saved, or null. */
export function reminderScheduleProblem(schedule: ReminderSchedule): string | null {
  const inRange = (days: number, min: number) => Number.isInteger(days) && days >= min && days <= MAX_REMINDER_DAYS;
  // after-due starts at 1: the due date itself is `daysBefore: [0]`, so it has one name only
  if (!schedule.daysBefore.every((d) => inRange(d, 0)) || !schedule.daysAfter.every((d) => inRange(d, 1))) {
    return 'invoices.errors.reminderDays';
  }
  return null;
}

/**
 * The reminders to send for `invoice` at instant `now` (its day taken in `zone`, WIB by default).
 *
 * - Only for a sent invoice: an unsent one has had no notice to remind of, and a paid, archived or
 *   deleted one must not be chased.
 * - At most one, the latest whose day has come. A desk that was off over a weekend sends H-1 on
 *   Monday, not H-3 and H-1 together: the older one says something no longer true.
 * - A before-due reminder is dropped once the due date has passed ("due in 1 day" would be false).
 * - Never one already sent, nor one older than a reminder already sent, nor one whose day came
 *   before the invoice's first notice (that notice said it all).
 */
export function remindersDue(schedule: ReminderSchedule, invoice: RemindedInvoice, now: number, zone: Zone = 'WIB'): ReminderId[] {
  if (invoice.status !== 'sent') return [];
  const today = localDayKey(now, zone);
  const offsets = [...new Set([...schedule.daysBefore.map((d) => -d), ...schedule.daysAfter])].sort((a, b) => b - a);
  const latest = offsets.find((offset) => {
    const day = addDays(invoice.dueDate, offset);
    if (day > today) return false;
    if (offset <= 0 && today > invoice.dueDate) return false;
    return !invoice.firstSentOn || day > invoice.firstSentOn;
  });
  if (latest === undefined) return [];
  const sent = invoice.remindersSent.map(offsetOf).filter((o): o is number => o !== null);
  if (sent.some((o) => o >= latest)) return [];
  return [reminderId(latest)];
}
