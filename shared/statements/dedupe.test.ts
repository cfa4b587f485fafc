import { describe, expect, it } from 'vitest';
import mandiri from '../../tests/fixtures/statements/mandiri.csv?raw';
import mandiriOverlap from '../../tests/fixtures/statements/mandiri-overlap.csv?raw';
import mt940 from '../../tests/fixtures/statements/mt940.txt?raw';
import mt940Overlap from '../../tests/fixtures/statements/mt940-overlap.txt?raw';
import { fingerprintOf, mutationKeys } from './dedupe';
import { parseStatement } from './parse';
import type { ParsedMutation, ParsedStatement } from './types';

const ACCOUNT = '1370012345678';

function parsed(fileName: string, text: string): ParsedStatement {
  const result = parseStatement({ kind: 'text', fileName, text }, { expectedAccount: ACCOUNT });
  if (!result.ok) throw new Error(`${fileName}: ${result.key}`);
  return result.statement;
}

const keyed = (statement: ParsedStatement) => {
  const keys = mutationKeys(ACCOUNT, statement.mutations);
  return statement.mutations.map((m, i) => ({ line: m.line, date: m.date, key: keys[i]! }));
};

const transfer = (over: Partial<ParsedMutation> = {}): ParsedMutation => ({
  line: 7,
  date: '2026-11-25',
  time: '08:15',
  direction: 'CR',
  amountSen: 5_000_900,
  description: 'TRANSFER DR 008 BUDI SANTOSO',
  reference: null,
  balanceSen: null,
  ...over,
});

describe('mutationKeys on overlapping statements', () => {
  it('gives a row of the overlap the same key in both Mandiri statements, though at other lines', () => {
    const first = keyed(parsed('mandiri.csv', mandiri));
    const second = keyed(parsed('mandiri-overlap.csv', mandiriOverlap));
    // 21/11 (three-line description) and 22/11 are in both files
    const shared = (rows: typeof first) => rows.filter((r) => r.date === '2026-11-21' || r.date === '2026-11-22').map((r) => r.key);
    expect(shared(first)).toHaveLength(2);
    expect(shared(second)).toEqual(shared(first));
    expect(first.filter((r) => r.date === '2026-11-22')[0]!.line).not.toBe(second.filter((r) => r.date === '2026-11-22')[0]!.line);
    // what the second file adds: the transfer booked on 23/11 (PEND in the first) and the ATM withdrawal
    const known = new Set(first.map((r) => r.key));
    expect(second.filter((r) => !known.has(r.key)).map((r) => r.line)).toEqual([11, 12]);
  });

  it('gives two identical transfers of one day in one MT940 file two keys, #1 and #2', () => {
    const rows = keyed(parsed('mt940.txt', mt940));
    const [a, b] = rows;
    expect(a!.key).not.toBe(b!.key);
    expect(a!.key.endsWith('#1')).toBe(true);
    expect(b!.key.endsWith('#2')).toBe(true);
    expect(a!.key.slice(0, -2)).toBe(b!.key.slice(0, -2));
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('gives the same pair the same two keys when an overlapping MT940 is imported again, and only the new rows new keys', () => {
    const first = keyed(parsed('mt940.txt', mt940));
    const second = keyed(parsed('mt940-overlap.txt', mt940Overlap));
    expect(second.slice(0, 4).map((r) => r.key)).toEqual(first.map((r) => r.key));
    const known = new Set(first.map((r) => r.key));
    const fresh = second.filter((r) => !known.has(r.key));
    // the reversal and a third identical transfer, on another day: its own #1
    expect(fresh.map((r) => r.line)).toEqual([18, 20]);
    expect(fresh[1]!.key.endsWith('#1')).toBe(true);
  });

  it('is the same for the same file read twice', () => {
    expect(keyed(parsed('mt940.txt', mt940))).toEqual(keyed(parsed('mt940.txt', mt940)));
  });
});

describe('mutationKeys', () => {
  it('counts occurrences per identical row, not per position', () => {
    const keys = mutationKeys(ACCOUNT, [transfer(), transfer({ amountSen: 100 }), transfer(), transfer({ amountSen: 100 }), transfer()]);
    expect(keys.map((k) => k.slice(-2))).toEqual(['#1', '#1', '#2', '#2', '#3']);
    expect(new Set(keys).size).toBe(5);
  });

  it('tells identical transfers apart by the running balance when the statement has one', () => {
    const keys = mutationKeys(ACCOUNT, [transfer({ balanceSen: 105_000_900 }), transfer({ balanceSen: 110_001_800 })]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.every((k) => k.endsWith('#1'))).toBe(true);
  });

  it('keeps over-long keys bounded, stable and distinct per occurrence', () => {
    const long = transfer({ description: `TRANSFER ${'BAYAR PESANAN DIGIPRO '.repeat(30)}` });
    const keys = mutationKeys(ACCOUNT, [long, long]);
    expect(keys[0]!.length).toBeLessThanOrEqual(300);
    expect(keys[1]!.length).toBeLessThanOrEqual(300);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[0]!.endsWith('#1')).toBe(true);
    expect(keys[1]!.endsWith('#2')).toBe(true);
    expect(mutationKeys(ACCOUNT, [long, long])).toEqual(keys);
    // descriptions alike in their first 280 characters still differ
    const other = transfer({ description: `${long.description} INV 2` });
    expect(mutationKeys(ACCOUNT, [other])[0]).not.toBe(keys[0]);
  });
});

describe('fingerprintOf', () => {
  it('ignores the line, the time and how the description is spaced or cased', () => {
    expect(fingerprintOf(ACCOUNT, transfer({ line: 40, time: null, description: ' transfer  dr 008\nBudi Santoso ' }))).toBe(fingerprintOf(ACCOUNT, transfer()));
  });

  it.each<[string, Partial<ParsedMutation>]>([
    ['day', { date: '2026-11-26' }],
    ['direction', { direction: 'DB' }],
    ['amount', { amountSen: 5_000_800 }],
    ['description', { description: 'TRANSFER DR 008 SITI AMINAH' }],
    ['reference', { reference: 'FT26329A1B2C' }],
    ['balance', { balanceSen: 105_000_900 }],
  ])('tells rows apart by their %s', (_what, change) => {
    expect(fingerprintOf(ACCOUNT, transfer(change))).not.toBe(fingerprintOf(ACCOUNT, transfer()));
  });

  it('tells accounts apart', () => {
    expect(fingerprintOf('0613005009', transfer())).not.toBe(fingerprintOf(ACCOUNT, transfer()));
  });
});
