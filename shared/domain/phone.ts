// The 'max' metadata is the only libphonenumber-js bundle that knows number *types*: with the default
// ('min') bundle getType() is undefined and isValid() only checks lengths, so a Jakarta landline
// (021…) or a too-short 0812 number would pass as a WhatsApp-able mobile; the 'mobile' bundle
// refuses landlines but cannot tell them from garbage, so we could not say "that is a landline".
// OTPs go to Phone 1 over WhatsApp, so telling mobile from fixed line is the point; the metadata is
// 157 kB instead of 83 kB (40 kB gzipped), paid once in the bundle.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/** Why a typed number cannot be a customer's Indonesian mobile number. */
export type PhoneError =
  /** nothing typed */
  | 'empty'
  /** not a valid number (wrong length, unknown operator prefix, letters, …) */
  | 'invalid'
  /** a valid number of another country (`+65…`) */
  | 'notIndonesian'
  /** a valid Indonesian number that is not a mobile (landline, toll-free, premium, …) */
  | 'notMobile';

export type NormalizePhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneError };

// Letters would be read as a vanity keypad, and "ext. 5" as an extension; neither belongs on a
// customer record, so only digits, '+' and the punctuation people put between groups pass.
const PHONE_CHARACTERS = /^[+\d\s().\-/]+$/;

const INDONESIA_CALLING_CODE = '62';

/**
 * Reads an Indonesian mobile number as customers type it (`0812…`, `62812…`, `+62 812-…`,
 * `(0812) 3456 7890`, `812…`) and gives it in E.164 (`+6281234567890`).
 */
export function normalizePhone(text: string): NormalizePhoneResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!PHONE_CHARACTERS.test(trimmed)) return { ok: false, reason: 'invalid' };

  const phone = parsePhoneNumberFromString(trimmed, 'ID');
  if (!phone) return { ok: false, reason: 'invalid' };
  if (phone.countryCallingCode !== INDONESIA_CALLING_CODE) {
    return { ok: false, reason: phone.isValid() ? 'notIndonesian' : 'invalid' };
  }
  // With types in the metadata, a number is valid exactly when it has a type: one look at the
  // patterns instead of two (a 10,000-row invoice sheet reads 10,000 numbers).
  const type = phone.getType();
  if (type === undefined) return { ok: false, reason: 'invalid' };
  if (type !== 'MOBILE') return { ok: false, reason: 'notMobile' };
  return { ok: true, e164: phone.number };
}

function parseE164(e164: string): PhoneNumber | undefined {
  return parsePhoneNumberFromString(e164.trim());
}

/**
 * National display of a stored number: `+6281234567890` → `0812-3456-7890`, a landline as
 * `(021) 12345678`; a foreign number in international form. Text that is not a number comes back
 * unchanged, since a display helper must not hide what is stored.
 */
export function formatPhoneId(e164: string): string {
  const phone = parseE164(e164);
  if (!phone) return e164;
  return phone.countryCallingCode === INDONESIA_CALLING_CODE ? phone.formatNational() : phone.formatInternational();
}

// Never reveal more than this, even for short numbers: 3 shown + 4 shown of a 9-digit number would
// leave 2 hidden digits, 100 guesses away from the whole number.
const MIN_HIDDEN_DIGITS = 3;

/**
 * Masks a stored number for the customer's OTP page: `+6281234567890` → `+62 812-****-7890`. Keeps
 * the first 3 and last 4 national digits, one `*` per hidden digit so the customer recognises the
 * length of their own number; shorter numbers show less so that at least 3 digits stay hidden.
 * Anything that is not a number is masked entirely.
 */
export function maskPhone(e164: string): string {
  const phone = parseE164(e164);
  if (!phone) return '****';
  const national: string = phone.nationalNumber;
  const shown = Math.max(0, Math.min(7, national.length - MIN_HIDDEN_DIGITS));
  const tail = Math.min(4, shown);
  const head = shown - tail;
  const hidden = '*'.repeat(national.length - shown);
  const parts = [national.slice(0, head), hidden, national.slice(national.length - tail)].filter((p) => p !== '');
  return `+${phone.countryCallingCode} ${parts.join('-')}`;
}
