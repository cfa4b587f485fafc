import { formatRupiah } from '../domain/money';
import { cleanText } from './cells';
import { formatDayId, isIsoDay } from './days';
import type { ReminderId } from './reminders';
import type { InvoiceModule } from './templates';

// What a customer reads about an invoice (seed 004: "Kirim pemberitahuan invoice ke customer ...
// lewat email, WhatsApp, atau SMS"), in Bahasa Indonesia: the first notice, the reminders around the
// due date, and the cancellation of a wrong invoice ("pemberitahuan ... untuk tidak melakukan
// pembayaran atas tagihan yang salah"). Every message says the exact amount and the VA: a closed VA
// refuses any other amount, so "transfer exactly this much to this number" is the whole instruction.

export type NoticeKind = 'notice' | 'reminder' | 'cancel';

export interface NoticeInvoice {
  /** E-Invoice: `No Invoice`; PintuKelas: the NIS/item reference */
  number: string;
  /** who is billed: the customer, or for PintuKelas the guardian */
  customerName: string;
  /** whole rupiah */
  amount: number;
  /** `YYYY-MM-DD` */
  dueDate: string;
  va: string;
  description: string | null;
  module: InvoiceModule;
  /** PintuKelas: school, className, nis, studentName, item */
  fields: Record<string, string>;
}

export interface NoticeOptions {
  /** `H-3`, `H`, `H+7`: required for a reminder, which says how far the due date is */
  reminder?: ReminderId;
  /** the branch or company the customer pays */
  issuer: string;
}

export interface InvoiceNotice {
  /** email subject */
  subject: string;
  /** email and WhatsApp body */
  text: string;
  /** GSM-7 only, one 160-character segment unless the fixed parts alone are longer */
  sms: string;
}

/** One SMS segment of the GSM 03.38 default alphabet. */
export const SMS_SEGMENT_SEPTETS = 160;

/** `8808100100000427` → `8808 1001 0000 0427`: groups of four, as banks print card and VA numbers. */
export function formatVaForReading(va: string): string {
  return va.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

// GSM 03.38: the default alphabet costs one septet a character, its extension table two (escape +
// character). One character outside both turns the whole SMS into UCS-2, 70 characters a segment.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENDED = new Set('^{}\\[~]|€\f');

/** Septets `text` takes in the GSM-7 alphabet, or null when it needs UCS-2. */
export function gsm7Length(text: string): number | null {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENDED.has(ch)) septets += 2;
    else return null;
  }
  return septets;
}

const LOOK_ALIKES: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '`': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '\u00a0': ' ' };

/**
 * `text` in the GSM-7 alphabet: typographic quotes and dashes as their plain forms, accents dropped
 * where the alphabet lacks the letter (Ā → A), anything else as `?`. A single emoji in a name would
 * otherwise halve the SMS's room and double its price.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (GSM7_BASIC.has(ch) || GSM7_EXTENDED.has(ch)) out += ch;
    else if (LOOK_ALIKES[ch] !== undefined) out += LOOK_ALIKES[ch];
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every((c) => GSM7_BASIC.has(c)) ? bare : '?';
    }
  }
  return out;
}

/** Days from the due date of a reminder id: `H-3` → -3, `H` → 0, `H+7` → 7. */
function reminderOffset(id: ReminderId | undefined): number {
  const m = id === undefined ? null : /^H(?:([+-])(\d{1,3}))?$/.exec(id);
  if (!m) throw new RangeError(`a reminder needs a reminder id such as H-3, H or H+7, got ${String(id)}`);
  return m[1] === undefined ? 0 : Number(`${m[1]}${m[2]}`);
}

/** "jatuh tempo 3 hari lagi", "jatuh tempo hari ini", "lewat 7 hari dari jatuh tempo". */
function dueWords(offset: number): string {
  if (offset < 0) return `jatuh tempo ${-offset} hari lagi`;
  if (offset === 0) return 'jatuh tempo hari ini';
  return `lewat ${offset} hari dari jatuh tempo`;
}

interface Facts {
  kind: NoticeKind;
  offset: number;
  issuer: string;
  number: string;
  name: string;
  amount: string;
  rupiah: number;
  due: string;
  va: string;
  description: string | null;
  pintuKelas: { school: string; className: string; nis: string; studentName: string; item: string } | null;
}

