import type { ComplaintCategory } from './model';
import type { SlaTargets } from './sla';

// The SOPs of seed 001 as data: the steps the desk shows the CS, in the SOP's own words (two typos
// fixed: "pinajaman", "belum terima"), what must be recorded when the complaint is logged, and
// the two-hour facts the SOP decides on, computed from the times entered instead of guessed.

/** Who does the step, so the desk can show whose turn it is. */
export type StepActor = 'customer' | 'cs' | 'cs-manager' | 'department' | 'system';

export interface PlaybookStep {
  /** stable within its playbook; the report records which steps were done */
  id: string;
  actor: StepActor;
  idText: string;
  enText: string;
}

/** The fields the intake form requires for the category, beyond channel, identity and description. */
export type IntakeField = 'billingReason' | 'disbursementStartedAt' | 'paidAt' | 'paymentRecorded' | 'canUseApp';

export interface Playbook {
  category: ComplaintCategory;
  /** the SOP's section letter in seed 001 */
  sopSection: 'A' | 'B' | 'C' | 'D';
  steps: readonly PlaybookStep[];
  requiredFields: readonly IntakeField[];
  /** defaults until head office sets its own; business minutes */
  slaTargets: SlaTargets;
}

const step = (id: string, actor: StepActor, idText: string, enText: string): PlaybookStep => ({ id, actor, idText, enText });

const VERIFY = step(
  'verifikasi',
  'cs',
  'Customer service menanyakan data nomor telpon, nomor KTP, atau nama lengkap pelanggan untuk melakukan proses verifikasi',
  "Customer service asks for the customer's phone number, ID card (KTP) number or full name to verify them",
);
const reportStep = (topic: string, topicEn: string) =>
  step('buat-laporan', 'cs', `Customer service harus membuat laporan terhadap setiap permasalahan sehubungan dengan ${topic}`, `Customer service writes a report on every ${topicEn} issue`);
const weeklyStep = (topic: string, topicEn: string) =>
  step('evaluasi-mingguan', 'cs-manager', `Semua permasalahan mengenai ${topic} akan dijadikan bahan evaluasi mingguan untuk perbaikan pelayanan`, `All ${topicEn} issues feed the weekly evaluation to improve the service`);

// 15 business minutes to a first answer everywhere (hotline and chat customers wait on the line);
// resolution from how far each SOP usually has to go: the app's payment code is a minute's help,
// a billing dispute may need a department. Head office overrides these per category.
const FIRST_RESPONSE_MINUTES = 15;
const WARN_BEFORE_MINUTES = 30;

