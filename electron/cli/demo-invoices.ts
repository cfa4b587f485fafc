import * as XLSX from 'xlsx';
import { templateHeaders } from '../../shared/invoices/templates';

// The demo's invoice batch: an E-Invoice sheet of a few customers, imported and sent, so the Tagihan
// desk shows VAs, notices (recorded at head office's /admin/messages) and, once a payment is
// signed to the callback, a paid invoice.

type Call = (method: string, input: unknown, token?: string | null) => Promise<Record<string, unknown>>;

/** `YYYY-MM-DD` → `DD/MM/YYYY`, as the sheet's users write dates */
const sheetDate = (ms: number) => new Date(ms).toISOString().slice(0, 10).split('-').reverse().join('/');

export async function sampleInvoices(call: Call, password: string, now: number): Promise<void> {
  const token = String((await call('auth.login', { username: 'agus', password })).token);
  const due = sheetDate(now + 14 * 86_400_000);
  const rows: unknown[][] = [
    templateHeaders('einvoice'),
    ['INV-DEMO-001', 'PT Maju Bersama', 'keuangan@majubersama.co.id', '0812-3456-7801', 1_500_000, due, 'Jasa konsultasi'],
    ['INV-DEMO-002', 'CV Sumber Rejeki', 'admin@sumberrejeki.co.id', '0812-9876-5432', 750_000, due, 'Sewa peralatan'],
    ['INV-DEMO-003', 'Ratna Sari', '', '0813-1111-2222', 500_000, due, 'Kursus privat'],
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Tagihan');
  const dataBase64 = (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
  const imported = await call('invoices.import', { module: 'einvoice', fileName: 'tagihan-demo.xlsx', dataBase64, channels: ['email', 'whatsapp', 'sms'] }, token);
  await call('invoices.send', { batchId: imported.batchId }, token);
}
