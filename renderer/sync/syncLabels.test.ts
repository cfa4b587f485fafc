import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../shared/api/methods/sync';
import { haltKind, lastErrorWords, progressPercent, sinceWords, stateTone, syncState } from './syncLabels';

const base: SyncStatusView = {
  enrolled: true,
  headofficeUrl: 'https://pusat.example',
  branchCode: 'JKT01',
  online: true,
  pending: 0,
  lastSuccessAt: 1_000,
  lastAttemptAt: 1_000,
  lastError: null,
  halted: null,
  openConflicts: 0,
  progress: null,
};

describe('the state at a glance', () => {
  it.each<[string, SyncStatusView | null, boolean, ReturnType<typeof syncState>]>([
    ['not read yet', null, false, 'checking'],
    ['not enrolled', { ...base, enrolled: false, headofficeUrl: null, online: null }, false, 'notEnrolled'],
    ['halted wins over offline', { ...base, halted: 'sync.halted.revoked', online: false }, false, 'halted'],
    ['a round under way', { ...base, progress: { phase: 'push', done: 1, total: 3 } }, false, 'syncing'],
    ['a round started here', base, true, 'syncing'],
    ['head office unreachable', { ...base, online: false, lastError: { key: 'sync.error.offline', at: 2_000 } }, false, 'offline'],
    ['refused, though reachable', { ...base, lastError: { key: 'sync.error.refused', at: 2_000 } }, false, 'trouble'],
    ['enrolled, never tried', { ...base, online: null, lastSuccessAt: null, lastAttemptAt: null }, false, 'never'],
    ['all well', base, false, 'online'],
  ])('%s', (_name, status, running, expected) => {
    expect(syncState(status, running)).toBe(expected);
  });

  it('colours the states', () => {
    expect(stateTone('online')).toBe('success');
    expect(stateTone('offline')).toBe('warning');
    expect(stateTone('halted')).toBe('danger');
    expect(stateTone('notEnrolled')).toBe('info');
  });
});

describe('time since the last sync', () => {
  const now = 10 * 3_600_000 * 24;
  it.each<[number, ReturnType<typeof sinceWords>]>([
    [0, { key: 'syncStatus.since.justNow' }],
    [59_000, { key: 'syncStatus.since.justNow' }],
    [60_000, { key: 'syncStatus.since.minutes', params: { n: 1 } }],
    [59 * 60_000, { key: 'syncStatus.since.minutes', params: { n: 59 } }],
    [3 * 3_600_000 + 5 * 60_000, { key: 'syncStatus.since.hours', params: { n: 3 } }],
    [12 * 3_600_000, null],
  ])('%i ms ago', (ago, expected) => {
    expect(sinceWords(now - ago, now)).toEqual(expected);
  });

  it('a clock a little behind the core reads as just now', () => {
    expect(sinceWords(now + 5_000, now)).toEqual({ key: 'syncStatus.since.justNow' });
  });
});

describe('words for the rest', () => {
  it('a refusal without its code has its own sentence', () => {
    expect(lastErrorWords({ key: 'sync.error.refused' })).toEqual({ key: 'syncStatus.refusedNoCode' });
    expect(lastErrorWords({ key: 'sync.error.offline' })).toEqual({ key: 'sync.error.offline' });
  });

  it('names the halts', () => {
    expect(haltKind(null)).toBeNull();
    expect(haltKind('sync.halted.restored')).toBe('restored');
    expect(haltKind('sync.halted.epochChanged')).toBe('epochChanged');
    expect(haltKind('sync.halted.revoked')).toBe('revoked');
    expect(haltKind('sync.halted.somethingNew')).toBe('other');
  });

  it('gives a percentage only when the total is known', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ phase: 'pull', done: 300, total: null })).toBeNull();
    expect(progressPercent({ phase: 'push', done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ phase: 'push', done: 0, total: 0 })).toBeNull();
  });
});
