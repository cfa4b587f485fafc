// The demo's complaints: one at each stage of seed 001's SOP, so the complaints desk, its
// deadlines and the weekly evaluation have something to show on first sight.

type Call = (method: string, input: unknown, token?: string | null) => Promise<Record<string, unknown>>;

const HOUR = 3_600_000;

export async function sampleComplaints(call: Call, password: string, now: number): Promise<void> {
  const as = async (username: string) => String((await call('auth.login', { username, password })).token);
  const [cs, manager] = [await as('siti'), await as('rina')];

  const logged = async (input: Record<string, unknown>) => String((await call('complaints.create', input, cs)).id);

  // Disbursement started an hour ago: the playbook says "wait, at most 2 hours".
  await logged({
    customer: { name: 'Rudi Hartono', phone: '0812-3456-7801', nik: '3171011203850002' },
    verifiedBy: 'nik',
    category: 'pencairan-pinjaman',
    channel: 'hotline',
    description: 'Pencairan pinjaman belum masuk ke rekening, gagal login aplikasi untuk cek status',
    facts: { disbursementStartedAt: now - HOUR },
  });

  // A payment not yet confirmed, escalated to the CS manager and on to Finance.
  const payment = await logged({
    customer: { name: 'Maya Sari', phone: '0812-3456-7802' },
    verifiedBy: 'phone',
    category: 'konfirmasi-pembayaran',
    channel: 'live-chat',
    description: 'Sudah transfer angsuran kemarin tetapi belum terima SMS konfirmasi pembayaran',
    facts: { paidAt: now - 26 * HOUR, paymentRecorded: false },
  });
  await call('complaints.contact', { id: payment, note: 'Nasabah diminta mengirim bukti transfer terakhir.' }, cs);
  await call('complaints.escalate', { id: payment, to: 'cs-manager', request: 'Pembayaran lebih dari 2 jam belum tercatat.' }, cs);
  await call('complaints.escalate', { id: payment, to: 'department', department: 'Finance', request: 'Mohon cek mutasi rekening tanggal kemarin.' }, manager);

  // A payment-method question answered and resolved at once.
  const method = await logged({
    customer: { name: 'Bambang Pamungkas', phone: '0812-3456-7803' },
    verifiedBy: 'full-name',
    category: 'metode-pembayaran',
    channel: 'walk-in',
    description: 'Nasabah menanyakan cara mendapatkan kode pembayaran di aplikasi',
    facts: { canUseApp: true },
  });
  await call('complaints.contact', { id: method, note: 'Dijelaskan langkah mendapatkan kode pembayaran di aplikasi.' }, cs);
  await call(
    'complaints.resolve',
    {
      id: method,
      report: {
        problem: 'Nasabah belum tahu cara mendapatkan kode pembayaran.',
        cause: 'Nasabah baru memakai aplikasi.',
        actionsTaken: ['Menunjukkan menu kode pembayaran di aplikasi'],
        resolvedBy: 'cs',
        customerInformed: true,
        paymentCodeGivenByCs: false,
      },
    },
    cs,
  );
}
