// The vocabulary of the complaints desk (seed 001): categories, channels, how the customer was
// verified, and the statuses. Ids are stable ASCII (they go into the journal and the weekly report);
// labels are in both UI languages.

export interface Bilingual {
  id: string;
  en: string;
}

/** The four SOP categories of seed 001 (A–D); the SOP says more can be added later. */
export const COMPLAINT_CATEGORIES = ['penagihan', 'pencairan-pinjaman', 'konfirmasi-pembayaran', 'metode-pembayaran'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<ComplaintCategory, Bilingual>> = {
  penagihan: { id: 'Penagihan', en: 'Billing' },
  'pencairan-pinjaman': { id: 'Pencairan Pinjaman', en: 'Loan disbursement' },
  'konfirmasi-pembayaran': { id: 'Konfirmasi Pembayaran', en: 'Payment confirmation' },
  'metode-pembayaran': { id: 'Metode Pembayaran', en: 'Payment method' },
};

/** Seed 001 C.1 names hotline, official social media, live chat and email; a branch also has walk-ins. */
export const COMPLAINT_CHANNELS = ['hotline', 'social-media', 'live-chat', 'email', 'walk-in'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<ComplaintChannel, Bilingual>> = {
  hotline: { id: 'Hotline', en: 'Hotline' },
  'social-media': { id: 'Media sosial resmi', en: 'Official social media' },
  'live-chat': { id: 'Live chat', en: 'Live chat' },
  email: { id: 'Email', en: 'Email' },
  'walk-in': { id: 'Datang ke cabang', en: 'Walk-in' },
};

/** What the CS checked the customer against: "nomor telpon, nomor KTP, atau nama lengkap". */
export const IDENTITY_METHODS = ['phone', 'nik', 'full-name'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const IDENTITY_METHOD_LABELS: Readonly<Record<IdentityMethod, Bilingual>> = {
  phone: { id: 'Nomor telepon', en: 'Phone number' },
  nik: { id: 'Nomor KTP (NIK)', en: 'ID card number (NIK)' },
  'full-name': { id: 'Nama lengkap', en: 'Full name' },
};

/**
 * open → (escalated-manager → escalated-department) → resolved, with waiting-customer (which pauses
 * the SLA clock) possible at any working stage, and reopened when the customer comes back.
 */
export const COMPLAINT_STATUSES = ['open', 'waiting-customer', 'escalated-manager', 'escalated-department', 'resolved', 'reopened'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The statuses in which someone is working on the complaint (not waiting, not done). */
export const WORKING_STATUSES = ['open', 'reopened', 'escalated-manager', 'escalated-department'] as const satisfies readonly ComplaintStatus[];
export type WorkingStatus = (typeof WORKING_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ComplaintStatus, Bilingual>> = {
  open: { id: 'Terbuka', en: 'Open' },
  'waiting-customer': { id: 'Menunggu nasabah', en: 'Waiting for customer' },
  'escalated-manager': { id: 'Dieskalasi ke CS Manager', en: 'Escalated to CS manager' },
  'escalated-department': { id: 'Dieskalasi ke departemen', en: 'Escalated to department' },
  resolved: { id: 'Selesai', en: 'Resolved' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
};
