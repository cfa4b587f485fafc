// NIK (Nomor Induk Kependudukan), the 16-digit number on the KTP, as Dukcapil builds it:
//   PP RR DD TTBBYY SSSS
//   PP province, RR regency/city within it, DD district (kecamatan) within that,
//   TTBBYY date of birth (day + 40 for women), SSSS serial within that place and date.
// There is no check digit, so structure is all that can be checked offline; a NIK that passes can
// still belong to nobody. That is why CS also asks for phone number or name.

/**
 * Province codes a NIK may start with (Kemendagri codes): Sumatra 11-19, Riau Islands 21,
 * Java 31-36, Bali and Nusa Tenggara 51-53, Kalimantan 61-65, Sulawesi 71-76, Maluku 81-82,
 * Papua 91-96 (91 and 92 before the 2022 split; 93-96 for the provinces created then).
 */
export const NIK_PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19',
  '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
];

export type NikError = 'length' | 'digits' | 'province' | 'regency' | 'district' | 'birthDate' | 'serial';

export interface NikInfo {
  /** the 16 digits, separators removed */
  nik: string;
  /** 2 digits, e.g. `32` (Jawa Barat) */
  provinceCode: string;
  /** 4 digits including the province, e.g. `3201`, the form regional code tables use */
  regencyCode: string;
  /** 6 digits including province and regency, e.g. `320101` */
  districtCode: string;
  sex: 'M' | 'F';
  /** the two year digits as written; the century is not on the card */
  birthYear2: number;
  /** `year` only when a reference year was given to resolve the century */
  birthDate: { year?: number; month: number; day: number };
  /** 4 digits */
  serial: string;
}

export type ValidateNikResult = ({ ok: true } & NikInfo) | { ok: false; reason: NikError };

export interface ValidateNikOptions {
  /**
   * The current year, injected (never read from the clock here). With it the birth year is
   * resolved by {@link resolveBirthYear} and February 29 checked against that exact year.
   */
  referenceYear?: number;
}

// What people type between groups when copying from a KTP or a form: `3201 0112 0590 0001`,
// `32.01.01.120590.0001`.
const SEPARATORS = /[\s.\-]/g;

/** Checks the structure of a NIK and reads what it encodes. */
export function validateNik(text: string, options: ValidateNikOptions = {}): ValidateNikResult {
  const nik = text.replace(SEPARATORS, '');
  if (!/^\d*$/.test(nik)) return { ok: false, reason: 'digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };

  const provinceCode = nik.slice(0, 2);
  if (!NIK_PROVINCE_CODES.includes(provinceCode)) return { ok: false, reason: 'province' };
  if (nik.slice(2, 4) === '00') return { ok: false, reason: 'regency' };
  if (nik.slice(4, 6) === '00') return { ok: false, reason: 'district' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const birthYear2 = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const year = options.referenceYear === undefined ? undefined : resolveBirthYear(birthYear2, options.referenceYear);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year ?? birthYear2)) {
    return { ok: false, reason: 'birthDate' };
  }

  const serial = nik.slice(12, 16);
  if (serial === '0000') return { ok: false, reason: 'serial' };

  return {
    ok: true,
    nik,
    provinceCode,
    regencyCode: nik.slice(0, 4),
    districtCode: nik.slice(0, 6),
    sex,
    birthYear2,
    birthDate: year === undefined ? { month, day } : { year, month, day },
    serial,
  };
}

/**
 * The full birth year for two digits: the latest year ending in them that is not after
 * `referenceYear` (with 2026: `26` → 2026, `27` → 1927, `00` → 2000). A NIK is issued at birth, so
 * the reference year itself is possible; someone over 100 is misread as a child, which no two-digit
 * year can avoid.
 */
export function resolveBirthYear(birthYear2: number, referenceYear: number): number {
  if (!Number.isInteger(birthYear2) || birthYear2 < 0 || birthYear2 > 99) {
    throw new RangeError(`birthYear2 must be 0-99, got ${birthYear2}`);
  }
  if (!Number.isInteger(referenceYear)) throw new RangeError(`referenceYear must be an integer, got ${referenceYear}`);
  return referenceYear - (((referenceYear - birthYear2) % 100) + 100) % 100;
}

// With only two year digits, Feb 29 is allowed when the year could be a leap year: `yy % 4 === 0`
// is leap in both centuries, and `00` is 2000 (leap) for anyone alive to hold a KTP. Passing the
// two digits here does exactly that, since 0-99 leap years follow the plain divisible-by-4 rule.
function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
