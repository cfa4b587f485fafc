import { describe, expect, it } from 'vitest';
import { endOfDay, formatDateTime, startOfDay } from './dateTime';

describe('branch time', () => {
  const at = Date.UTC(2026, 10, 21, 3, 2); // 21 Nov 2026 03:02 UTC

  it('shows the wall clock of the branch zone', () => {
    expect(formatDateTime(at, 'WIB')).toBe('21/11/2026 10:02 WIB');
    expect(formatDateTime(at, 'WITA')).toBe('21/11/2026 11:02 WITA');
    expect(formatDateTime(at, 'WIT')).toBe('21/11/2026 12:02 WIT');
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 1, 17, 0), 'WIB')).toBe('02/01/2026 00:00 WIB');
  });

  it('bounds a calendar day in the zone', () => {
    expect(startOfDay('2026-11-21', 'WIB')).toBe(Date.UTC(2026, 10, 20, 17, 0));
    expect(endOfDay('2026-11-21', 'WIT')).toBe(Date.UTC(2026, 10, 21, 15, 0) - 1);
  });
});
