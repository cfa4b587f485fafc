import { z } from 'zod';
import { formatRupiah, parseWholeRupiah } from '../domain/money';
import { normalizePhone } from '../domain/phone';
import { localDayKey, parseLocalDate } from '../domain/time';
import { dayFromDateCell, dayFromExcelSerial } from './days';

// One invoice cell at a time, as SheetJS hands it over with `{ raw: true }`: a number, a string, a
// Date (with `cellDates`), a boolean, or nothing. Each reader gives the normalised value or the
// message key saying why the cell cannot be taken; none of them guesses.

export type CellValue = string | number | boolean | Date | null | undefined;
export type Params = Record<string, string | number>;
export type CellRead<T> = { ok: true; value: T } | { ok: false; key: string; params?: Params };

/** Rp 999.999.999.999: above any bill a branch sends, and far inside exact integers. */
export const MAX_INVOICE_AMOUNT = 999_999_999_999;
/** the longest address SMTP carries (RFC 5321 path limit) */
export const MAX_EMAIL_LENGTH = 254;

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const refuse = (key: string, params?: Params): CellRead<never> => (params ? { ok: false, key, params } : { ok: false, key });

// Zero-width characters come along when cells are pasted from web pages and chat apps; they are
// invisible to the user and would make a valid address or number fail.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** What cleanText changes besides the ends: an invisible character, or spacing that is not one plain space. */
const UNCLEAN = /[\u200b-\u200d\u2060\ufeff]|\s\s|[^\S ]/;
/** Something a reader sees: neither whitespace nor an invisible character. */
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

/** A cell as one line of text: invisible characters dropped, runs of spaces and line breaks made one space. */
export function cleanText(text: string): string {
  // most cells are clean already: one test instead of two replacements
  return UNCLEAN.test(text) ? text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim() : text.trim();
}

export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !VISIBLE.test(value));
}

/**
 * A text cell. Numbers are taken as written (a NIS or a phone number Excel stored as a number);
 * a Date or a boolean is refused, since Excel turns a class like `7/1` into a date and the text the
 * user typed is then lost.
 */
export function readTextCell(value: CellValue): CellRead<string> {
  if (value === null || value === undefined) return ok('');
  if (typeof value === 'string') return ok(cleanText(value));
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return refuse('invoices.errors.textExpected');
}

function shown(value: CellValue): string {
  if (value instanceof Date) return dayFromDateCell(value) ?? '';
  return value === null || value === undefined ? '' : cleanText(String(value));
}

// One separator followed by one or two digits (`50.5`, `1,5`, `50.50`) fits neither grouping of
// thousands: it is a decimal in both conventions, or a slip of the keyboard for `50.500`. Either way
// the user must say what they meant; a zero fraction (`50,00`) reads the same in both and passes.
const LONE_DECIMAL = /^[-+\u2212]?\s*(?:rp\.?|idr)?\s*[-+\u2212]?\s*\d+[.,](\d{1,2})$/i;

/**
 * `Jumlah`: a positive whole number of rupiah. A number cell must already be a whole positive
 * integer. Text is read in the Indonesian (`50.000`, `50.000,00`, `Rp 50.000`) or the English
 * (`50,000`, `50,000.00`) convention when only one reading is possible, and refused otherwise.
 */
export function readAmountCell(value: CellValue): CellRead<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return refuse('invoices.errors.amountUnreadable', { value: String(value) });
    if (!Number.isInteger(value)) return refuse('invoices.errors.amountWhole', { value: String(value) });
    return checkAmount(value, String(value));
  }
  if (typeof value !== 'string') return refuse('invoices.errors.amountUnreadable', { value: shown(value) });
  const text = cleanText(value);
  const lone = LONE_DECIMAL.exec(text);
  if (lone && !/^0+$/.test(lone[1]!)) return refuse('invoices.errors.amountAmbiguous', { value: text });
  const read = parseWholeRupiah(text);
  if (read.ok) return checkAmount(read.rupiah, text);
  if (read.reason === 'fraction') return refuse('invoices.errors.amountWhole', { value: text });
  if (read.reason === 'tooLarge') return refuse('invoices.errors.amountTooLarge', { max: formatRupiah(MAX_INVOICE_AMOUNT) });
  return refuse('invoices.errors.amountUnreadable', { value: text });
}

function checkAmount(rupiah: number, text: string): CellRead<number> {
  if (rupiah <= 0) return refuse('invoices.errors.amountPositive', { value: text });
  if (rupiah > MAX_INVOICE_AMOUNT) return refuse('invoices.errors.amountTooLarge', { max: formatRupiah(MAX_INVOICE_AMOUNT) });
  return ok(rupiah);
}

const DAY_FIRST = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `Jatuh Tempo` as an ISO day: a date cell (Date object or Excel serial), or text `DD/MM/YYYY`
 * (also `D/M/YYYY` and ISO `YYYY-MM-DD`). Other text (`07-10-2026`, `10 Juli 2026`) is refused:
 * the template promises day first, and a guess could turn 7 October into 10 July.
 */
export function readDueDateCell(value: CellValue, date1904 = false): CellRead<string> {
  let day: string | null = null;
  if (value instanceof Date) day = dayFromDateCell(value);
  else if (typeof value === 'number') day = dayFromExcelSerial(value, date1904);
  else if (typeof value === 'string') {
    const text = cleanText(value);
    const start = DAY_FIRST.test(text) || ISO_DAY.test(text) ? parseLocalDate(text, 'WIB') : null;
    day = start === null ? null : localDayKey(start, 'WIB');
  }
  return day === null ? refuse('invoices.errors.dueDateUnreadable', { value: shown(value) }) : ok(day);
}

// The same check as the email fields of the desk's forms (zod's), so an address the OTP form takes
// is taken here too.
const EMAIL = z.email();

/** An email address, lower-cased: mail servers treat the domain without case and in practice the local part too. */
export function readEmail(text: string): CellRead<string> {
  const email = text.toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.safeParse(email).success) return refuse('invoices.errors.email', { value: text });
  return ok(email);
}

const PHONE_KEYS = {
  empty: 'invoices.errors.phoneInvalid',
  invalid: 'invoices.errors.phoneInvalid',
  notIndonesian: 'invoices.errors.phoneNotIndonesian',
  notMobile: 'invoices.errors.phoneNotMobile',
} as const;

/**
 * A phone number in E.164. Only Indonesian mobiles: the notice goes out by WhatsApp or SMS, which a
 * landline cannot receive.
 */
export function readPhone(text: string): CellRead<string> {
  const phone = normalizePhone(text);
  return phone.ok ? ok(phone.e164) : refuse(PHONE_KEYS[phone.reason], { value: text });
}
