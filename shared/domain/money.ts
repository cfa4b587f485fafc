// Money is kept as integers: whole rupiah for what the branch bills and expects (unique-code totals,
// invoice amounts), sen (1/100 rupiah) only where a bank statement can carry cents. Never floats:
// 0.1 + 0.2 is not a number a reconciliation can trust.

/** Why an amount could not be read. */
export type AmountError =
  /** nothing typed (blank, or only the currency sign) */
  | 'empty'
  /** not a number in any format we accept */
  | 'invalid'
  /** beyond Number.MAX_SAFE_INTEGER in the unit asked for */
  | 'tooLarge';

export type ParseSenResult = { ok: true; sen: number } | { ok: false; reason: AmountError };
export type ParseWholeRupiahResult =
  | { ok: true; rupiah: number }
  /** 'fraction': the amount has non-zero sen where whole rupiah are required */
  | { ok: false; reason: AmountError | 'fraction' };

export interface ParseAmountOptions {
  /**
   * The decimal separator, when the source is known (a bank export of a known format). Without it
   * the separator is inferred by the rules of {@link parseRupiahSen}; with it, anything that does not
   * fit that convention is refused rather than guessed.
   */
  decimalSeparator?: ',' | '.';
}

function assertSafeInteger(n: number, unit: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${unit} must be a safe integer, got ${n}`);
}

/** `50009` → `50.009`; `-1234567` → `-1.234.567` (id-ID grouping). Throws on a non-integer. */
export function formatNumberId(n: number): string {
  assertSafeInteger(n, 'amount');
  return (n < 0 ? '-' : '') + groupThousands(String(Math.abs(n)));
}

/** `50009` → `Rp 50.009`; negative as `-Rp 50.009`, the way Indonesian statements show it. */
export function formatRupiah(rupiah: number): string {
  assertSafeInteger(rupiah, 'rupiah');
  return (rupiah < 0 ? '-' : '') + 'Rp ' + groupThousands(String(Math.abs(rupiah)));
}

/** `5000950` sen → `Rp 50.009,50`; always two decimals, so a statement amount reads exactly. */
export function formatRupiahSen(sen: number): string {
  assertSafeInteger(sen, 'sen');
  const abs = Math.abs(sen);
  const rupiah = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return (sen < 0 ? '-' : '') + 'Rp ' + groupThousands(String(rupiah)) + ',' + cents;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Reads an amount as people and bank exports write it, in sen.
 *
 * Accepted around the number: a leading sign (`-`, `+` or `−`, before or after the currency), a
 * currency `Rp`, `Rp.` or `IDR` (any case, spaced or not), and the whole-rupiah mark `,-` / `.-`
 * (whose separator is then the decimal one).
 *
 * Which separator is the decimal one (when {@link ParseAmountOptions.decimalSeparator} is not given):
 * - both `.` and `,` present: the last one is decimal, the other groups thousands
 *   (`1.000,00` and `1,000.00` are both 1000);
 * - one kind, several times: it groups thousands (`1.000.000`, `1,000,000`);
 * - one kind, once, followed by exactly 3 digits: it groups thousands (`50.009` and `50,009` are
 *   50009), because rupiah have at most 2 decimals, so 3 digits can never be sen;
 * - one kind, once, followed by 1 or 2 digits: decimal (`50,5` and `50.50` are 50 rupiah 50 sen).
 * Grouping must be regular (first group 1-3 digits not starting with 0, then groups of exactly 3),
 * so `1.00.0` and `1234.567` are refused rather than guessed.
 */
export function parseRupiahSen(text: string, options: ParseAmountOptions = {}): ParseSenResult {
  const read = readAmount(text, options);
  if (!read.ok) return read;
  const sen = read.integer * 100n + read.fraction;
  if (sen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, sen: signed(read.negative, Number(sen)) };
}

/**
 * Reads an amount that must be whole rupiah (invoice `Jumlah`, expected payments, CLI amounts).
 * Same formats as {@link parseRupiahSen}; a zero fraction (`50.009,00`) is fine, a non-zero one is
 * refused as 'fraction' rather than rounded, since rounding money silently is how ledgers drift.
 */
export function parseWholeRupiah(text: string, options: ParseAmountOptions = {}): ParseWholeRupiahResult {
  const read = readAmount(text, options);
  if (!read.ok) return read;
  if (read.fraction !== 0n) return { ok: false, reason: 'fraction' };
  if (read.integer > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, rupiah: signed(read.negative, Number(read.integer)) };
}

// Avoids handing out -0, which prints as "0" but compares oddly with Object.is and in JSON tools.
function signed(negative: boolean, n: number): number {
  return negative && n !== 0 ? -n : n;
}

type ReadAmount =
  | { ok: true; negative: boolean; integer: bigint; fraction: bigint }
  | { ok: false; reason: AmountError };

const SIGN = /^[-+\u2212]/;
const CURRENCY = /^(?:rp\.?|idr)/i;
const WHOLE_MARK = /[.,]-$/;

// BigInt so that amounts near MAX_SAFE_INTEGER are judged exactly, not after float rounding.
function readAmount(text: string, options: ParseAmountOptions): ReadAmount {
  let s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };

  const lead = takeSign(s);
  s = lead.rest;
  const currency = CURRENCY.exec(s);
  if (currency) s = s.slice(currency[0].length).trimStart();
  // The sign may come before or after the currency (`-Rp 5`, `Rp -5`), but only once.
  const after = lead.sign === null ? takeSign(s) : { sign: null, rest: s };
  s = after.rest;
  const sign = lead.sign ?? after.sign;
  if (s === '') return { ok: false, reason: sign === null ? 'empty' : 'invalid' };

  // `,-` is written where the sen would go, so its separator is the decimal one: `50.009,-` is
  // 50009, while `50,009,-` mixes conventions and is refused.
  let decimal = options.decimalSeparator;
  const wholeMark = WHOLE_MARK.exec(s)?.[0][0] as ',' | '.' | undefined;
  if (wholeMark !== undefined) {
    if (decimal !== undefined && decimal !== wholeMark) return { ok: false, reason: 'invalid' };
    decimal = wholeMark;
    s = s.slice(0, -2);
  }

  const number = splitNumber(s, decimal);
  if (number === null || (wholeMark !== undefined && number.fraction !== '')) return { ok: false, reason: 'invalid' };

  return {
    ok: true,
    negative: sign !== null && sign !== '+',
    integer: BigInt(number.integer),
    fraction: BigInt(number.fraction.padEnd(2, '0')),
  };
}

function takeSign(s: string): { sign: string | null; rest: string } {
  const m = SIGN.exec(s);
  return m ? { sign: m[0], rest: s.slice(1).trimStart() } : { sign: null, rest: s };
}

/** The digits before and after the decimal separator, or null when the text is not a number. */
function splitNumber(s: string, decimalHint: ',' | '.' | undefined): { integer: string; fraction: string } | null {
  if (!/^\d[\d.,]*$/.test(s) || !/\d$/.test(s)) return null;
  if (decimalHint !== undefined) return splitWithDecimal(s, decimalHint);

  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots === 0 && commas === 0) return { integer: s, fraction: '' };
  if (dots > 0 && commas > 0) return splitWithDecimal(s, s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',');

  const sep = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return ungroup(s, sep);
  const tail = s.length - s.indexOf(sep) - 1;
  if (tail === 3) return ungroup(s, sep);
  return splitWithDecimal(s, sep);
}

function splitWithDecimal(s: string, decimal: ',' | '.'): { integer: string; fraction: string } | null {
  const group = decimal === ',' ? '.' : ',';
  const parts = s.split(decimal);
  if (parts.length > 2) return null;
  const [head = '', fraction = ''] = parts;
  if (parts.length === 2 && !/^\d{1,2}$/.test(fraction)) return null;
  const integer = head.includes(group) ? ungroup(head, group) : /^\d+$/.test(head) ? { integer: head, fraction: '' } : null;
  return integer && { integer: integer.integer, fraction };
}

function ungroup(s: string, group: string): { integer: string; fraction: string } | null {
  const g = group === '.' ? '\\.' : ',';
  if (!new RegExp(`^[1-9]\\d{0,2}(?:${g}\\d{3})+$`).test(s)) return null;
  return { integer: s.split(group).join(''), fraction: '' };
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
