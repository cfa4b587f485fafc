import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import {
  canResend,
  dataUrlBase64,
  defaultPeriod,
  displayTag,
  fileRefusal,
  formatDue,
  formatMoney,
  invoiceActionsFor,
  messageTag,
  monthStart,
  noticeTag,
  readDays,
  readPercent,
  scheduleText,
  sheetIssues,
  tabOf,
  tabsFor,
} from './invoiceLabels';

describe('what each role sees', () => {
  it('back office lists, uploads and reports; Kasie and Kacab also enter the VA setting', () => {
    expect(tabsFor(['back-office'])).toEqual(['list', 'upload', 'reports']);
    expect(tabsFor(['kasie'])).toEqual(['list', 'upload', 'reports', 'va']);
    expect(tabsFor(['kacab', 'back-office'])).toEqual(['list', 'upload', 'reports', 'va']);
  });

  it('a link to a tab the role may not see lands on the list', () => {
    expect(tabOf('va', ['back-office'])).toBe('list');
    expect(tabOf('va', ['kacab'])).toBe('va');
    expect(tabOf('upload', ['back-office'])).toBe('upload');
    expect(tabOf(undefined, ['back-office'])).toBe('list');
  });
});

describe('a row’s buttons', () => {
  it('sends an invoice nobody was told of, and deletes it only while nothing was asked of head office', () => {
    expect(invoiceActionsFor({ status: 'unsent', notice: 'none' })).toEqual(['send', 'archive', 'delete']);
    expect(invoiceActionsFor({ status: 'unsent', notice: 'requested' })).toEqual(['archive']);
    expect(invoiceActionsFor({ status: 'unsent', notice: 'failed' })).toEqual(['send', 'archive']);
  });

  it('archives a sent invoice, never deletes it; a paid or closed one has no buttons', () => {
    expect(invoiceActionsFor({ status: 'sent', notice: 'sent' })).toEqual(['archive']);
    expect(invoiceActionsFor({ status: 'sent', notice: 'failed' })).toEqual(['send', 'archive']);
    expect(invoiceActionsFor({ status: 'paid', notice: 'sent' })).toEqual([]);
    expect(invoiceActionsFor({ status: 'archived', notice: 'sent' })).toEqual([]);
    expect(invoiceActionsFor({ status: 'deleted', notice: 'none' })).toEqual([]);
  });

  it('sends again only a message that failed', () => {
    expect(canResend({ status: 'failed' })).toBe(true);
    expect(canResend({ status: 'queued' })).toBe(false);
    expect(canResend({ status: 'sent' })).toBe(false);
  });
});

describe('status colours', () => {
  it('paid is green, overdue and failed are red, what waits is amber', () => {
    expect(displayTag('paid')).toBe('success');
    expect(displayTag('overdue')).toBe('danger');
    expect(displayTag('due')).toBe('primary');
    expect(displayTag('archived')).toBe('info');
    expect(noticeTag('sent')).toBe('success');
    expect(noticeTag('failed')).toBe('danger');
    expect(noticeTag('requested')).toBe('warning');
    expect(noticeTag('none')).toBe('info');
    expect(messageTag('queued')).toBe('warning');
    expect(messageTag('failed')).toBe('danger');
  });
});

describe('reminder days as people type them', () => {
  it('reads commas, spaces and H-3 alike, each day once, the farthest first', () => {
    expect(readDays('3, 1', 'before')).toEqual({ ok: true, days: [3, 1] });
    expect(readDays('1 3 3', 'before')).toEqual({ ok: true, days: [3, 1] });
    expect(readDays('H-7;H-1', 'before')).toEqual({ ok: true, days: [7, 1] });
    expect(readDays('7, 1', 'after')).toEqual({ ok: true, days: [1, 7] });
    expect(readDays('  ', 'after')).toEqual({ ok: true, days: [] });
    expect(readDays('0', 'before')).toEqual({ ok: true, days: [0] });
  });

  it('refuses with the core’s own words what it would refuse', () => {
    expect(readDays('0', 'after')).toEqual({ ok: false, key: 'invoices.errors.reminderDays' });
    expect(readDays('400', 'before')).toEqual({ ok: false, key: 'invoices.errors.reminderDays' });
    expect(readDays('tiga', 'before')).toEqual({ ok: false, key: 'invoices.errors.reminderDays' });
    expect(readDays('1 2 3 4 5 6 7 8 9 10 11', 'before')).toEqual({ ok: false, key: 'invoices.errors.reminderDays' });
  });

  it('writes a schedule as the SOPs do', () => {
    expect(scheduleText({ daysBefore: [1, 3], daysAfter: [7, 1] })).toBe('H-3, H-1, H+1, H+7');
    expect(scheduleText({ daysBefore: [0], daysAfter: [] })).toBe('H');
  });
});

describe('files and their rows', () => {
  it('refuses an empty or oversized file before reading it', () => {
    expect(fileRefusal(0, 1024)).toEqual({ key: 'invoices.errors.empty' });
    expect(fileRefusal(21 * 1024 * 1024, 20 * 1024 * 1024)).toEqual({ key: 'invoices.errors.tooLarge' });
    expect(fileRefusal(2048, 20 * 1024 * 1024)).toBeNull();
  });

  it('lists a refused sheet’s problems in row order, with the column header as the sheet has it', () => {
    const error = new ApiError('bad_input', 'invoices.errors.sheetRefused', { module: 'E-Invoice' }, [
      { path: 'rows.5.Jatuh Tempo', key: 'invoices.errors.dueDateUnreadable', params: { row: 5, value: '31/02/2026' } },
      { path: 'rows.1.Jumlah', key: 'invoices.errors.missingColumn', params: { row: 1, column: 'Jumlah' } },
      { path: 'rows.3', key: 'invoices.errors.mergedCells', params: { row: 3, range: 'A3:B3' } },
      { path: 'rows.4.No. Ref', key: 'invoices.errors.unknownColumn', params: { row: 4 } },
      { path: 'module', key: 'validation.invalid' },
    ]);
    expect(sheetIssues(error).map((i) => [i.row, i.column, i.key])).toEqual([
      [1, 'Jumlah', 'invoices.errors.missingColumn'],
      [3, '', 'invoices.errors.mergedCells'],
      [4, 'No. Ref', 'invoices.errors.unknownColumn'],
      [5, 'Jatuh Tempo', 'invoices.errors.dueDateUnreadable'],
    ]);
    expect(sheetIssues(new Error('x'))).toEqual([]);
  });

  it('takes the file out of a data URL and counts the reading in whole percents', () => {
    expect(dataUrlBase64('data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsDBA==')).toBe('UEsDBA==');
    expect(dataUrlBase64('nothing')).toBe('');
    expect(readPercent(0, 0)).toBe(0);
    expect(readPercent(512, 1024)).toBe(50);
    expect(readPercent(1023, 1024)).toBe(99);
    expect(readPercent(2048, 1024)).toBe(100);
  });
});

describe('money and days', () => {
  it('writes rupiah and due dates the Indonesian way', () => {
    expect(formatMoney(1_250_000)).toBe('Rp 1.250.000');
    expect(formatDue('2026-12-31')).toBe('31/12/2026');
  });

  it('opens a report on this month and the next', () => {
    expect(monthStart('2026-12-06')).toBe('2026-12-01');
    expect(defaultPeriod('2026-12-06')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
    expect(defaultPeriod('2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });
});