function factsOf(kind: NoticeKind, invoice: NoticeInvoice, options: NoticeOptions): Facts {
  if (!isIsoDay(invoice.dueDate)) throw new RangeError(`due date must be YYYY-MM-DD, got ${invoice.dueDate}`);
  const va = invoice.va.replace(/\s+/g, '');
  if (!/^\d+$/.test(va)) throw new RangeError(`a VA is digits, got ${invoice.va}`);
  const field = (key: string) => cleanText(invoice.fields[key] ?? '');
  const description = invoice.description === null ? '' : cleanText(invoice.description);
  return {
    kind,
    offset: kind === 'reminder' ? reminderOffset(options.reminder) : 0,
    issuer: cleanText(options.issuer),
    number: cleanText(invoice.number),
    name: cleanText(invoice.customerName),
    amount: formatRupiah(invoice.amount),
    rupiah: invoice.amount,
    due: formatDayId(invoice.dueDate),
    va: formatVaForReading(va),
    description: description === '' ? null : description,
    pintuKelas:
      invoice.module === 'pintukelas'
        ? { school: field('school'), className: field('className'), nis: field('nis'), studentName: field('studentName'), item: field('item') || description }
        : null,
  };
}

/**
 * What the bill is for, in a subject or a sentence: `tagihan INV-001`, or for a school
 * `tagihan SPP Juli 2026 untuk Siti Aminah (kelas 7A, SMP Harapan)`, the school only in a sentence.
 */
function billFor(f: Facts, withSchool = false): string {
  const p = f.pintuKelas;
  if (!p) return `tagihan ${f.number}`;
  const where = [p.className ? `kelas ${p.className}` : '', withSchool ? p.school : ''].filter(Boolean).join(', ');
  return `tagihan ${p.item || f.number} untuk ${p.studentName}${where ? ` (${where})` : ''}`;
}

function subjectOf(f: Facts): string {
  const bill = billFor(f);
  switch (f.kind) {
    case 'notice':
      return `Tagihan ${bill.slice('tagihan '.length)} dari ${f.issuer}: ${f.amount}, jatuh tempo ${f.due}`;
    case 'reminder':
      return `Pengingat: ${bill} ${f.offset === 0 ? `jatuh tempo hari ini (${f.due})` : dueWords(f.offset)}, ${f.amount}`;
    case 'cancel':
      return `DIBATALKAN: ${bill} dari ${f.issuer}, jangan dibayar`;
  }
}

function detailLines(f: Facts): string[] {
  const p = f.pintuKelas;
  const rows: [string, string | null][] = p
    ? [
        ['Sekolah', p.school || null],
        ['Nama siswa', p.studentName || null],
        ['Kelas', p.className || null],
        ['NIS', p.nis || null],
        ['Item tagihan', p.item || null],
        ['No. referensi', f.number],
      ]
    : [
        ['No. tagihan', f.number],
        ['Keterangan', f.description],
      ];
  rows.push(['Jumlah', f.amount], ['Jatuh tempo', f.due], ['Virtual Account', f.va]);
  return rows.filter((row): row is [string, string] => row[1] !== null).map(([label, value]) => `${label.padEnd(16)}: ${value}`);
}

/** How to pay `amount` (whole rupiah) into `va`, as sentences; the invoice PDF prints them too. */
export function paymentInstructions(amount: number, va: string): string[] {
  const rupiah = formatRupiah(amount);
  const number = formatVaForReading(va);
  return [
    `Cara membayar: transfer TEPAT ${rupiah} ke nomor Virtual Account ${number} melalui mobile banking, internet banking, ATM, atau transfer dari bank lain.`,
    'Virtual Account ini hanya menerima jumlah yang persis sama dengan tagihan: pembayaran dengan jumlah lain akan ditolak, dan setelah lunas nomor ini tidak menerima pembayaran lagi.',
  ];
}
const HOW_TO_PAY = (f: Facts) => paymentInstructions(f.rupiah, f.va);

