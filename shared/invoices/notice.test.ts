import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../domain/money';
import { formatVaForReading, gsm7Length, invoiceNotice, SMS_SEGMENT_SEPTETS, toGsm7, type NoticeInvoice, type NoticeKind } from './notice';

const einvoice = (over: Partial<NoticeInvoice> = {}): NoticeInvoice => ({
  number: 'INV-2026-0042',
  customerName: 'Budi Santoso',
  amount: 1_250_000,
  dueDate: '2026-11-21',
  va: '8808100100000427',
  description: 'Jasa konsultasi pajak November 2026',
  module: 'einvoice',
  fields: {},
  ...over,
});

const pintuKelas = (over: Partial<NoticeInvoice> = {}): NoticeInvoice => ({
  number: '0012345/SPP-JULI-2026',
  customerName: 'Siti Aminah',
  amount: 750_000,
  dueDate: '2026-07-10',
  va: '88081001000004271',
  description: 'SPP Juli 2026',
  module: 'pintukelas',
  fields: { school: 'SMP Harapan Bangsa', className: '7A', nis: '0012345', studentName: 'Rizky Pratama', item: 'SPP Juli 2026' },
  ...over,
});

const ISSUER = { issuer: 'PT Maju Jaya' };
const septets = (sms: string) => gsm7Length(sms);

