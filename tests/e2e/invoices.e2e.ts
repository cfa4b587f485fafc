import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { choose, expect, loginAs, logout, menu, openDesk, shot, test as base } from './fixtures';
import { BACK_OFFICE, InvoicesWorld, jakartaDay, KASIE } from './invoices-world';

// Tagihan (seed 004), through the branch's screens: a Kasie enters the bank's VA code; back office
// downloads the E-Invoice template, fills it (one row with an amount nobody can read), sees that
// row named by row, column and reason in the preview, imports the good rows with a VA each, and
// asks head office to send the notices (its development recorder stands in for email, WhatsApp and
// SMS). The bank calls head office back with a payment to one VA; after a sync the invoice is
// Lunas and the reconciliation report lists it. A wrong invoice is archived with its reason. The
// world (head office and one enrolled branch desk) starts once for this file.
const test = base.extend<{ world: InvoicesWorld }, { invoicesWorld: InvoicesWorld }>({
  invoicesWorld: [
    async ({}, use) => {
      const started = await InvoicesWorld.start();
      try {
        await use(started);
      } finally {
        await started.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  world: async ({ invoicesWorld }, use) => {
    await use(invoicesWorld);
  },
  baseURL: async ({ invoicesWorld }, use) => {
    await use(invoicesWorld.desk.url);
  },
});

test.describe.configure({ mode: 'serial' });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const E_INVOICE_HEADERS = ['No Invoice', 'Nama Pelanggan', 'Email', 'No HP', 'Jumlah', 'Jatuh Tempo', 'Keterangan'];
const DUE = jakartaDay(14);
const BANK_CODE = '0101';
interface Listed {
  id: string;
  number: string;
  va: string;
  notice: string;
  display: string;
}

async function openInvoices(page: Page, tab?: string): Promise<void> {
  await openDesk(page, 'Tagihan');
  await expect(page.getByRole('heading', { name: 'Tagihan', exact: true })).toBeVisible();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
}

function invoiceRow(page: Page, number: string): Locator {
  return page.getByTestId('invoice-table').getByRole('row').filter({ hasText: number });
}

/** Sync rounds (the desk's own timer would do the same, later) until the invoice is as `want` says. */
async function syncUntil(world: InvoicesWorld, number: string, want: (invoice: Listed) => boolean, message: string): Promise<Listed> {
  const api = await world.api(BACK_OFFICE);
  let found: Listed | undefined;
  try {
    await expect
      .poll(
        async () => {
          await api.call('sync.now', {});
          const { invoices } = await api.call<{ invoices: Listed[] }>('invoices.list', { text: number, offset: 0, limit: 10 });
          found = invoices.find((i) => i.number === number);
          return found !== undefined && want(found);
        },
        { timeout: 30_000, intervals: [500, 1_000, 2_000], message },
      )
      .toBe(true);
  } finally {
    await api.dispose();
  }
  return found!;
}

test('a Kasie sees the VA code derived from the branch and enters the one the bank assigned', async ({ page }) => {
  await loginAs(page, KASIE.username, KASIE.password);
  await expect(menu(page)).toContainText(['Tagihan']);
  await openInvoices(page, 'Pengaturan VA');
  const settings = page.getByTestId('va-settings');
  await expect(settings.getByTestId('va-derived')).toHaveText('Diturunkan dari kode cabang');
  await shot(page, 'invoices-va');

  await settings.getByTestId('va-prefix').fill('12');
  await settings.getByTestId('va-derive').click();
  await settings.getByTestId('va-branch-code').fill(BANK_CODE);
  await settings.getByRole('button', { name: 'Simpan' }).click();
  await expect(settings.getByText('Prefiks VA harus 4–8 angka.')).toBeVisible();
  await settings.getByTestId('va-prefix').fill('88088');
  await settings.getByRole('button', { name: 'Simpan' }).click();
  await expect(settings.getByTestId('va-derived')).toHaveText('Dari bank');
  await expect(settings.getByTestId('va-current')).toContainText(`88088 ${BANK_CODE}`);
  await logout(page);
});

test('back office fills the E-Invoice template, sees the bad row named, and imports the good rows with a VA each', async ({ page, world }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Mutasi & Pembayaran', 'Tagihan', 'Pengaturan']);
  await openInvoices(page, 'Unggah Tagihan');
  // Back office has no VA setting to change.
  await expect(page.getByRole('tab')).toHaveText(['Daftar Tagihan', 'Unggah Tagihan', 'Laporan']);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Template E-Invoice' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = await download.path();
  const headerRow = XLSX.utils.sheet_to_json<string[]>(Object.values(XLSX.read(await readFile(template), { type: 'buffer' }).Sheets)[0]!, { header: 1 })[0];
  expect(headerRow).toEqual(E_INVOICE_HEADERS);

  const { path } = await world.fillTemplate(template, 'tagihan-desember.xlsx', [
    ['INV-2026-001', 'PT Maju Bersama', 'keuangan@majubersama.co.id', '0812-3456-7801', 1_500_000, DUE, 'Jasa konsultasi Desember'],
    ['INV-2026-002', 'CV Sumber Rejeki', 'admin@sumberrejeki.co.id', '081298765432', 750_000, DUE, 'Sewa peralatan'],
    ['INV-2026-003', 'Toko Berkah', 'toko@berkah.co.id', '', 'dua ratus ribu', DUE, 'Perawatan AC'],
    ['INV-2026-004', 'Ratna Sari', '', '+62 813-1111-2222', 500_000, DUE, 'Kursus privat'],
  ]);
  await page.getByTestId('upload-file').setInputFiles(path);
  await expect(page.getByTestId('upload-file-name')).toContainText('tagihan-desember.xlsx');
  const preview = page.getByTestId('upload-preview');
  await expect(preview.getByTestId('preview-accepted')).toHaveText('3');
  await expect(preview.getByTestId('preview-rejected')).toHaveText('1');
  const bad = preview.getByTestId('preview-errors').getByRole('row').filter({ hasText: 'dua ratus ribu' });
  await expect(bad).toContainText('4');
  await expect(bad).toContainText('Jumlah');
  await expect(bad).toContainText('Jumlah "dua ratus ribu" tidak terbaca sebagai rupiah.');
  await expect(preview.getByTestId('preview-rows')).toContainText('PT Maju Bersama');
  await expect(preview.getByTestId('preview-rows')).toContainText('Rp 1.500.000');
  await shot(page, 'invoices-upload-preview');

  await preview.getByRole('button', { name: 'Kirim 3 tagihan' }).click();
  // The batch opens in the list, chosen above, every invoice with its own VA.
  await expect(page.getByRole('tab', { name: 'Daftar Tagihan' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('list-count')).toHaveText('3 tagihan');
  await expect(page.getByTestId('invoice-batch')).toContainText('tagihan-desember.xlsx');
  const vas = await page.getByTestId('invoice-table').getByTestId('invoice-va').allInnerTexts();
  expect(vas).toHaveLength(3);
  for (const va of vas) expect(va).toMatch(new RegExp(`^88088${BANK_CODE}\\d+$`));
  expect(new Set(vas).size).toBe(3);
  await expect(invoiceRow(page, 'INV-2026-001')).toContainText('Rp 1.500.000');
  await expect(invoiceRow(page, 'INV-2026-001').getByTestId('invoice-notice')).toHaveText('Belum dikirim');
  await expect(page.getByTestId('dashboard-unsent')).toContainText('3');
  await expect(page.getByTestId('dashboard-unsent')).toContainText('Rp 2.750.000');
  await logout(page);
});

test('back office sends the batch’s notices, and after a sync head office has sent them', async ({ page, world }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openInvoices(page);
  // Kirim Semua belongs to a batch: the one just uploaded is chosen above the dashboard.
  await page.getByRole('combobox', { name: 'Batch' }).click({ force: true });
  await page.getByRole('option').filter({ hasText: 'tagihan-desember.xlsx' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('3 tagihan');
  await page.getByRole('button', { name: 'Kirim Semua' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kirim Semua' });
  await confirm.getByRole('button', { name: 'Kirim Semua' }).click();
  await expect(page.getByText('3 tagihan diminta dikirim; kantor pusat mengirim pemberitahuannya.')).toBeVisible();
  await expect(invoiceRow(page, 'INV-2026-001').getByTestId('invoice-notice')).toHaveText(/Menunggu kirim|Terkirim/);

  await syncUntil(world, 'INV-2026-001', (i) => i.notice === 'sent', 'head office sent the notice of INV-2026-001');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(invoiceRow(page, 'INV-2026-001').getByTestId('invoice-notice')).toHaveText('Terkirim');
  // Sent: it can be archived, never deleted.
  await expect(invoiceRow(page, 'INV-2026-001').getByRole('button', { name: 'Hapus' })).toHaveCount(0);

  // WhatsApp tells head office the customer read the notice; after a sync its row says so.
  expect(await world.whatsappSays('+6281234567801', 'read')).toBe(200);
  const invoice = await syncUntil(world, 'INV-2026-001', () => true, 'INV-2026-001 listed');
  const api = await world.api(BACK_OFFICE);
  try {
    await expect
      .poll(
        async () => {
          await api.call('sync.now', {});
          const { messages } = await api.call<{ messages: { channel: string; delivery: string | null }[] }>('invoices.messages', { invoiceId: invoice.id });
          return messages.find((m) => m.channel === 'whatsapp')?.delivery;
        },
        { timeout: 30_000, intervals: [500, 1_000, 2_000], message: 'the branch learnt the WhatsApp notice was read' },
      )
      .toBe('read');
  } finally {
    await api.dispose();
  }
  await invoiceRow(page, 'INV-2026-001').click();
  const drawer = page.getByRole('dialog', { name: 'Tagihan INV-2026-001' });
  const whatsapp = drawer.getByTestId('detail-messages').getByRole('row').filter({ hasText: 'WhatsApp' });
  await expect(whatsapp.getByTestId('message-status')).toHaveText('Dibaca');
  await drawer.locator('.el-drawer__close-btn').click();
  await expect(drawer).toBeHidden();
  await logout(page);
});

test('the bank pays one VA at head office; after a sync the invoice is Lunas with its payment', async ({ page, world }) => {
  const api = await world.api(BACK_OFFICE);
  const { invoices } = await api.call<{ invoices: Listed[] }>('invoices.list', { text: 'INV-2026-001', offset: 0, limit: 10 });
  await api.dispose();
  const va = invoices.find((i) => i.number === 'INV-2026-001')!.va;
  const paid = await world.bankPays({ payment_id: 'BCA-20261206-0001', va, amount: 1_500_000, paid_at: new Date().toISOString(), bank: 'BCA' });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  await syncUntil(world, 'INV-2026-001', (i) => i.display === 'paid', 'the branch learnt INV-2026-001 was paid');

  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openInvoices(page);
  await expect(invoiceRow(page, 'INV-2026-001').getByTestId('invoice-status')).toHaveText('Lunas');
  await invoiceRow(page, 'INV-2026-001').click();
  const drawer = page.getByRole('dialog', { name: 'Tagihan INV-2026-001' });
  await expect(drawer.getByTestId('detail-status')).toHaveText('Lunas');
  await expect(drawer.getByTestId('detail-payment')).toContainText('BCA-20261206-0001');
  await expect(drawer).toContainText(va);
  await expect(drawer.getByTestId('detail-messages')).toContainText('Terkirim');
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 6_000 });
  await shot(page, 'invoices-detail', { fullPage: false });
  await drawer.locator('.el-drawer__close-btn').click();
  await expect(drawer).toBeHidden();
  await logout(page);
});

test('back office archives a wrong invoice with its reason', async ({ page }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openInvoices(page);
  await invoiceRow(page, 'INV-2026-002').getByRole('button', { name: 'Arsipkan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Arsipkan tagihan INV-2026-002' });
  await dialog.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(dialog.getByText('Tulis alasan pengarsipan tagihan.')).toBeVisible();
  await dialog.getByTestId('invoice-reason').fill('Jumlah salah (seharusnya Rp 570.000); diganti tagihan baru.');
  await dialog.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(dialog).toBeHidden();
  await expect(invoiceRow(page, 'INV-2026-002').getByTestId('invoice-status')).toHaveText('Diarsipkan');
  await expect(page.getByTestId('dashboard-paid')).toContainText('1');
  await expect(page.getByTestId('dashboard-paid')).toContainText('Rp 1.500.000');
  await expect(page.getByTestId('dashboard-archived')).toContainText('1');
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 6_000 });
  await shot(page, 'invoices-list');
  // The strip on its own: counts and rupiah per status, and how the messages went.
  await page.getByTestId('invoice-dashboard').screenshot({ path: fileURLToPath(new URL('./screenshots/invoices-dashboard.png', import.meta.url)) });
  await logout(page);
});

test('the reconciliation report lists the payment against its invoice and exports it', async ({ page }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openInvoices(page, 'Laporan');
  await expect(page.getByTestId('report-table')).toContainText('INV-2026-001');
  await choose(page, 'Jenis laporan', 'Laporan Rekonsiliasi');
  const table = page.getByTestId('report-table');
  const paid = table.getByRole('row').filter({ hasText: 'INV-2026-001' });
  await expect(paid).toContainText('BCA-20261206-0001');
  await expect(paid).toContainText('Rp 1.500.000');
  await expect(page.getByTestId('report-totals')).toContainText('1 pembayaran · Rp 1.500.000');
  await shot(page, 'invoices-reports');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor Excel' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);
  await logout(page);
});
