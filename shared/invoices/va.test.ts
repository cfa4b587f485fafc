import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVa, luhnCheckDigit, maxSequence, parseVa, vaConfigProblem, vaLength, type VaConfig } from './va';

const BANK: VaConfig = { prefix: '8808', branchDigits: 3, sequenceDigits: 8, checkDigit: 'luhn' };
const PLAIN: VaConfig = { ...BANK, checkDigit: 'none' };

/** any valid configuration */
const configs = fc
  .record({
    prefix: fc.integer({ min: 4, max: 8 }).chain((n) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`))),
    branchDigits: fc.integer({ min: 1, max: 4 }),
    sequenceDigits: fc.integer({ min: 1, max: 7 }),
    checkDigit: fc.constantFrom('luhn' as const, 'none' as const),
  })
  .filter((c) => vaConfigProblem(c) === null);
const branchOf = (config: VaConfig) => fc.stringMatching(new RegExp(`^[0-9]{${config.branchDigits}}$`));
const sequenceOf = (config: VaConfig) => fc.integer({ min: 1, max: maxSequence(config) });

describe('formatVa', () => {
  it('is prefix + branch + zero-padded sequence + Luhn digit', () => {
    expect(formatVa(PLAIN, '012', 42)).toBe('880801200000042');
    expect(formatVa(BANK, '012', 42)).toBe(`880801200000042${luhnCheckDigit('880801200000042')}`);
    expect(vaLength(BANK)).toBe(16);
  });

  it('computes the Luhn digit of the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('gives 10^digits - 1 sequences per branch', () => {
    expect(maxSequence(BANK)).toBe(99_999_999);
    expect(formatVa(PLAIN, '999', 99_999_999)).toBe('880899999999999');
  });

  it.each<[string, number]>([
    ['12', 1],
    ['1A2', 1],
    ['012', 0],
    ['012', 100_000_000],
    ['012', 1.5],
  ])('throws for branch %s, sequence %d', (branch, sequence) => {
    expect(() => formatVa(BANK, branch, sequence)).toThrow(RangeError);
  });

  it.each<[Partial<VaConfig>, string | null]>([
    [{}, null],
    [{ prefix: '880' }, 'invoices.errors.vaConfigPrefix'],
    [{ prefix: '123456789' }, 'invoices.errors.vaConfigPrefix'],
    [{ prefix: '88O8' }, 'invoices.errors.vaConfigPrefix'],
    [{ branchDigits: 0 }, 'invoices.errors.vaConfigWidths'],
    [{ sequenceDigits: 2.5 }, 'invoices.errors.vaConfigWidths'],
    [{ prefix: '88088808', branchDigits: 5, sequenceDigits: 7 }, 'invoices.errors.vaConfigLength'],
  ])('configuration %o → %s', (change, problem) => {
    expect(vaConfigProblem({ ...BANK, ...change })).toBe(problem);
  });
});

describe('parseVa', () => {
  const va = formatVa(BANK, '012', 42);

  it('gives back the branch and the sequence, ignoring group separators', () => {
    const grouped = `${va.slice(0, 4)} ${va.slice(4, 8)}-${va.slice(8)}`;
    expect(parseVa(BANK, grouped)).toEqual({ ok: true, va, branchCode: '012', sequence: 42 });
  });

  it.each<[string, string]>([
    ['', 'invoices.errors.vaEmpty'],
    ['8808 01A', 'invoices.errors.vaDigits'],
    ['88080120000004', 'invoices.errors.vaLength'],
    [`7808${va.slice(4)}`, 'invoices.errors.vaPrefix'],
    [`${va.slice(0, -1)}${(Number(va.at(-1)) + 1) % 10}`, 'invoices.errors.vaCheckDigit'],
  ])('refuses %s with %s', (text, key) => {
    const result = parseVa(BANK, text);
    expect(result.ok ? null : result.key).toBe(key);
  });

  it('refuses sequence 0, which no branch issues', () => {
    const result = parseVa(PLAIN, '880801200000000');
    expect(result.ok ? null : result.key).toBe('invoices.errors.vaSequence');
  });
});

describe('VA properties', () => {
  it('two different branches never produce the same VA, whatever their sequences', () => {
    fc.assert(
      fc.property(
        configs.chain((config) => fc.tuple(fc.constant(config), branchOf(config), branchOf(config), sequenceOf(config), sequenceOf(config))),
        ([config, a, b, sa, sb]) => {
          fc.pre(a !== b);
          expect(formatVa(config, a, sa)).not.toBe(formatVa(config, b, sb));
        },
      ),
    );
  });

  it('one branch never repeats a VA for two sequences', () => {
    fc.assert(
      fc.property(configs.chain((config) => fc.tuple(fc.constant(config), branchOf(config), sequenceOf(config), sequenceOf(config))), ([config, branch, sa, sb]) => {
        fc.pre(sa !== sb);
        expect(formatVa(config, branch, sa)).not.toBe(formatVa(config, branch, sb));
      }),
    );
  });

  it('parseVa(formatVa(x)) gives x back', () => {
    fc.assert(
      fc.property(configs.chain((config) => fc.tuple(fc.constant(config), branchOf(config), sequenceOf(config))), ([config, branch, sequence]) => {
        const va = formatVa(config, branch, sequence);
        expect(va).toHaveLength(vaLength(config));
        expect(parseVa(config, va)).toEqual({ ok: true, va, branchCode: branch, sequence });
      }),
    );
  });

  it('with the check digit on, any single changed digit is refused', () => {
    const luhnConfigs = configs.map((c) => ({ ...c, checkDigit: 'luhn' as const })).filter((c) => vaConfigProblem(c) === null);
    fc.assert(
      fc.property(
        luhnConfigs.chain((config) =>
          fc.tuple(fc.constant(config), branchOf(config), sequenceOf(config), fc.nat({ max: vaLength(config) - 1 }), fc.integer({ min: 1, max: 9 })),
        ),
        ([config, branch, sequence, position, shift]) => {
          const va = formatVa(config, branch, sequence);
          const changed = va.slice(0, position) + String((Number(va[position]) + shift) % 10) + va.slice(position + 1);
          expect(parseVa(config, changed).ok).toBe(false);
        },
      ),
    );
  });
});