describe('the first notice', () => {
  const n = invoiceNotice('notice', einvoice(), ISSUER);

  it('says who bills what, how much, by when, and to which VA', () => {
    expect(n.subject).toBe('Tagihan INV-2026-0042 dari PT Maju Jaya: Rp 1.250.000, jatuh tempo 21/11/2026');
    expect(n.text).toMatch(/^Yth\. Budi Santoso,\n/);
    for (const line of ['No. tagihan     : INV-2026-0042', 'Keterangan      : Jasa konsultasi pajak November 2026', 'Jumlah          : Rp 1.250.000', 'Jatuh tempo     : 21/11/2026', 'Virtual Account : 8808 1001 0000 0427']) {
      expect(n.text).toContain(line);
    }
    expect(n.text).toContain('transfer TEPAT Rp 1.250.000 ke nomor Virtual Account 8808 1001 0000 0427');
    // a closed VA: any other amount is refused, and nothing is taken once paid
    expect(n.text).toContain('jumlah lain akan ditolak');
    expect(n.text).toMatch(/Hormat kami,\nPT Maju Jaya\n$/);
  });

  it('has an SMS of one segment with the amount, the VA and the due date', () => {
    expect(n.sms).toBe('PT Maju Jaya: Tagihan INV-2026-0042 a.n. Budi Santoso. Transfer tepat Rp 1.250.000 ke VA 8808 1001 0000 0427 paling lambat 21/11/2026.');
    expect(septets(n.sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
  });

  it('leaves out a description that is not there', () => {
    const bare = invoiceNotice('notice', einvoice({ description: null }), ISSUER);
    expect(bare.text).not.toContain('Keterangan');
    expect(invoiceNotice('notice', einvoice({ description: '  ' }), ISSUER).text).not.toContain('Keterangan');
  });
});

describe('reminders', () => {
  it.each<[string, RegExp, RegExp, RegExp]>([
    ['H-3', /jatuh tempo 3 hari lagi/, /akan jatuh tempo 3 hari lagi, pada 21\/11\/2026\./, /jatuh tempo 3 hari lagi \(21\/11\/2026\)/],
    ['H-1', /jatuh tempo 1 hari lagi/, /akan jatuh tempo 1 hari lagi, pada 21\/11\/2026\./, /jatuh tempo 1 hari lagi/],
    ['H', /jatuh tempo hari ini \(21\/11\/2026\)/, /jatuh tempo hari ini, 21\/11\/2026\./, /jatuh tempo hari ini 21\/11\/2026/],
    ['H+1', /lewat 1 hari dari jatuh tempo/, /sudah lewat 1 hari dari jatuh tempo \(21\/11\/2026\) dan belum kami terima pembayarannya/, /lewat 1 hari dari jatuh tempo 21\/11\/2026/],
    ['H+7', /lewat 7 hari dari jatuh tempo/, /sudah lewat 7 hari dari jatuh tempo \(21\/11\/2026\).*Mohon segera dibayar/, /lewat 7 hari dari jatuh tempo 21\/11\/2026/],
  ])('%s says where the due date is', (reminder, subject, text, sms) => {
    const n = invoiceNotice('reminder', einvoice(), { ...ISSUER, reminder });
    expect(n.subject).toMatch(/^Pengingat: tagihan INV-2026-0042 /);
    expect(n.subject).toMatch(subject);
    expect(n.text).toMatch(text);
    expect(n.text).toContain('transfer TEPAT Rp 1.250.000 ke nomor Virtual Account 8808 1001 0000 0427');
    expect(n.text).toContain('Jika Anda sudah membayar, abaikan pengingat ini.');
    expect(n.sms).toMatch(sms);
    expect(n.sms).toContain('Transfer tepat Rp 1.250.000 ke VA 8808 1001 0000 0427');
    expect(septets(n.sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
  });

  it('keeps the "ignore if paid" line in the SMS while there is room', () => {
    expect(invoiceNotice('reminder', einvoice({ customerName: 'Budi' }), { ...ISSUER, reminder: 'H' }).sms).toMatch(/0427\. Abaikan jika sudah bayar\.$/);
    expect(invoiceNotice('reminder', einvoice(), { ...ISSUER, reminder: 'H' }).sms).toMatch(/a\.n\. Budi Santoso .*0427\.$/);
  });

  it('refuses a reminder without a reminder id: it cannot say when the bill is due', () => {
    expect(() => invoiceNotice('reminder', einvoice(), ISSUER)).toThrow(RangeError);
    expect(() => invoiceNotice('reminder', einvoice(), { ...ISSUER, reminder: 'besok' })).toThrow(RangeError);
    expect(() => invoiceNotice('reminder', einvoice(), { ...ISSUER, reminder: 'H+' })).toThrow(RangeError);
  });
});

describe('the cancellation of a wrong invoice', () => {
  const n = invoiceNotice('cancel', einvoice(), ISSUER);

  it('tells the customer not to pay that VA and that a corrected invoice follows', () => {
    expect(n.subject).toBe('DIBATALKAN: tagihan INV-2026-0042 dari PT Maju Jaya, jangan dibayar');
    expect(n.text).toContain('PT Maju Jaya MEMBATALKAN tagihan INV-2026-0042');
    expect(n.text).toContain('JANGAN melakukan pembayaran ke Virtual Account 8808 1001 0000 0427');
    expect(n.text).toContain('Tagihan pengganti dengan rincian yang benar');
    // the amount and VA are there so the customer recognises the bill, never as an instruction to pay
    expect(n.text).toContain('Jumlah          : Rp 1.250.000');
    expect(n.text).not.toContain('Cara membayar');
    expect(n.text).not.toMatch(/transfer tepat/i);
  });

  it('says the same in one SMS', () => {
    expect(n.sms).toBe('PT Maju Jaya: Tagihan INV-2026-0042 a.n. Budi Santoso Rp 1.250.000 DIBATALKAN. JANGAN bayar ke VA 8808 1001 0000 0427. Tagihan pengganti menyusul.');
    expect(septets(n.sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
  });
});

describe('PintuKelas', () => {
  it('addresses the guardian and names the student, class, school and item', () => {
    const n = invoiceNotice('notice', pintuKelas(), { issuer: 'SMP Harapan Bangsa' });
    expect(n.subject).toBe('Tagihan SPP Juli 2026 untuk Rizky Pratama (kelas 7A) dari SMP Harapan Bangsa: Rp 750.000, jatuh tempo 10/07/2026');
    expect(n.text).toMatch(/^Yth\. Bapak\/Ibu Siti Aminah,\n/);
    expect(n.text).toContain('tagihan SPP Juli 2026 untuk Rizky Pratama (kelas 7A, SMP Harapan Bangsa)');
    for (const line of ['Sekolah         : SMP Harapan Bangsa', 'Nama siswa      : Rizky Pratama', 'Kelas           : 7A', 'NIS             : 0012345', 'Item tagihan    : SPP Juli 2026', 'No. referensi   : 0012345/SPP-JULI-2026', 'Virtual Account : 8808 1001 0000 0427 1']) {
      expect(n.text).toContain(line);
    }
    expect(n.sms).toBe('SMP Harapan Bangsa: Tagihan SPP Juli 2026 Rizky Pratama kls 7A. Transfer tepat Rp 750.000 ke VA 8808 1001 0000 0427 1 paling lambat 10/07/2026.');
  });

  it('reminds and cancels by student and item too', () => {
    const reminder = invoiceNotice('reminder', pintuKelas(), { issuer: 'SMP Harapan Bangsa', reminder: 'H+3' });
    expect(reminder.subject).toBe('Pengingat: tagihan SPP Juli 2026 untuk Rizky Pratama (kelas 7A) lewat 3 hari dari jatuh tempo, Rp 750.000');
    expect(reminder.sms).toContain('SPP Juli 2026 Rizky Pratama kls 7A lewat 3 hari dari jatuh tempo 10/07/2026');
    const cancel = invoiceNotice('cancel', pintuKelas(), { issuer: 'SMP Harapan Bangsa' });
    expect(cancel.subject).toBe('DIBATALKAN: tagihan SPP Juli 2026 untuk Rizky Pratama (kelas 7A) dari SMP Harapan Bangsa, jangan dibayar');
    expect(cancel.sms).toContain('JANGAN bayar ke VA 8808 1001 0000 0427 1');
  });

  it('falls back to the description, then the reference, when the item is missing', () => {
    const n = invoiceNotice('notice', pintuKelas({ fields: { studentName: 'Rizky', className: '', school: '', nis: '1' } }), ISSUER);
    expect(n.subject).toMatch(/^Tagihan SPP Juli 2026 untuk Rizky dari PT Maju Jaya/);
    const noItem = invoiceNotice('notice', pintuKelas({ description: null, fields: { studentName: 'Rizky' } }), ISSUER);
    expect(noItem.subject).toMatch(/^Tagihan 0012345\/SPP-JULI-2026 untuk Rizky dari/);
  });
});

describe('an SMS with long names', () => {
  const long = einvoice({ customerName: 'Raden Ajeng Siti Nurhaliza Kartikasari Wijayakusuma', number: 'INV/2026/11/000123', va: '88081001000004271234', amount: 987_654_321_000 });

  it.each<[NoticeKind, string | undefined]>([
    ['notice', undefined],
    ['reminder', 'H-3'],
    ['reminder', 'H'],
    ['reminder', 'H+30'],
    ['cancel', undefined],
  ])('%s %s: the name gives way, never the VA or the amount', (kind, reminder) => {
    const { sms } = invoiceNotice(kind, long, { issuer: 'PT Sinar Harapan Sejahtera Abadi Tbk', reminder });
    expect(septets(sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
    expect(sms).toContain('Rp 987.654.321.000');
    expect(sms).toContain('VA 8808 1001 0000 0427 1234');
    expect(sms).toMatch(/a\.n\. Raden\b/);
    expect(sms).not.toContain('Wijayakusuma');
  });

  it('cuts the name at a word, keeping as much as fits', () => {
    const { sms } = invoiceNotice('notice', einvoice({ customerName: 'Raden Ajeng Siti Nurhaliza Kartikasari Wijayakusuma' }), ISSUER);
    expect(sms).toBe('PT Maju Jaya: Tagihan INV-2026-0042 a.n. Raden Ajeng Siti Nurhaliza Kartikasari. Transfer tepat Rp 1.250.000 ke VA 8808 1001 0000 0427 paling lambat 21/11/2026.');
  });

  it('shortens a long student name the same way', () => {
    const n = invoiceNotice('reminder', pintuKelas({ fields: { ...pintuKelas().fields, studentName: 'Muhammad Rizky Pratama Wijayakusuma Putra', className: 'XII IPA 2' } }), {
      issuer: 'Yayasan Pendidikan Islam Al-Hikmah Nusantara',
      reminder: 'H-7',
    });
    expect(septets(n.sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
    expect(n.sms).toMatch(/SPP Juli 2026 Muhammad Rizky\b.* kls XII IPA 2 jatuh tempo 7 hari lagi \(10\/07\/2026\)\. Transfer tepat Rp 750\.000 ke VA 8808 1001 0000 0427 1\./);
  });

  it('stays in the GSM alphabet whatever the names hold', () => {
    const n = invoiceNotice('notice', einvoice({ customerName: 'Nguyễn Thị Ánh “Anh” 😀' }), { issuer: 'CV Ayu’s Kitchen' });
    expect(n.sms).toContain("CV Ayu's Kitchen: Tagihan INV-2026-0042 a.n. Nguyen Thi Anh \"Anh\" ?.");
    expect(septets(n.sms)).not.toBeNull();
    // the email keeps the names as written
    expect(n.text).toContain('Yth. Nguyễn Thị Ánh “Anh” 😀,');
  });

  it('fits one segment for any name, with issuers up to 40 and numbers up to 24 characters', () => {
    const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.-'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(
        text(1, 120),
        text(1, 40),
        text(1, 24),
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.stringMatching(/^\d{10,20}$/),
        fc.constantFrom<NoticeKind>('notice', 'reminder', 'cancel'),
        fc.integer({ min: -30, max: 365 }),
        (name, issuer, number, amount, va, kind, offset) => {
          fc.pre(name.trim() !== '' && issuer.trim() !== '' && number.trim() !== '');
          const reminder = offset === 0 ? 'H' : offset < 0 ? `H${offset}` : `H+${offset}`;
          const { sms } = invoiceNotice(kind, einvoice({ customerName: name, number, amount, va }), { issuer, reminder });
          expect(septets(sms)).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
          expect(sms).toContain(formatRupiah(amount));
          expect(sms).toContain(formatVaForReading(va));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  it('groups a VA in fours for reading', () => {
    expect(formatVaForReading('8808100100000427')).toBe('8808 1001 0000 0427');
    expect(formatVaForReading('88081001000004271')).toBe('8808 1001 0000 0427 1');
    expect(formatVaForReading('8808 1001 0000 0427')).toBe('8808 1001 0000 0427');
    expect(formatVaForReading('1234')).toBe('1234');
  });

  it('counts GSM-7 septets, two for the extension table, null for what needs UCS-2', () => {
    expect(gsm7Length('Rp 50.009 @ Bandung')).toBe(19);
    expect(gsm7Length('€5 [x]')).toBe(9);
    expect(gsm7Length('Müller é')).toBe(8);
    expect(gsm7Length('Ā')).toBeNull();
    expect(gsm7Length('😀')).toBeNull();
  });

  it('maps text onto GSM-7', () => {
    expect(toGsm7('‘a’ “b” – c … Ā ğ 王')).toBe("'a' \"b\" - c ... A g ?");
    expect(toGsm7('Müller é')).toBe('Müller é');
  });

  it('refuses what is not an invoice it can describe', () => {
    expect(() => invoiceNotice('notice', einvoice({ dueDate: '21/11/2026' }), ISSUER)).toThrow(RangeError);
    expect(() => invoiceNotice('notice', einvoice({ va: '8808-1001' }), ISSUER)).toThrow(RangeError);
    expect(() => invoiceNotice('notice', einvoice({ amount: 1.5 }), ISSUER)).toThrow(RangeError);
  });
});