export const PLAYBOOKS: Readonly<Record<ComplaintCategory, Playbook>> = {
  penagihan: {
    category: 'penagihan',
    sopSection: 'A',
    requiredFields: ['billingReason'],
    slaTargets: { firstResponseMinutes: FIRST_RESPONSE_MINUTES, resolutionMinutes: 2 * 8 * 60, warnBeforeMinutes: WARN_BEFORE_MINUTES },
    steps: [
      step('tanya-penagihan', 'customer', 'Pelanggan menanyakan hal tentang penagihan', 'The customer asks about billing'),
      VERIFY,
      step(
        'identifikasi-alasan',
        'cs',
        'Customer service harus dapat mengidentifikasi alasan pelanggan menanyakan hal tentang penagihan dan berupaya menyelesaikan masalah yang timbul dengan usaha terbaiknya di bawah pengawasan customer service manager',
        'Customer service finds out why the customer asks about the bill and does its best to solve the problem, under the supervision of the customer service manager',
      ),
      step('lapor-manager', 'cs', 'Jika customer service tidak dapat menyelesaikan penagihan tersebut, customer service harus segera melapor ke customer service manager', 'If customer service cannot settle it, report to the customer service manager at once'),
      step('koordinasi-departemen', 'cs-manager', 'Customer service manager harus segera berkoordinasi dengan departemen terkait untuk tindakan selanjutnya', 'The customer service manager coordinates with the department concerned on the next action'),
      step('departemen-hubungi', 'department', 'Apabila tindakan selanjutnya memerlukan departemen tersebut untuk menghubungi customer, departemen menginformasikan kepada teamnya untuk menghubungi customer', 'If the next action needs the department to contact the customer, the department has its team do so'),
      reportStep('penagihan', 'billing'),
      weeklyStep('penagihan', 'billing'),
    ],
  },
  'pencairan-pinjaman': {
    category: 'pencairan-pinjaman',
    sopSection: 'B',
    requiredFields: ['disbursementStartedAt'],
    slaTargets: { firstResponseMinutes: FIRST_RESPONSE_MINUTES, resolutionMinutes: 8 * 60, warnBeforeMinutes: WARN_BEFORE_MINUTES },
    steps: [
      step('verifikasi', 'cs', 'Customer service menanyakan nomor telpon atau nomor KTP atau nama lengkap yang digunakan saat pendaftaran dan melakukan verifikasi data', 'Customer service asks for the phone number, ID card (KTP) number or full name used at registration and verifies them'),
      step('cek-status-pencairan', 'cs', 'Customer service mengecek status pencairan pinjaman di system', 'Customer service checks the disbursement status in the system'),
      step('kurang-dari-2-jam', 'cs', 'Apabila proses pencairan pinjaman kurang dari 2 jam, customer service menginformasikan kepada pelanggan bahwa proses pencairan pinjaman memakan waktu paling lama 2 jam', 'If the disbursement started less than 2 hours ago, tell the customer it takes at most 2 hours'),
      step('minta-bukti-transaksi', 'cs', 'Apabila pencairan pinjaman telah lebih dari 2 jam, customer service meminta pelanggan mengirimkan bukti transaksi terakhir di rekening bank pelanggan melalui email customer service', "If it is over 2 hours, ask the customer to email customer service proof of the last transaction on their bank account"),
      step('lapor-manager', 'cs', 'Customer service melakukan pelaporan kepada CS manager', 'Customer service reports to the CS manager'),
      step('koordinasi-departemen', 'cs-manager', 'CS manager harus segera melakukan koordinasi dengan departemen terkait untuk dilakukan analisa lebih lanjut', 'The CS manager coordinates with the department concerned for further analysis'),
      step('cairkan-ulang', 'department', 'Apabila hasil pengecekan menunjukkan bahwa proses pencairan pinjaman gagal, maka proses pencairan pinjaman harus segera dilakukan', 'If the check shows the disbursement failed, the disbursement is redone at once'),
      reportStep('pencairan dana', 'disbursement'),
      weeklyStep('pencairan dana', 'disbursement'),
    ],
  },
  'konfirmasi-pembayaran': {
    category: 'konfirmasi-pembayaran',
    sopSection: 'C',
    requiredFields: ['paidAt', 'paymentRecorded'],
    slaTargets: { firstResponseMinutes: FIRST_RESPONSE_MINUTES, resolutionMinutes: 8 * 60, warnBeforeMinutes: WARN_BEFORE_MINUTES },
    steps: [
      step('konfirmasi-pembayaran', 'customer', 'Pelanggan ingin melakukan konfirmasi pembayaran pinjaman melalui hotline, official social media, layanan livechat pelanggan, atau melalui email', 'The customer wants to confirm a loan payment by hotline, official social media, live chat or email'),
      VERIFY,
      step('cek-status-pembayaran', 'cs', 'Customer service melakukan pengecekan status pembayaran pinjaman di system', 'Customer service checks the loan payment status in the system'),
      step('tunggu-sms', 'cs', 'Jika pembayaran telah diterima dan terupdate di sistem, customer service memberitahukan pelanggan untuk menunggu notifikasi melalui pesan sms ke nomor telpon yang didaftarkan mengenai status pembayaran pinjaman pelanggan', 'If the payment was received and is recorded, tell the customer to wait for the SMS about it on their registered number'),
      step('lapor-manager', 'cs', 'Jika pembayaran belum diterima dan telah lewat dari dua jam setelah pembayaran yang dilakukan oleh nasabah, customer service segera melaporkan ke customer service manager', 'If the payment has not arrived two hours after the customer paid, report to the customer service manager at once'),
      step('koordinasi-departemen', 'cs-manager', 'Customer service manager segera berkoordinasi dengan departemen terkait untuk penanganan lebih lanjut', 'The customer service manager coordinates with the department concerned'),
      step('notifikasi-sms', 'system', 'Apabila pembayaran pelanggan telah diterima, pelanggan akan menerima notifikasi melalui pesan sms', 'Once the payment is received, the customer gets an SMS notification'),
      step('koordinasi-bank', 'department', 'Apabila pembayaran pelanggan belum diterima, departemen terkait dan customer service manager melakukan koordinasi dengan bank terkait untuk pengecekan lebih lanjut', 'If it is still not received, the department and the CS manager check with the bank concerned'),
      reportStep('konfirmasi pembayaran', 'payment confirmation'),
      weeklyStep('konfirmasi pembayaran', 'payment confirmation'),
    ],
  },
  'metode-pembayaran': {
    category: 'metode-pembayaran',
    sopSection: 'D',
    requiredFields: ['canUseApp'],
    slaTargets: { firstResponseMinutes: FIRST_RESPONSE_MINUTES, resolutionMinutes: 60, warnBeforeMinutes: 15 },
    steps: [
      step('tanya-metode', 'customer', 'Pelanggan menanyakan metode pembayaran pinjaman', 'The customer asks how to pay the loan'),
      VERIFY,
      step('arahkan-aplikasi', 'cs', 'Apabila pelanggan dapat mengakses fitur pada aplikasi, customer service wajib mengarahkan customer untuk mengakses fitur kode pembayaran pada aplikasi pelanggan', "If the customer can use the app, point them to the payment-code feature in their app"),
      step(
        'berikan-kode',
        'cs',
        'Jika pelanggan tidak dapat mengakses aplikasi, customer service memberitahukan kode pembayaran dengan catatan bahwa sebelum membayar pelanggan wajib memeriksa apakah kode pembayaran tersebut betul miliknya. Segala risiko yang timbul karena menerima kode pembayaran dari customer service ditanggung oleh pelanggan',
        'If they cannot use the app, give them the payment code, telling them to check before paying that the code is really theirs: any risk from receiving the code from customer service is borne by the customer',
      ),
      reportStep('metode pembayaran', 'payment method'),
      weeklyStep('metode pembayaran', 'payment method'),
    ],
  },
};

