import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './days';
import { reminderId, reminderScheduleProblem, remindersDue, type RemindedInvoice, type ReminderSchedule } from './reminders';
import { INVOICE_STATUSES } from './state';

const SCHEDULE: ReminderSchedule = { daysBefore: [3, 1], daysAfter: [1, 7] };
const DUE = '2026-07-10';
/** 09:00 WIB on `day` */
const at = (day: string, hourWib = 9) => Date.parse(`${day}T00:00:00Z`) + (hourWib - 7) * 3_600_000;
const invoice = (over: Partial<RemindedInvoice> = {}): RemindedInvoice => ({ status: 'sent', dueDate: DUE, remindersSent: [], firstSentOn: '2026-07-01', ...over });

describe('reminder ids', () => {
  it.each([
    [-3, 'H-3'],
    [0, 'H'],
    [7, 'H+7'],
  ])('%d → %s', (offset, id) => {
    expect(reminderId(offset)).toBe(id);
  });
});

describe('remindersDue', () => {
  it.each<[string, string, string[]]>([
    ['before the first reminder', '2026-07-06', []],
    ['on H-3', '2026-07-07', ['H-3']],
    ['between H-3 and H-1', '2026-07-08', ['H-3']],
    ['on H-1', '2026-07-09', ['H-1']],
    ['on the due date', DUE, ['H-1']],
    ['on H+1', '2026-07-11', ['H+1']],
    ['on H+6', '2026-07-16', ['H+1']],
    ['on H+7', '2026-07-17', ['H+7']],
    ['a month later', '2026-08-10', ['H+7']],
  ])('with nothing sent, %s (%s) → %o', (_, day, due) => {
    expect(remindersDue(SCHEDULE, invoice(), at(day))).toEqual(due);
  });

  it('never sends a reminder twice', () => {
    expect(remindersDue(SCHEDULE, invoice({ remindersSent: ['H-3'] }), at('2026-07-08'))).toEqual([]);
    expect(remindersDue(SCHEDULE, invoice({ remindersSent: ['H-3'] }), at('2026-07-09'))).toEqual(['H-1']);
    expect(remindersDue(SCHEDULE, invoice({ remindersSent: ['H-3', 'H-1', 'H+1', 'H+7'] }), at('2026-09-01'))).toEqual([]);
  });

  it('sends only the latest after a gap: not H-3 and H-1 together after a weekend', () => {
    expect(remindersDue(SCHEDULE, invoice(), at('2026-07-09'))).toEqual(['H-1']);
  });

  it('does not go back to an older reminder than one already sent', () => {
    expect(remindersDue(SCHEDULE, invoice({ remindersSent: ['H+1'] }), at('2026-07-12'))).toEqual([]);
  });

  it('drops before-due reminders once the due date has passed', () => {
    expect(remindersDue({ daysBefore: [3, 1], daysAfter: [] }, invoice(), at('2026-07-11'))).toEqual([]);
  });

  it('sends on the due date itself when the schedule has 0 days before', () => {
    expect(remindersDue({ daysBefore: [0], daysAfter: [] }, invoice(), at(DUE))).toEqual(['H']);
  });

  it('skips reminders whose day came before the first notice', () => {
    const lateUpload = invoice({ firstSentOn: '2026-07-08' });
    expect(remindersDue(SCHEDULE, lateUpload, at('2026-07-08'))).toEqual([]);
    expect(remindersDue(SCHEDULE, lateUpload, at('2026-07-09'))).toEqual(['H-1']);
  });

  it('counts days in WIB: 23:30 WIB is still the day before, 00:30 WIB the next', () => {
    expect(remindersDue(SCHEDULE, invoice(), at('2026-07-06', 23.5))).toEqual([]);
    expect(remindersDue(SCHEDULE, invoice(), at('2026-07-07', 0.5))).toEqual(['H-3']);
  });

  it('never reminds of an invoice that is not sent and unpaid', () => {
    for (const status of INVOICE_STATUSES.filter((s) => s !== 'sent')) {
      expect(remindersDue(SCHEDULE, invoice({ status }), at('2026-07-11'))).toEqual([]);
    }
  });

  it('over any run of days, sends each reminder at most once and in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (daysBefore, daysAfter, deskOn) => {
          const sent: string[] = [];
          deskOn.forEach((on, i) => {
            if (!on) return;
            sent.push(...remindersDue({ daysBefore, daysAfter }, invoice({ remindersSent: sent, firstSentOn: null }), at(addDays('2026-06-30', i))));
          });
          expect(new Set(sent).size).toBe(sent.length);
          const offsets = sent.map((id) => (id === 'H' ? 0 : Number(id.slice(1))));
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('reminderScheduleProblem', () => {
  it.each<[ReminderSchedule, string | null]>([
    [SCHEDULE, null],
    [{ daysBefore: [0], daysAfter: [] }, null],
    [{ daysBefore: [-1], daysAfter: [] }, 'invoices.errors.reminderDays'],
    [{ daysBefore: [], daysAfter: [0] }, 'invoices.errors.reminderDays'],
    [{ daysBefore: [1.5], daysAfter: [] }, 'invoices.errors.reminderDays'],
    [{ daysBefore: [], daysAfter: [366] }, 'invoices.errors.reminderDays'],
  ])('%o → %s', (schedule, problem) => {
    expect(reminderScheduleProblem(schedule)).toBe(problem);
  });
});
