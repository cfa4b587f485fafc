import { describe, expect, it } from 'vitest';
import { columnLetter } from './columns';

describe('columnLetter', () => {
  it.each<[number, string]>([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [100, 'CV'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%s is no column', (column) => {
    expect(columnLetter(column)).toBe('');
  });
});