/** "paling lama 2 jam": the SOP's promise for a disbursement, and its limit for a payment to show up. */
export const TWO_HOURS_MS = 2 * 60 * 60_000;

export interface TwoHourFacts {
  /** wall-clock time since the event; the 2 hours are the bank's processing, not office hours */
  elapsedMs: number;
  /** strictly more than 2 hours: at exactly 2 hours the promise still holds */
  over2Hours: boolean;
  /** when the 2 hours are (were) up */
  twoHoursAt: number;
}

function twoHourFacts(since: number, now: number, what: string): TwoHourFacts {
  if (!Number.isFinite(since) || !Number.isFinite(now)) throw new RangeError(`not a time: ${since}, ${now}`);
  // validation refuses a future time before it gets here; reaching this is a bug in the caller
  if (since > now) throw new RangeError(`${what} lies in the future`);
  const elapsedMs = now - since;
  return { elapsedMs, over2Hours: elapsedMs > TWO_HOURS_MS, twoHoursAt: since + TWO_HOURS_MS };
}

export type DisbursementAdvice = 'tell-wait-max-2h' | 'ask-proof-and-report-manager';

/** SOP B.3–B.5 from when the disbursement started (as the system shows it) and now. */
export function disbursementFacts(disbursementStartedAt: number, now: number): TwoHourFacts & { advice: DisbursementAdvice } {
  const facts = twoHourFacts(disbursementStartedAt, now, 'the disbursement start');
  return { ...facts, advice: facts.over2Hours ? 'ask-proof-and-report-manager' : 'tell-wait-max-2h' };
}

export type PaymentConfirmationAdvice = 'tell-wait-sms' | 'tell-wait-max-2h' | 'report-manager';

/**
 * SOP C.4–C.5. Recorded: the customer waits for the SMS. Not recorded and over 2 hours since they
 * paid: report to the CS manager. Not recorded within the 2 hours the SOP does not spell out; like
 * a disbursement, the customer is told it takes up to 2 hours.
 */
export function paymentConfirmationFacts(
  input: { paidAt: number; paymentRecorded: boolean },
  now: number,
): TwoHourFacts & { advice: PaymentConfirmationAdvice } {
  const facts = twoHourFacts(input.paidAt, now, 'the payment time');
  const advice = input.paymentRecorded ? 'tell-wait-sms' : facts.over2Hours ? 'report-manager' : 'tell-wait-max-2h';
  return { ...facts, advice };
}

export type PaymentMethodAdvice = 'point-to-app-payment-code' | 'give-code-with-risk-notice';

/** SOP D.3–D.4. */
export function paymentMethodAdvice(canUseApp: boolean): PaymentMethodAdvice {
  return canUseApp ? 'point-to-app-payment-code' : 'give-code-with-risk-notice';
}
