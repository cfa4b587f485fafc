import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { formatPhoneId, maskPhone, normalizePhone, quickMobile } from './phone';

// Prefixes of Telkomsel (0811-0813, 0821-0823, 0851-0853), Indosat (0814-0816, 0855-0858),
// XL (0817-0819, 0859, 0877-0878), Axis (0831-0838), Tri (0895-0899), Smartfren (0881-0889).
const MOBILE_PREFIXES = [
  '811', '812', '813', '821', '822', '823', '851', '852', '853',
  '814', '815', '816', '855', '856', '857', '858',
  '817', '818', '819', '859', '877', '878',
  '831', '832', '833', '838', '895', '896', '897', '898', '899', '881', '882', '888',
];
const nationalMobile = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES), fc.stringMatching(/^\d{8}$/))
  .map(([prefix, rest]) => prefix + rest);

describe('normalizePhone', () => {
  it.each([
    ['0812 3456 7890', '+6281234567890'], // Telkomsel
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['(0812) 3456 7890', '+6281234567890'],
    ['+62 (812) 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'], // the trunk 0 kept after +62, as people do
    ['812 3456 7890', '+6281234567890'],
    ['  0812-3456-7890  ', '+6281234567890'],
    ['0857 1234 5678', '+6285712345678'], // Indosat
    ['0878 1234 5678', '+6287812345678'], // XL
    ['0811 123 456', '+62811123456'], // an old 10-digit Telkomsel number
    ['0895 1234 56789', '+62895123456789'], // Tri, 13 digits
  ])('%j → %s', (text, e164) => {
    expect(normalizePhone(text)).toEqual({ ok: true, e164 });
  });

  it.each(['', '   '])('%j is empty', (text) => {
    expect(normalizePhone(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['021 1234 5678', 'Jakarta landline'],
    ['+62 21 1234 5678', 'Jakarta landline, international form'],
    ['022 1234 567', 'Bandung landline'],
    ['0800 1 234 567', 'toll-free'],
    ['1500 888', 'call-centre number'],
  ])('%j (%s) is notMobile', (text) => {
    expect(normalizePhone(text)).toEqual({ ok: false, reason: 'notMobile' });
  });

  it.each([
    ['+65 9123 4567', 'Singapore mobile'],
    ['+60 12-345 6789', 'Malaysia mobile'],
    ['+44 7911 123456', 'UK mobile'],
  ])('%j (%s) is notIndonesian', (text) => {
    expect(normalizePhone(text)).toEqual({ ok: false, reason: 'notIndonesian' });
  });

  it.each([
    '081234567', // too short
    '08123456789012345', // too long
    '0812-CALL-ME',
    '0812 3456 7890 ext 5',
    'abc',
    '62',
    '+62',
    '+1 000',
    '0062 812 3456 7890',
    '0812 3456 7890#',
  ])('%j is invalid', (text) => {
    expect(normalizePhone(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads every way a customer types the same mobile number', () => {
    fc.assert(
      fc.property(nationalMobile, (n) => {
        const e164 = `+62${n}`;
        const grouped = `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
        for (const typed of [`0${n}`, `62${n}`, `+62${n}`, `+62 ${grouped}`, `(0${n.slice(0, 3)}) ${n.slice(3, 7)} ${n.slice(7)}`]) {
          expect(normalizePhone(typed)).toEqual({ ok: true, e164 });
        }
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof normalizePhone(s).ok === 'boolean'));
  });
});

describe('quickMobile, the short way for common forms', () => {
  /** What the whole parse says of a text: the E.164 of a mobile, else null. */
  const whole = (text: string) => {
    const phone = parsePhoneNumberFromString(text.trim(), 'ID');
    return phone && phone.countryCallingCode === '62' && phone.getType() === 'MOBILE' ? phone.number : null;
  };
  const punctuation = fc.constantFrom('', '', '', ' ', '-', '.', '/', '(', ')', '  ');
  /** A national number of 6 to 14 digits, most starting with 8, with punctuation between any digits. */
  const typed = fc
    .tuple(
      fc.constantFrom('0', '+62', '+62 ', '0 ', '(0', '+620'),
      fc.oneof(fc.constant('8'), fc.constant('8'), fc.constantFrom('2', '6', '9', '0')),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), punctuation), { minLength: 5, maxLength: 13 }),
    )
    .map(([lead, first, rest]) => lead + first + rest.map(([d, p]) => `${p}${d}`).join(''));

  it('takes the usual forms of a mobile number', () => {
    expect(quickMobile('0812-3456-7890')).toBe('+6281234567890');
    expect(quickMobile('+62 812 3456 7890')).toBe('+6281234567890');
    expect(quickMobile('(0812) 3456 7890')).toBe('+6281234567890');
    // a landline, a short number and a 0 after +62 are left to the whole parse
    expect(quickMobile('021-5555-1234')).toBeNull();
    expect(quickMobile('0812345')).toBeNull();
    expect(quickMobile('+62 0812 3456 7890')).toBeNull();
  });

  it('never says mobile where the whole parse does not, nor gives another number', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const quick = quickMobile(text.trim());
        if (quick !== null) expect(quick).toBe(whole(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the whole parse on every operator prefix and length', () => {
    let taken = 0;
    for (let prefix = 800; prefix <= 899; prefix += 1) {
      for (let length = 8; length <= 13; length += 1) {
        const national = `${prefix}${'7'.repeat(length - 3)}`;
        for (const text of [`0${national}`, `+62${national}`]) {
          const quick = quickMobile(text);
          if (quick !== null) taken += 1;
          expect(quick ?? whole(text)).toBe(whole(text));
        }
      }
    }
    // the short way is taken for most of them, not silently never
    expect(taken).toBeGreaterThan(500);
  });
});

describe('formatPhoneId', () => {
  it.each([
    ['+6281234567890', '0812-3456-7890'],
    ['+6285712345678', '0857-1234-5678'],
    ['+62895123456789', '0895-1234-56789'],
    ['+622112345678', '(021) 12345678'],
    ['+6591234567', '+65 9123 4567'], // foreign numbers stay international
    ['not a phone', 'not a phone'],
  ])('%s → %s', (e164, text) => {
    expect(formatPhoneId(e164)).toBe(text);
  });

  it('reads back to the same number', () => {
    fc.assert(
      fc.property(nationalMobile, (n) => {
        expect(normalizePhone(formatPhoneId(`+62${n}`))).toEqual({ ok: true, e164: `+62${n}` });
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['+6281234567890', '+62 812-****-7890'],
    ['+6285712345678', '+62 857-****-5678'],
    ['+62895123456789', '+62 895-*****-6789'],
    ['+6281212345678', '+62 812-****-5678'],
    ['+62811123456', '+62 81-***-3456'], // 9 national digits: at least 3 stay hidden
    ['+6591234567', '+65 9-***-4567'],
    ['garbage', '****'],
    ['', '****'],
  ])('%s → %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('shows the first 3 and last 4 national digits and hides the rest', () => {
    fc.assert(
      fc.property(nationalMobile, (n) => {
        const masked = maskPhone(`+62${n}`);
        expect(masked).toBe(`+62 ${n.slice(0, 3)}-${'*'.repeat(n.length - 7)}-${n.slice(-4)}`);
      }),
    );
  });
});
