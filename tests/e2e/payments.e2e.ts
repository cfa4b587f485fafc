import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { choose, expect, loginAs, logout, menu, openDesk, row, shot, test as base } from './fixtures';
import { DeskApi } from './otp-world';
import { ROOT } from './processes';
import { BACK_OFFICE, bcaStatement, jakartaToday, KASIE, PaymentsWorld, receiptPng, TELLER, type StatementRow } from './payments-world';

// Mutasi & Pembayaran (seed 003), through the branch's screens: back office registers the
// company's BCA account and creates payments with a unique code, reading the totals from the
// screen as a teller would read them out; imports the day's KlikBCA statement (preview first),
// where one transfer pays its total exactly and one was mistyped; finds both in Riwayat Mutasi with
// matching's reasons, verifies the mistyped one by hand with the customer's receipt, and a Kasie
// approves it. The world (one branch desk and its staff) starts once for this file.
const test = base.extend<{ world: PaymentsWorld }, { paymentsWorld: PaymentsWorld }>({
  paymentsWorld: [
    async ({}, use) => {
      const started = await PaymentsWorld.start();
      try {
        await use(started);
      } finally {
        await started.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  world: async ({ paymentsWorld }, use) => {
    await use(paymentsWorld);
  },
  baseURL: async ({ paymentsWorld }, use) => {
    await use(paymentsWorld.desk.url);
  },
});

test.describe.configure({ mode: 'serial' });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const ACCOUNT = { bank: 'BCA', number: '0123456789', holder: 'PT Sinar Jaya Abadi' };
/** What the screens showed, carried from one test to the next (they run in order). */
const totals: { budi: number; sari: number } = { budi: 0, sari: 0 };
const TODAY = jakartaToday();
const DDMM = `${TODAY.day}/${TODAY.month}`;
const rupiah = (text: string) => Number(text.replace(/\D/g, ''));
const id = (n: number) => n.toLocaleString('id-ID');

async function openPayments(page: Page, tab?: string): Promise<void> {
  await openDesk(page, 'Mutasi & Pembayaran');
  await expect(page.getByRole('heading', { name: 'Mutasi & Pembayaran', exact: true })).toBeVisible();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** The drawer read from its top, as a person opening it sees it first. */
async function drawerShot(page: Page, drawer: Locator, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 6_000 });
  await drawer.locator('.el-drawer__body').evaluate('(body) => body.scrollTo(0, 0)');
  await shot(page, name, { fullPage: false });
}

function mutationRow(page: Page, text: string): Locator {
  return page.getByTestId('mutation-table').getByRole('row').filter({ hasText: text });
}

/** Buat Pembayaran in the open dialog; resolves the total the screen showed. */
async function createPayment(dialog: Locator, amount: string, reference: string, payer: string): Promise<number> {
  await dialog.getByTestId('payment-amount').fill(amount);
  await dialog.getByTestId('payment-reference').fill(reference);
  // Typed as 50000, shown back as people write it once the field is left.
  await expect(dialog.getByTestId('payment-amount')).toHaveValue(id(Number(amount)));
  await dialog.getByTestId('payment-payer').fill(payer);
  await dialog.getByRole('button', { name: 'Buat Pembayaran' }).click();
  const total = dialog.getByTestId('payment-total');
  await expect(total).toHaveText(/^Rp \d{1,3}(\.\d{3})+$/);
  return rupiah(await total.innerText());
}

test('a teller opens the desk but neither imports nor verifies', async ({ page }) => {
  await loginAs(page, TELLER.username, TELLER.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Basis Pengetahuan', 'Mutasi & Pembayaran', 'Pengaturan']);
  await openPayments(page);
  await expect(page.getByRole('tab')).toHaveText(['Pembayaran', 'Riwayat Mutasi', 'Rekening']);
  await expect(page.getByText('Belum ada rekening perusahaan. Back office menambahkannya di tab Rekening.')).toBeVisible();
  // A typed address to a back-office screen lands on the teller's first one.
  await page.goto('/#/payments?tab=verification');
  await expect(page.getByRole('tab', { name: 'Pembayaran', exact: true })).toHaveAttribute('aria-selected', 'true');
  await logout(page);
});

test('back office adds the company account and creates payments whose totals are read from the screen', async ({ page }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Mutasi & Pembayaran', 'Tagihan', 'Pengaturan']);
  await openPayments(page, 'Rekening');
  await page.getByTestId('account-bank').fill(ACCOUNT.bank);
  await page.getByTestId('account-number').fill('0123');
  await page.getByTestId('account-holder').fill(ACCOUNT.holder);
  await page.getByRole('button', { name: 'Tambah Rekening' }).click();
  await expect(page.getByText('Nomor rekening terdiri dari 5 sampai 20 angka.')).toBeVisible();
  // Written as the bank's letter shows it; the desk keeps the digits.
  await page.getByTestId('account-number').fill('0123-456-789');
  await page.getByRole('button', { name: 'Tambah Rekening' }).click();
  const account = row(page, ACCOUNT.number);
  await expect(account).toContainText(ACCOUNT.holder);
  // A desk not enrolled to head office gives every code of its accounts itself.
  await expect(account).toContainText('Berdiri sendiri');
  await page.getByTestId('account-bank').fill(ACCOUNT.bank);
  await page.getByTestId('account-number').fill(ACCOUNT.number);
  await page.getByTestId('account-holder').fill(ACCOUNT.holder);
  await page.getByRole('button', { name: 'Tambah Rekening' }).click();
  await expect(page.getByText('Rekening ini sudah terdaftar (BCA).')).toBeVisible();
  await shot(page, 'payments-accounts');

  await page.getByRole('tab', { name: 'Pembayaran', exact: true }).click();
  await page.getByRole('button', { name: 'Buat Pembayaran' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buat Pembayaran' });
  await expect(dialog).toBeVisible();
  // The branch has one account, so it is chosen already. An amount with sen is refused in the customer's words before anything is sent.
  await dialog.getByTestId('payment-amount').fill('50.000,50');
  await dialog.getByTestId('payment-reference').fill('INV-1001');
  await dialog.getByRole('button', { name: 'Buat Pembayaran' }).click();
  await expect(dialog.getByText('Jumlah harus rupiah utuh, tanpa sen.')).toBeVisible();

  totals.budi = await createPayment(dialog, '50000', 'INV-1001', 'Budi Santoso');
  expect(totals.budi).toBeGreaterThan(50_000);
  expect(totals.budi).toBeLessThan(51_000);
  await expect(dialog.getByTestId('payment-code')).toHaveText(String(totals.budi - 50_000));
  await dialog.getByRole('button', { name: 'Salin' }).click();
  await expect(page.getByText(`Disalin: ${totals.budi}`)).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(String(totals.budi));
  await shot(page, 'payments-created');

  await dialog.getByRole('button', { name: 'Buat Lagi' }).click();
  totals.sari = await createPayment(dialog, '75000', 'INV-1002', 'Sari Wulandari');
  expect(totals.sari).toBeGreaterThan(75_000);
  await dialog.getByRole('button', { name: 'Buat Lagi' }).click();
  // The same amount again gets another code: two open payments never share a total.
  const again = await createPayment(dialog, '50000', 'INV-1003', 'Andi Pratama');
  expect(again).not.toBe(totals.budi);
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await expect(dialog).toBeHidden();

  await expect(row(page, 'INV-1001')).toContainText(`Rp ${id(totals.budi)}`);
  await expect(row(page, 'INV-1002')).toContainText('Menunggu');
  await expect(page.getByText('3 pembayaran ditampilkan')).toBeVisible();

  // INV-1003 was a mistake: cancelled with its reason.
  await row(page, 'INV-1003').getByRole('button', { name: 'Batalkan' }).click();
  const cancel = page.getByRole('dialog', { name: 'Batalkan pembayaran INV-1003' });
  await cancel.getByRole('button', { name: 'Batalkan Pembayaran' }).click();
  await expect(cancel.getByText('Wajib diisi.')).toBeVisible();
  await cancel.getByTestId('payment-note').fill('Pesanan dobel, nasabah membayar INV-1001');
  await cancel.getByRole('button', { name: 'Batalkan Pembayaran' }).click();
  await expect(cancel).toBeHidden();
  await expect(row(page, 'INV-1003')).toContainText('Dibatalkan');
  await shot(page, 'payments-list');
  await logout(page);
});

test('back office previews and imports the day’s BCA statement and sees each match with its reason', async ({ page, world }) => {
  const rows: StatementRow[] = [
    { date: DDMM, description: 'TRSF E-BANKING CR 2111/FTSCY/WS95031 BUDI SANTOSO', amount: `${totals.budi}.00`, direction: 'CR', balance: `${1_000_000 + totals.budi}.00` },
    // Sari typed 75.010 instead of her total: it matches nothing.
    { date: DDMM, description: 'TRSF E-BANKING CR 2111/FTSCY/WS95032 SARI WULANDARI', amount: '75010.00', direction: 'CR', balance: `${1_075_010 + totals.budi}.00` },
    { date: DDMM, description: 'BIAYA ADM', amount: '15000.00', direction: 'DB', balance: `${1_060_010 + totals.budi}.00` },
    // A cash deposit nobody told the branch about.
    { date: DDMM, description: 'SETORAN TUNAI CABANG BEKASI', amount: '1500000.00', direction: 'CR', balance: `${2_560_010 + totals.budi}.00` },
  ];
  const period = { from: `01/${TODAY.month}/${TODAY.year}`, to: `${DDMM}/${TODAY.year}` };
  const file = await world.file('mutasi-bca.csv', bcaStatement(ACCOUNT.number, 'PT SINAR JAYA ABADI', period, rows));

  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Impor Mutasi');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-file-name')).toContainText('mutasi-bca.csv');
  // The account is chosen for her: the branch has one.
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-format')).toHaveText('BCA (KlikBCA)');
  await expect(preview).toContainText(ACCOUNT.number);
  await expect(preview.getByTestId('preview-rows')).toHaveText('4');
  await expect(preview.getByTestId('preview-credits')).toHaveText('3');
  await expect(preview.getByTestId('preview-new')).toHaveText('4');
  await expect(preview.getByTestId('preview-duplicates')).toHaveText('0');
  await expect(preview.getByTestId('preview-sample')).toContainText('SARI WULANDARI');
  await shot(page, 'payments-import-preview');

  await page.getByRole('button', { name: 'Simpan Impor' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Cocok: 1');
  await expect(result).toContainText('Perlu dipilih: 0');
  await expect(result).toContainText('Tidak cocok: 2');
  await expect(page.getByText('4 mutasi disimpan, 0 duplikat dilewati.')).toBeVisible();
  await shot(page, 'payments-import-result');

  // The same file again: every row is known, and marked so.
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await expect(preview.getByTestId('preview-duplicates')).toHaveText('4');
  await expect(preview.getByTestId('preview-new')).toHaveText('0');
  await expect(preview.getByTestId('preview-duplicate')).toHaveCount(4);

  await page.getByRole('tab', { name: 'Riwayat Mutasi' }).click();
  await expect(page.getByTestId('mutations-count')).toHaveText('4 mutasi');
  const budi = mutationRow(page, 'BUDI SANTOSO');
  await expect(budi.getByTestId('mutation-status')).toHaveText('Cocok');
  await expect(budi.getByTestId('mutation-reason')).toHaveText(`Kode unik ${totals.budi - 50_000}: Rp ${id(totals.budi)} pada ${DDMM}, satu pembayaran terbuka.`);
  await expect(budi.getByTestId('mutation-payment')).toHaveText('Pembayaran INV-1001');
  const sari = mutationRow(page, 'SARI WULANDARI');
  await expect(sari.getByTestId('mutation-status')).toHaveText('Tidak cocok');
  await expect(sari.getByTestId('mutation-reason')).toHaveText(`Rp 75.010 pada ${DDMM}: tidak ada pembayaran terbuka dengan total ini.`);
  await expect(mutationRow(page, 'BIAYA ADM').getByTestId('mutation-status')).toHaveText('Debet');
  await shot(page, 'payments-mutations');

  // Filters: by status, and by amount typed as people type it.
  await choose(page, 'Status', 'Tidak cocok');
  await expect(page.getByTestId('mutations-count')).toHaveText('2 mutasi');
  await choose(page, 'Status', 'Semua');
  await page.getByTestId('mutations-min').fill('50.000');
  await page.getByTestId('mutations-max').fill('60.000');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByTestId('mutations-count')).toHaveText('1 mutasi');
  await expect(mutationRow(page, 'BUDI SANTOSO')).toBeVisible();

  await page.getByRole('tab', { name: 'Pembayaran', exact: true }).click();
  await expect(row(page, 'INV-1001').getByTestId('payment-status')).toHaveText('Lunas');
  await expect(row(page, 'INV-1001')).toContainText('otomatis');
  await logout(page);
});

test('back office verifies the mistyped transfer by hand with the receipt, linking it to Sari’s payment', async ({ page, world }) => {
  const receipt = await world.file('bukti-transfer-sari.png', receiptPng());
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Riwayat Mutasi');
  await mutationRow(page, 'SARI WULANDARI').getByRole('button', { name: 'Verifikasi' }).click();
  const drawer = page.getByRole('dialog', { name: /Verifikasi manual/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('case-status')).toHaveText('Terbuka');
  await expect(drawer.getByTestId('case-amount')).toHaveText('Rp 75.010 CR');

  // Without the receipt the SOP's evidence is incomplete.
  await choose(page, 'Pembayaran', `INV-1002 · Rp ${id(totals.sari)} · Sari Wulandari`);
  await drawer.getByTestId('case-account-number').fill('8001 2345 67');
  await drawer.getByTestId('case-bank').fill('BRI');
  await drawer.getByTestId('case-holder').fill('SARI WULANDARI');
  await drawer.getByRole('button', { name: 'Ajukan' }).click();
  await expect(drawer.getByText('Lampirkan foto atau screenshot bukti transfer.')).toBeVisible();

  await drawer.getByTestId('case-receipt').setInputFiles(receipt);
  await expect(drawer.getByTestId('case-receipt-name')).toHaveText('bukti-transfer-sari.png');
  await shot(page, 'payments-case-evidence', { fullPage: false });
  await drawer.getByRole('button', { name: 'Ajukan' }).click();
  await expect(drawer.getByTestId('case-status')).toHaveText('Menunggu persetujuan');
  await expect(drawer.getByTestId('case-evidence')).toContainText('800123456');
  await expect(drawer.getByTestId('case-evidence')).toContainText('bukti-transfer-sari.png');
  // Four eyes: whoever proposed does not approve.
  await expect(drawer.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  await expect(drawer.getByText('Anda yang mengajukan: petugas lain yang menyetujui atau menolak.')).toBeVisible();
  await drawerShot(page, drawer, 'payments-case-proposed');
  await drawer.locator('.el-drawer__close-btn').click();
  await expect(drawer).toBeHidden();
  await logout(page);
});

test('a Kasie approves the verification and Sari’s payment becomes paid', async ({ page }) => {
  await loginAs(page, KASIE.username, KASIE.password);
  await openPayments(page, 'Verifikasi Manual');
  // The cash deposit waits for someone to open its case; Sari's is being worked.
  await expect(page.getByTestId('verification-waiting')).toContainText('1kredit yang tidak cocok');
  const caseRow = row(page, 'Menunggu persetujuan');
  await expect(caseRow).toContainText('Rp 75.010');
  await expect(caseRow).toContainText('INV-1002');
  await expect(caseRow).toContainText(BACK_OFFICE.displayName);
  await shot(page, 'payments-verification');

  await caseRow.click();
  const drawer = page.getByRole('dialog', { name: /Verifikasi manual/ });
  await expect(drawer.getByTestId('case-evidence')).toContainText('SARI WULANDARI');
  await drawer.getByRole('button', { name: 'Setujui' }).click();
  await expect(drawer.getByTestId('case-status')).toHaveText('Disetujui');
  await expect(drawer.getByTestId('case-payment-status')).toHaveText('Lunas');
  await expect(drawer.getByTestId('case-history')).toContainText('Disetujui');
  await expect(drawer.getByTestId('case-history')).toContainText(KASIE.displayName);
  await drawerShot(page, drawer, 'payments-case-approved');
  await drawer.locator('.el-drawer__close-btn').click();

  await page.getByRole('tab', { name: 'Pembayaran', exact: true }).click();
  await expect(row(page, 'INV-1002').getByTestId('payment-status')).toHaveText('Lunas');
  await expect(row(page, 'INV-1002')).toContainText('verifikasi manual');
  await page.getByRole('tab', { name: 'Riwayat Mutasi' }).click();
  const sari = mutationRow(page, 'SARI WULANDARI');
  await expect(sari.getByTestId('mutation-status')).toHaveText('Terverifikasi');
  await expect(sari.getByTestId('mutation-reason')).toHaveText('Diverifikasi manual dan disetujui petugas kedua.');
  await expect(sari.getByTestId('mutation-payment')).toHaveText('Pembayaran INV-1002');
  await logout(page);
});

test('back office escalates the unexpected cash deposit to OP and closes it with their answer', async ({ page }) => {
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Riwayat Mutasi');
  await mutationRow(page, 'SETORAN TUNAI').getByRole('button', { name: 'Verifikasi' }).click();
  const drawer = page.getByRole('dialog', { name: /Verifikasi manual/ });
  await expect(drawer.getByTestId('case-amount')).toHaveText('Rp 1.500.000 CR');
  await drawer.getByRole('button', { name: 'Eskalasi ke OP' }).click();
  const escalate = page.getByRole('dialog', { name: 'Eskalasi ke OP' });
  await escalate.getByTestId('payment-note').fill('Setoran tunai Rp 1.500.000 dari cabang Bekasi tanpa pembayaran; mohon cek pengirimnya.');
  await escalate.getByRole('button', { name: 'Eskalasi ke OP' }).click();
  await expect(escalate).toBeHidden();
  await expect(drawer.getByTestId('case-status')).toHaveText('Dieskalasi ke OP');
  // Operations' clock, as the complaints desk shows its SLA.
  await expect(drawer.getByTestId('case-sla')).toContainText('SLA OP');
  await drawerShot(page, drawer, 'payments-case-escalated');

  await drawer.getByRole('button', { name: 'Selesai' }).click();
  const resolve = page.getByRole('dialog', { name: 'Selesaikan kasus' });
  await resolve.getByTestId('payment-note').fill('OP: setoran titipan nasabah korporat, dikembalikan lewat cabang Bekasi.');
  await resolve.getByRole('button', { name: 'Selesai' }).click();
  await expect(resolve).toBeHidden();
  await expect(drawer.getByTestId('case-status')).toHaveText('Selesai');
  await expect(drawer.getByTestId('case-history')).toContainText('OP: setoran titipan');
  await drawer.locator('.el-drawer__close-btn').click();
  await expect(drawer).toBeHidden();
  await logout(page);
});

test('a teller takes a payment and hands a customer’s “sudah bayar” over to back office', async ({ page }) => {
  await loginAs(page, TELLER.username, TELLER.password);
  await openPayments(page);
  await page.getByRole('button', { name: 'Buat Pembayaran' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buat Pembayaran' });
  const total = await createPayment(dialog, '125000', 'INV-2001', 'Dewi Anggraini');
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await expect(row(page, 'INV-2001')).toContainText(`Rp ${id(total)}`);

  await row(page, 'INV-2001').getByRole('button', { name: 'Nasabah sudah bayar' }).click();
  const claim = page.getByRole('dialog', { name: 'Nasabah sudah bayar' });
  await expect(claim).toContainText(`Rp ${id(total)}`);
  await claim.getByTestId('payment-note').fill('Nasabah transfer dari BNI pukul 10.15, bukti dikirim lewat WhatsApp');
  await claim.getByRole('button', { name: 'Buka Verifikasi' }).click();
  await expect(page.getByText('Kasus verifikasi untuk INV-2001 dibuka; back office akan memeriksanya.')).toBeVisible();
  await logout(page);

  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Verifikasi Manual');
  const caseRow = row(page, 'INV-2001');
  await expect(caseRow).toContainText('Nasabah sudah bayar');
  await expect(caseRow).toContainText('Terbuka');
  await logout(page);
});

test('back office uploads a sheet of payments: every wrong row is named, then the fixed sheet creates them all', async ({ page, world }) => {
  const wrong = await world.file('tagihan-desember.csv', 'ref,amount,payer\nINV-3001,200.000,Yanti\nINV-3002,lima ribu,Agus\nINV-3001,10000,Yanti\n');
  const fixed = await world.file('tagihan-desember-baru.csv', 'ref,amount,payer\nINV-3001,200.000,Yanti\nINV-3002,5000,Agus\n');
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page);
  await page.getByRole('button', { name: 'Unggah Massal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unggah Pembayaran Massal' });
  await dialog.getByTestId('bulk-file').setInputFiles(wrong);
  await dialog.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(dialog.getByText('2 isian salah; tidak ada pembayaran yang dibuat.')).toBeVisible();
  const errors = dialog.getByTestId('bulk-errors');
  await expect(errors.getByRole('row').filter({ hasText: 'lima ribu' })).toContainText('3');
  await expect(errors).toContainText('Jumlah "lima ribu" tidak dapat dibaca.');
  await expect(errors).toContainText('Referensi ini sudah ada di baris 2.');
  await shot(page, 'payments-bulk-errors');

  await dialog.getByTestId('bulk-file').setInputFiles(fixed);
  await dialog.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(dialog.getByText('2 pembayaran dibuat.')).toBeVisible();
  const created = dialog.getByTestId('bulk-created');
  await expect(created.getByRole('row').filter({ hasText: 'INV-3001' })).toContainText('Rp 200.0');
  await expect(created.getByRole('row').filter({ hasText: 'INV-3002' })).toContainText('Rp 5.0');
  await shot(page, 'payments-bulk-created');
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'INV-3002')).toContainText('Menunggu');
  await logout(page);
});

test('back office sets the columns of a statement layout Serambi does not know, once, and then previews it', async ({ page }) => {
  const SYARIAH = { bank: 'BSI', number: '7123456789', holder: 'PT Sinar Jaya Abadi (Syariah)' };
  const label = `${SYARIAH.bank} ${SYARIAH.number} · ${SYARIAH.holder}`;
  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Rekening');
  await page.getByTestId('account-bank').fill(SYARIAH.bank);
  await page.getByTestId('account-number').fill(SYARIAH.number);
  await page.getByTestId('account-holder').fill(SYARIAH.holder);
  await page.getByRole('button', { name: 'Tambah Rekening' }).click();
  await expect(row(page, SYARIAH.number)).toContainText(SYARIAH.holder);
  await expect(row(page, SYARIAH.number).getByTestId('account-mapping-saved')).toHaveCount(0);

  // The bank's export: a preamble, then No;Tanggal;Deskripsi;Nominal;Tipe;Saldo on row 4.
  await page.getByRole('tab', { name: 'Impor Mutasi' }).click();
  await choose(page, 'Rekening tujuan', label);
  await choose(page, 'Format', 'Pemetaan kolom rekening');
  await page.getByTestId('import-file').setInputFiles(join(ROOT, 'tests/fixtures/statements/generic-syariah.csv'));
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  const refusal = page.getByTestId('import-refusal');
  await expect(refusal).toContainText('Format ini tidak dikenali dan rekening ini belum punya pemetaan kolom.');
  await refusal.getByRole('button', { name: 'Atur Kolom' }).click();

  const dialog = page.getByRole('dialog', { name: 'Atur Kolom Mutasi' });
  await expect(dialog.getByTestId('mapping-account')).toHaveText(`Rekening ${label}`);
  // It starts from the usual export: column names on row 1, day-first dates, 50.009,00.
  await expect(dialog.getByLabel('Baris judul')).toHaveValue('1');
  await dialog.getByLabel('Baris judul').fill('4');
  await dialog.getByLabel('Kolom Tanggal').fill('2');
  await expect(dialog.getByTestId('mapping-date-letter')).toHaveText('kolom B');
  await dialog.getByLabel('Kolom Keterangan').fill('3');
  // Nothing for the amount yet: said under its field before anything is sent.
  await dialog.getByRole('button', { name: 'Simpan Kolom' }).click();
  await expect(dialog.getByText('Pilih kolom jumlah, atau kolom debit dan kredit.')).toBeVisible();
  await dialog.getByLabel('Kolom Jumlah').fill('4');
  await dialog.getByLabel('Kolom CR/DB (opsional)').fill('5');
  // A slip: the balance typed on the amount's column. The desk names the field and the column.
  await dialog.getByLabel('Kolom Saldo (opsional)').fill('4');
  await dialog.getByRole('button', { name: 'Simpan Kolom' }).click();
  await expect(dialog.getByText('Kolom D sudah dipakai untuk isian lain.')).toBeVisible();
  await dialog.getByLabel('Kolom Saldo (opsional)').fill('6');
  await expect(dialog.getByTestId('mapping-balance-letter')).toHaveText('kolom F');
  await shot(page, 'payments-mapping-dialog', { fullPage: false });
  await page.screenshot({ path: join(test.info().project.outputDir, 'mapping-dialog.png') });
  await dialog.getByRole('button', { name: 'Simpan Kolom' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-mapping-saved')).toHaveText('Kolom tersimpan. Tekan Pratinjau untuk memeriksa berkas lagi.');

  await page.getByRole('button', { name: 'Pratinjau' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-format')).toHaveText('Pemetaan kolom rekening');
  await expect(preview).toContainText(SYARIAH.number);
  await expect(preview.getByTestId('preview-rows')).toHaveText('3');
  await expect(preview.getByTestId('preview-credits')).toHaveText('2');
  const sample = preview.getByTestId('preview-sample');
  await expect(sample.getByRole('row').filter({ hasText: 'TRANSFER MASUK DARI BUDI SANTOSO' })).toContainText('Rp 50.009');
  await expect(sample.getByRole('row').filter({ hasText: 'SETORAN TUNAI CABANG JAKARTA' })).toContainText('Rp 1.000.000');
  // From now on Otomatis reads this account's files by its columns too.
  await choose(page, 'Format', 'Otomatis');
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await expect(preview.getByTestId('preview-rows')).toHaveText('3');
  await expect(page.getByTestId('import-refusal')).toHaveCount(0);
  await shot(page, 'payments-mapping-preview');

  // The account shows its columns are set, and the dialog opens on them.
  await page.getByRole('tab', { name: 'Rekening' }).click();
  const account = row(page, SYARIAH.number);
  await expect(account.getByTestId('account-mapping-saved')).toHaveText('Kolom tersimpan');
  await expect(row(page, ACCOUNT.number).getByTestId('account-mapping-saved')).toHaveCount(0);
  await account.getByRole('button', { name: 'Atur Kolom' }).click();
  await expect(dialog.getByLabel('Baris judul')).toHaveValue('4');
  await expect(dialog.getByLabel('Kolom Saldo (opsional)')).toHaveValue('6');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  await logout(page);
});

test('Riwayat Mutasi scrolls a 100,000-row statement to its last row', async ({ page, world }) => {
  test.setTimeout(240_000);
  // A second account with a month of busy traffic, imported with the CLI as a clerk would a file
  // this size (about 9 MB).
  const api = await DeskApi.login(world.desk.url, BACK_OFFICE);
  try {
    await api.call('payments.addAccount', { bank: 'BCA', number: '9876543210', holder: 'PT Sinar Jaya Abadi (Operasional)' });
  } finally {
    await api.dispose();
  }
  const ROWS = 100_000;
  const day = Number(TODAY.day);
  const rows: StatementRow[] = Array.from({ length: ROWS }, (_, i) => {
    const d = String(1 + Math.floor((i * day) / ROWS)).padStart(2, '0');
    return { date: `${d}/${TODAY.month}`, description: `TRSF E-BANKING DB ${String(i + 1).padStart(6, '0')} PEMBAYARAN SUPPLIER`, amount: `${10_000 + (i % 997) * 100}.00`, direction: 'DB', balance: '0.00' };
  });
  const file = await world.file('operasional.csv', bcaStatement('9876543210', 'PT SINAR JAYA ABADI', { from: `01/${TODAY.month}/${TODAY.year}`, to: `${DDMM}/${TODAY.year}` }, rows));
  const imported = JSON.parse((await world.cli(['statement', 'import', file, '--account', '9876543210', '--json'], BACK_OFFICE)).trim().split('\n').at(-1)!) as { imported: number };
  expect(imported.imported).toBe(ROWS);

  await loginAs(page, BACK_OFFICE.username, BACK_OFFICE.password);
  await openPayments(page, 'Riwayat Mutasi');
  await choose(page, 'Rekening tujuan', 'BCA 9876543210 · PT Sinar Jaya Abadi (Operasional)');
  await expect(page.getByTestId('mutations-count')).toHaveText('100.000 mutasi');
  // Only the rows in view are in the page, however long the history.
  expect(await page.getByTestId('mutation-table').getByRole('row').count()).toBeLessThan(60);
  const table = page.getByTestId('mutation-table');
  // A few turns of the wheel, as a person skims…
  await table.hover();
  for (let i = 0; i < 5; i += 1) await page.mouse.wheel(0, 2_000);
  await expect(mutationRow(page, 'PEMBAYARAN SUPPLIER').first()).toBeVisible();
  // …then the scrollbar's thumb dragged to the very end.
  const thumb = table.locator('.el-virtual-scrollbar .el-scrollbar__thumb:visible');
  const from = (await thumb.boundingBox())!;
  const box = (await table.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, box.y + box.height + 200, { steps: 8 });
  await page.mouse.up();
  // Newest first: the statement's first row is the history's last.
  await expect(mutationRow(page, 'TRSF E-BANKING DB 000001 PEMBAYARAN SUPPLIER')).toBeVisible();
  await shot(page, 'payments-mutations-100k', { fullPage: false });
});
