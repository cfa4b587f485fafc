import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NIK_PROVINCE_CODES, resolveBirthYear, validateNik } from './nik';

/** Builds a NIK from its parts so each test says which part it is about. */
function nik({ province = '32', regency = '01', district = '01', dob = '120590', serial = '0001' } = {}): string {
  return province + regency + district + dob + serial;
}

describe('validateNik: valid numbers', () => {
  it('reads a man (Kab. Bogor, born 12 May 1990)', () => {
    expect(validateNik('3201011205900001')).toEqual({
      ok: true,
      nik: '3201011205900001',
      provinceCode: '32',
      regencyCode: '3201',
      districtCode: '320101',
      sex: 'M',
      birthYear2: 90,
      birthDate: { month: 5, day: 12 },
      serial: '0001',
    });
  });

  it('reads a woman: day + 40 (Jakarta Selatan, born 12 August 1995)', () => {
    const r = validateNik('3174045208950002');
    expect(r).toMatchObject({ ok: true, sex: 'F', birthYear2: 95, birthDate: { month: 8, day: 12 } });
  });

  it.each([
    ['3201 0112 0590 0001', 'groups of four'],
    ['32.01.01.120590.0001', 'dotted like the regional codes'],
    ['32 01 01 120590 0001', 'by structure'],
    ['3201-01-120590-0001', 'hyphens'],
    ['  3201011205900001 ', 'surrounding spaces'],
  ])('accepts %j (%s)', (text) => {
    expect(validateNik(text)).toMatchObject({ ok: true, nik: '3201011205900001' });
  });

  it.each([
    ['010190', 'M', 1, 1],
    ['310190', 'M', 1, 31],
    ['410190', 'F', 1, 1],
    ['710190', 'F', 1, 31], // day 71 = 31 + 40
    ['300490', 'M', 4, 30],
    ['700490', 'F', 4, 30],
    ['311299', 'M', 12, 31],
  ])('birth date %s → %s, month %d, day %d', (dob, sex, month, day) => {
    expect(validateNik(nik({ dob }))).toMatchObject({ ok: true, sex, birthDate: { month, day } });
  });

  it('accepts every listed province', () => {
    for (const province of NIK_PROVINCE_CODES) expect(validateNik(nik({ province })).ok).toBe(true);
    expect(NIK_PROVINCE_CODES).toHaveLength(38);
  });
});

describe('validateNik: refusals', () => {
  it.each([
    ['', 'length'],
    ['320101120590000', 'length'],
    ['32010112059000011', 'length'],
    ['3201O11205900001', 'digits'], // letter O for zero
    ['3201011205900001x', 'digits'],
    ['3201/01/120590/0001', 'digits'],
    ['٣٢٠١٠١١٢٠٥٩٠٠٠٠١', 'digits'], // Arabic-Indic digits are not what a KTP prints
  ])('%j → %s', (text, reason) => {
    expect(validateNik(text)).toEqual({ ok: false, reason });
  });

  it.each(['00', '10', '20', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '97', '99'])(
    'province %s is refused',
    (province) => {
      expect(validateNik(nik({ province }))).toEqual({ ok: false, reason: 'province' });
    },
  );

  it('refuses regency 00, district 00 and serial 0000', () => {
    expect(validateNik(nik({ regency: '00' }))).toEqual({ ok: false, reason: 'regency' });
    expect(validateNik(nik({ district: '00' }))).toEqual({ ok: false, reason: 'district' });
    expect(validateNik(nik({ serial: '0000' }))).toEqual({ ok: false, reason: 'serial' });
    expect(validateNik(nik({ regency: '99', district: '99', serial: '9999' })).ok).toBe(true);
  });

  it.each([
    ['000190', 'day 00'],
    ['320190', 'day 32'],
    ['400190', 'day 40 (neither 1-31 nor 41-71)'],
    ['720190', 'day 72 (31 + 41)'],
    ['990190', 'day 99'],
    ['010090', 'month 00'],
    ['011390', 'month 13'],
    ['310490', 'April 31'],
    ['710490', 'April 31, woman'],
    ['300290', 'February 30'],
    ['290201', 'February 29 in a non-leap year'],
    ['690201', 'February 29 in a non-leap year, woman'],
  ])('birth date %s (%s) is refused', (dob) => {
    expect(validateNik(nik({ dob }))).toEqual({ ok: false, reason: 'birthDate' });
  });

  it.each(['290200', '290296', '690296', '290204', '690288'])('February 29 in a leap year (%s) is accepted', (dob) => {
    expect(validateNik(nik({ dob }))).toMatchObject({ ok: true, birthDate: { month: 2, day: 29 } });
  });
});

describe('validateNik with a reference year', () => {
  it('resolves the century of the birth year', () => {
    expect(validateNik(nik({ dob: '120590' }), { referenceYear: 2026 })).toMatchObject({
      birthYear2: 90,
      birthDate: { year: 1990, month: 5, day: 12 },
    });
    expect(validateNik(nik({ dob: '120505' }), { referenceYear: 2026 })).toMatchObject({
      birthDate: { year: 2005, month: 5, day: 12 },
    });
  });

  it('checks February 29 against the resolved year: 2000 is leap, 1900 is not', () => {
    expect(validateNik(nik({ dob: '290200' }), { referenceYear: 2026 })).toMatchObject({
      ok: true,
      birthDate: { year: 2000, month: 2, day: 29 },
    });
    expect(validateNik(nik({ dob: '290200' }), { referenceYear: 1999 })).toEqual({ ok: false, reason: 'birthDate' });
  });
});

describe('resolveBirthYear', () => {
  it.each([
    [26, 2026, 2026],
    [27, 2026, 1927],
    [0, 2026, 2000],
    [99, 2026, 1999],
    [90, 2026, 1990],
    [5, 2026, 2005],
    [0, 2000, 2000],
    [1, 2000, 1901],
  ])('%d in %d → %d', (year2, reference, year) => {
    expect(resolveBirthYear(year2, reference)).toBe(year);
  });

  it('is the latest year ending in those digits that is not after the reference year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1900, max: 2200 }), (year2, reference) => {
        const year = resolveBirthYear(year2, reference);
        expect(year % 100).toBe(year2);
        expect(year).toBeLessThanOrEqual(reference);
        expect(year).toBeGreaterThan(reference - 100);
      }),
    );
  });

  it.each([-1, 100, 1.5])('refuses two digits %d', (year2) => {
    expect(() => resolveBirthYear(year2, 2026)).toThrow(RangeError);
  });
});

describe('validateNik: properties', () => {
  const parts = fc.record({
    province: fc.constantFrom(...NIK_PROVINCE_CODES),
    regency: fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0')),
    district: fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0')),
    date: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  });

  it('reads back every real date, sex and place it was built from', () => {
    fc.assert(
      fc.property(parts, ({ province, regency, district, date, female, serial }) => {
        const day = date.getUTCDate();
        const month = date.getUTCMonth() + 1;
        const year = date.getUTCFullYear();
        const dob = [day + (female ? 40 : 0), month, year % 100].map((n) => String(n).padStart(2, '0')).join('');
        const text = nik({ province, regency, district, dob, serial });
        expect(validateNik(text, { referenceYear: 2029 })).toEqual({
          ok: true,
          nik: text,
          provinceCode: province,
          regencyCode: province + regency,
          districtCode: province + regency + district,
          sex: female ? 'F' : 'M',
          birthYear2: year % 100,
          birthDate: { year, month, day },
          serial,
        });
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof validateNik(s).ok === 'boolean'));
  });
});
