// The 'max' metadata is the only libphonenumber-js bundle that knows number *types*: with the default
// ('min') bundle getType() is undefined and isValid() only checks lengths, so a Jakarta landline
// (021…) or a too-short 0812 number would pass as a WhatsApp-able mobile; the 'mobile' bundle
// refuses landlines but cannot tell them from garbage, so we could not say "that is a landline".
// OTPs go to Phone 1 over WhatsApp, so telling mobile from fixed line is the point; the metadata is
// 157 kB instead of 83 kB (40 kB gzipped), paid once in the bundle.
import { Metadata, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

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

/** The parts of a numbering plan getNumberType reads; present at run time, not in the typings. */
interface PlanPatterns {
  nationalNumberPattern(): string;
  type(name: 'FIXED_LINE' | 'MOBILE'): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/**
 * Whether a national number is an Indonesian mobile number, decided as libphonenumber's getType
 * decides MOBILE (the plan's general pattern, not a fixed line, the mobile pattern and lengths),
 * from the same metadata, with its patterns compiled once instead of at every call. Null when the
 * metadata does not have that shape, and then every number takes the whole way.
 */
const isIndonesianMobile = ((): ((national: string) => boolean) | null => {
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan('ID');
    const plan = metadata.numberingPlan as unknown as PlanPatterns;
    const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
    const general = whole(plan.nationalNumberPattern());
    const [fixed, mobile] = (['FIXED_LINE', 'MOBILE'] as const).map((name) => {
      const type = plan.type(name);
      if (!type) throw new Error(`no ${name}`);
      return { pattern: whole(type.pattern()), lengths: type.possibleLengths() };
    }) as [{ pattern: RegExp; lengths: number[] | undefined }, { pattern: RegExp; lengths: number[] | undefined }];
    const is = (t: typeof fixed, n: string) => (!t.lengths || t.lengths.includes(n.length)) && t.pattern.test(n);
    return (national) => general.test(national) && !is(fixed, national) && is(mobile, national);
  } catch {
    return null;
  }
})();

// `0812…`, `(0812)…` or `+62812…`, with the punctuation people put between groups, ending in a digit.
const COMMON_FORM = /^\(?(?:\+62|0)[\d\s().\-/]*\d$/;
const PUNCTUATION = /[\s().\-/]/g;

/**
 * A number in a common form that is an Indonesian mobile number, without a full parse: a sheet of
 * 10,000 rows reads 10,000 numbers. Null for anything else, which the full parse then judges
 * (tested to agree with it, phone.test.ts).
 */
export function quickMobile(trimmed: string): string | null {
  if (!isIndonesianMobile || !COMMON_FORM.test(trimmed)) return null;
  const digits = trimmed.replace(PUNCTUATION, '');
  const national = digits.startsWith('+62') ? digits.slice(3) : digits.slice(1);
  // a national number of a mobile starts with 8; anything else (a 0 after +62, say) takes the whole way
  return national.startsWith('8') && isIndonesianMobile(national) ? `+${INDONESIA_CALLING_CODE}${national}` : null;
}

/**
 * Reads an Indonesian mobile number as customers type it (`0812…`, `62812…`, `+62 812-…`,
 * `(0812) 3456 7890`, `812…`) and gives it in E.164 (`+6281234567890`).
 */
export function normalizePhone(text: string): NormalizePhoneResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!PHONE_CHARACTERS.test(trimmed)) return { ok: false, reason: 'invalid' };
  const quick = quickMobile(trimmed);
  if (quick !== null) return { ok: true, e164: quick };

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
