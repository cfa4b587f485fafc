import { describe, expect, it } from 'vitest';
import { COMPLAINT_CATEGORIES } from './model';
import { PLAYBOOKS } from './playbooks';
import { complaintIntakeSchema, identityVerificationSchema, resolutionReportSchema } from './schemas';

const LOGGED = Date.parse('2026-11-16T03:00:00Z');
const base = {
  channel: 'hotline',
  identity: { method: 'phone', value: '0812 3456 7890' },
  description: 'Dana pinjaman belum masuk ke rekening',
  loggedAt: LOGGED,
};
const VALID_INTAKES = {
  penagihan: { ...base, category: 'penagihan', billingReason: 'Tagihan dobel bulan ini' },
  'pencairan-pinjaman': { ...base, category: 'pencairan-pinjaman', disbursementStartedAt: LOGGED - 3 * 3_600_000 },
  'konfirmasi-pembayaran': { ...base, category: 'konfirmasi-pembayaran', paidAt: LOGGED - 600_000, paymentRecorded: false },
  'metode-pembayaran': { ...base, category: 'metode-pembayaran', canUseApp: true },
} as const;

describe('identity verification', () => {
  it.each([
    ['phone', '0812 3456 7890'],
    ['phone', '+62 812-3456-7890'],
    ['nik', '3201 0112 0590 0001'],
    ['full-name', 'Siti Nurhaliza'],
    ['full-name', "Ni Luh Putu Ayu D'Arsana"],
  ])('accepts %s %j', (method, value) => {
    expect(identityVerificationSchema.safeParse({ method, value }).success).toBe(true);
  });

  it.each([
    ['phone', '021 555 1234'], // a landline is not the registered mobile
    ['phone', 'Siti'],
    ['nik', '320101120590000'], // 15 digits
    ['full-name', '3201011205900001'], // a NIK typed into the name field
    ['full-name', ' '],
    ['email', 'siti@example.com'],
  ])('refuses %s %j', (method, value) => {
    expect(identityVerificationSchema.safeParse({ method, value }).success).toBe(false);
  });
});

describe('complaint intake', () => {
  it.each(COMPLAINT_CATEGORIES)('accepts a complete %s intake', (category) => {
    expect(complaintIntakeSchema.safeParse(VALID_INTAKES[category]).success).toBe(true);
  });

  it.each(COMPLAINT_CATEGORIES)('refuses a %s intake missing any field its playbook requires', (category) => {
    for (const field of PLAYBOOKS[category].requiredFields) {
      const { [field]: _dropped, ...rest } = VALID_INTAKES[category] as Record<string, unknown>;
      const result = complaintIntakeSchema.safeParse(rest);
      expect(result.success, `${category} without ${field}`).toBe(false);
      expect(result.error?.issues.some((issue) => issue.path.join('.') === field)).toBe(true);
    }
  });

  it.each(['channel', 'identity', 'description'])('refuses an intake without %s', (field) => {
    const { [field]: _dropped, ...rest } = VALID_INTAKES.penagihan as Record<string, unknown>;
    expect(complaintIntakeSchema.safeParse(rest).success).toBe(false);
  });

  it('refuses a disbursement or payment time after the complaint was logged', () => {
    expect(complaintIntakeSchema.safeParse({ ...VALID_INTAKES['pencairan-pinjaman'], disbursementStartedAt: LOGGED + 1 }).success).toBe(false);
    expect(complaintIntakeSchema.safeParse({ ...VALID_INTAKES['konfirmasi-pembayaran'], paidAt: LOGGED + 1 }).success).toBe(false);
  });

  it('requires the risk notice when the CS gives the payment code (SOP D.4)', () => {
    const noApp = { ...VALID_INTAKES['metode-pembayaran'], canUseApp: false };
    expect(complaintIntakeSchema.safeParse(noApp).success).toBe(false);
    expect(complaintIntakeSchema.safeParse({ ...noApp, riskNoticeGiven: true }).success).toBe(true);
  });

  it('refuses an unknown channel or category', () => {
    expect(complaintIntakeSchema.safeParse({ ...VALID_INTAKES.penagihan, channel: 'fax' }).success).toBe(false);
    expect(complaintIntakeSchema.safeParse({ ...VALID_INTAKES.penagihan, category: 'asuransi' }).success).toBe(false);
  });
});

describe('resolution report', () => {
  const report = {
    complaintId: 'KLH-2026-0001',
    category: 'pencairan-pinjaman',
    channel: 'live-chat',
    verifiedBy: 'nik',
    problem: 'Pencairan belum masuk setelah 3 jam',
    cause: 'Transfer ke bank tujuan gagal',
    actionsTaken: ['Minta bukti mutasi', 'Lapor CS manager'],
    stepsDone: ['verifikasi', 'minta-bukti-transaksi', 'lapor-manager', 'cairkan-ulang'],
    resolvedBy: 'department',
    department: 'Finance',
    customerInformed: true,
    articleIds: [],
    resolvedAt: LOGGED,
    disbursementResult: 'gagal-dicairkan-ulang',
  };

  it('accepts a complete report', () => {
    expect(resolutionReportSchema.safeParse(report).success).toBe(true);
  });

  it.each(['problem', 'cause', 'actionsTaken', 'resolvedBy', 'customerInformed', 'disbursementResult', 'verifiedBy', 'resolvedAt'])(
    'refuses a report without %s',
    (field) => {
      const { [field]: _dropped, ...rest } = report as Record<string, unknown>;
      expect(resolutionReportSchema.safeParse(rest).success).toBe(false);
    },
  );

  it('needs the department when a department resolved it, at least one action, and the customer told', () => {
    expect(resolutionReportSchema.safeParse({ ...report, department: undefined }).success).toBe(false);
    expect(resolutionReportSchema.safeParse({ ...report, department: undefined, resolvedBy: 'cs' }).success).toBe(true);
    expect(resolutionReportSchema.safeParse({ ...report, actionsTaken: [] }).success).toBe(false);
    expect(resolutionReportSchema.safeParse({ ...report, customerInformed: false }).success).toBe(false);
  });

  it('refuses steps that are not in the category playbook', () => {
    const result = resolutionReportSchema.safeParse({ ...report, stepsDone: ['verifikasi', 'arahkan-aplikasi'] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['stepsDone.1']);
  });

  it('requires what the category turns on', () => {
    const payment = { ...report, category: 'konfirmasi-pembayaran', stepsDone: [], disbursementResult: undefined };
    expect(resolutionReportSchema.safeParse(payment).success).toBe(false);
    expect(resolutionReportSchema.safeParse({ ...payment, paymentReceived: true }).success).toBe(true);
  });
});