function textOf(f: Facts): string {
  const p = f.pintuKelas;
  const greeting = p ? `Yth. Bapak/Ibu ${f.name},` : `Yth. ${f.name},`;
  const about = billFor(f, true);
  let opening: string[];
  let closing: string[];
  switch (f.kind) {
    case 'notice':
      opening = [`${f.issuer} mengirimkan ${about} kepada Anda dengan rincian berikut.`];
      closing = HOW_TO_PAY(f);
      break;
    case 'reminder':
      opening = [
        f.offset < 0
          ? `Kami mengingatkan bahwa ${about} akan ${dueWords(f.offset)}, pada ${f.due}.`
          : f.offset === 0
            ? `Kami mengingatkan bahwa ${about} ${dueWords(f.offset)}, ${f.due}.`
            : `Kami mengingatkan bahwa ${about} sudah ${dueWords(f.offset)} (${f.due}) dan belum kami terima pembayarannya. Mohon segera dibayar.`,
      ];
      closing = [...HOW_TO_PAY(f), 'Jika Anda sudah membayar, abaikan pengingat ini. Terima kasih.'];
      break;
    case 'cancel':
      opening = [`${f.issuer} MEMBATALKAN ${about} berikut karena terdapat kesalahan.`];
      closing = [
        `JANGAN melakukan pembayaran ke Virtual Account ${f.va} untuk tagihan ini.`,
        'Tagihan pengganti dengan rincian yang benar akan kami kirimkan tersendiri; bayarlah sesuai tagihan pengganti tersebut.',
        `Jika Anda terlanjur membayar tagihan ini, segera hubungi ${f.issuer}.`,
      ];
      break;
  }
  return [greeting, '', ...opening, '', ...detailLines(f), '', ...closing, '', 'Hormat kami,', f.issuer, ''].join('\n');
}

/** The words of `text` that fit in `max` characters; at least the start of the first word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const word of text.split(' ')) {
    const next = out === '' ? word : `${out} ${word}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' ? text.slice(0, max) : out;
}

/** The parts an SMS may cut, in the order it cuts them, and how short each may get. */
interface SmsParts {
  name: string;
  issuer: string;
  label: string;
}
// The name gives way first but keeps enough to be recognised, then a long issuer, then the rest.
const CUTS: readonly (readonly [keyof SmsParts, number])[] = [
  ['name', 16],
  ['issuer', 16],
  ['name', 8],
  ['label', 10],
];

function smsOf(f: Facts): string {
  const p = f.pintuKelas;
  const render = (s: SmsParts, withTail: boolean): string => {
    const who = p ? `${s.label} ${s.name}${p.className ? ` kls ${toGsm7(p.className)}` : ''}` : `${s.label} a.n. ${s.name}`;
    const pay = `tepat ${f.amount} ke VA ${f.va}`;
    switch (f.kind) {
      case 'notice':
        return `${s.issuer}: Tagihan ${who}. Transfer ${pay} paling lambat ${f.due}.`;
      case 'reminder': {
        const when = f.offset < 0 ? `${dueWords(f.offset)} (${f.due})` : f.offset === 0 ? `jatuh tempo hari ini ${f.due}` : `${dueWords(f.offset)} ${f.due}`;
        return `${s.issuer}: Tagihan ${who} ${when}. Transfer ${pay}.${withTail ? ' Abaikan jika sudah bayar.' : ''}`;
      }
      case 'cancel':
        return `${s.issuer}: Tagihan ${who} ${f.amount} DIBATALKAN. JANGAN bayar ke VA ${f.va}. Tagihan pengganti menyusul.`;
    }
  };
  const parts: SmsParts = {
    name: toGsm7(p ? p.studentName : f.name),
    issuer: toGsm7(f.issuer),
    label: toGsm7(p ? p.item || f.number : f.number),
  };
  const fits = (text: string) => (gsm7Length(text) ?? Infinity) <= SMS_SEGMENT_SEPTETS;
  // the closing courtesy of a reminder goes first, then the names shrink; amount, VA and date never
  for (const withTail of [true, false]) if (fits(render(parts, withTail))) return render(parts, withTail);
  for (const [key, min] of CUTS) {
    const excess = (gsm7Length(render(parts, false)) ?? 0) - SMS_SEGMENT_SEPTETS;
    if (excess <= 0) break;
    parts[key] = shorten(parts[key], Math.max(min, parts[key].length - excess));
  }
  return render(parts, false);
}

/** The subject, email/WhatsApp text and SMS of `kind` for `invoice`. */
export function invoiceNotice(kind: NoticeKind, invoice: NoticeInvoice, options: NoticeOptions): InvoiceNotice {
  const facts = factsOf(kind, invoice, options);
  return { subject: subjectOf(facts), text: textOf(facts), sms: smsOf(facts) };
}
