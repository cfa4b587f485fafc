// Virtual account numbers (seed 004: one VA per invoice). A VA is the bank's company prefix, the
// branch's VA code, and the branch's own sequence, zero-padded to fixed widths, optionally followed
// by a Luhn check digit. Fixed widths make the parts positional, so two branches (different codes)
// can never produce the same number, and a branch needs only its own counter: batches are prepared
// offline without asking head office.
//
// The branch's VA code is digits, assigned by the bank per branch; it is not Serambi's alphanumeric
// branch code (`JKT01`), which cannot appear in a number customers type at an ATM.

export interface VaConfig {
  /** the bank's prefix for the company (the merchant), 4-8 digits */
  prefix: string;
  /** width of the branch's VA code */
  branchDigits: number;
  /** width of the sequence; a branch can issue 10^sequenceDigits - 1 numbers */
  sequenceDigits: number;
  /** Luhn mod 10 where the bank asks for it: it catches every single mistyped digit */
  checkDigit: 'luhn' | 'none';
}

export const MIN_VA_PREFIX_DIGITS = 4;
export const MAX_VA_PREFIX_DIGITS = 8;
/** Indonesian banks' VAs run up to 16 digits at ATMs and 20 in mobile banking; 20 is the hard cap. */
export const MAX_VA_LENGTH = 20;

export type VaRefusal = 'invoices.errors.vaEmpty' | 'invoices.errors.vaDigits' | 'invoices.errors.vaLength' | 'invoices.errors.vaPrefix' | 'invoices.errors.vaCheckDigit' | 'invoices.errors.vaSequence';

export type ParseVaResult = { ok: true; va: string; branchCode: string; sequence: number } | { ok: false; key: VaRefusal; params?: Record<string, string | number> };

const DIGITS = /^\d+$/;

/** Why a configuration cannot make VAs, or null when it can. Checked when the setting is saved. */
export function vaConfigProblem(config: VaConfig): string | null {
  const { prefix, branchDigits, sequenceDigits } = config;
  if (!DIGITS.test(prefix) || prefix.length < MIN_VA_PREFIX_DIGITS || prefix.length > MAX_VA_PREFIX_DIGITS) return 'invoices.errors.vaConfigPrefix';
  if (!Number.isInteger(branchDigits) || branchDigits < 1 || !Number.isInteger(sequenceDigits) || sequenceDigits < 1) return 'invoices.errors.vaConfigWidths';
  // past 15 digits a sequence would no longer be an exact integer
  if (sequenceDigits > 15 || vaLength(config) > MAX_VA_LENGTH) return 'invoices.errors.vaConfigLength';
  return null;
}

function assertConfig(config: VaConfig): void {
  const problem = vaConfigProblem(config);
  if (problem) throw new RangeError(`VA configuration refused (${problem}): ${JSON.stringify(config)}`);
}

export function vaLength(config: VaConfig): number {
  return config.prefix.length + config.branchDigits + config.sequenceDigits + (config.checkDigit === 'luhn' ? 1 : 0);
}

/** The last sequence a branch can issue; the first is 1. */
export function maxSequence(config: VaConfig): number {
  return 10 ** config.sequenceDigits - 1;
}

/** The Luhn check digit that makes `payload` + digit pass the mod-10 check. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // from the right, every other digit starting with the rightmost one of the payload is doubled
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The VA of `sequence` at the branch with VA code `branchCode`. Throws on a code of the wrong width
 * or a sequence outside 1..maxSequence: the caller allocates sequences and must check exhaustion.
 */
export function formatVa(config: VaConfig, branchCode: string, sequence: number): string {
  assertConfig(config);
  if (!DIGITS.test(branchCode) || branchCode.length !== config.branchDigits) {
    throw new RangeError(`branch VA code must be ${config.branchDigits} digits, got ${branchCode}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > maxSequence(config)) {
    throw new RangeError(`sequence must be 1..${maxSequence(config)}, got ${sequence}`);
  }
  const payload = config.prefix + branchCode + String(sequence).padStart(config.sequenceDigits, '0');
  return config.checkDigit === 'luhn' ? payload + String(luhnCheckDigit(payload)) : payload;
}

/**
 * Reads a VA as a customer or the bank's callback gives it; spaces and dashes between groups are
 * ignored. Refuses what this company and configuration never issue, so a mistyped VA is never
 * taken for another invoice's.
 */
export function parseVa(config: VaConfig, text: string): ParseVaResult {
  assertConfig(config);
  const va = text.replace(/[\s-]/g, '');
  if (va === '') return { ok: false, key: 'invoices.errors.vaEmpty' };
  if (!DIGITS.test(va)) return { ok: false, key: 'invoices.errors.vaDigits' };
  const length = vaLength(config);
  if (va.length !== length) return { ok: false, key: 'invoices.errors.vaLength', params: { length } };
  if (!va.startsWith(config.prefix)) return { ok: false, key: 'invoices.errors.vaPrefix' };
  const payloadEnd = length - (config.checkDigit === 'luhn' ? 1 : 0);
  if (config.checkDigit === 'luhn' && luhnCheckDigit(va.slice(0, payloadEnd)) !== Number(va[payloadEnd])) {
    return { ok: false, key: 'invoices.errors.vaCheckDigit' };
  }
  const branchEnd = config.prefix.length + config.branchDigits;
  const sequence = Number(va.slice(branchEnd, payloadEnd));
  if (sequence < 1) return { ok: false, key: 'invoices.errors.vaSequence' };
  return { ok: true, va, branchCode: va.slice(config.prefix.length, branchEnd), sequence };
}
