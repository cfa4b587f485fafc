import type { Browser, Locator, Page } from '@playwright/test';
import { choose, expect, loginAs, menu, openDesk, row, shot, test as base } from './fixtures';
import { AO, approvedApplication, CS, KACAB, KASIE, lastOtpTo, prepareOtpBranch, SARI } from './otp-world';
import { SyncWorld } from './sync-world';

// Account-opening consent by OTP (seed 000), through the branch's screens and the customer's
// page: an AO makes an application, the Kasie and the Kacab approve it, head office sends the
// code by (recorded) WhatsApp, and the customer confirms through the link, or sends the code to
// the CS, who types it in Customer Service > OTP. The world (head office, the enrolled desk, the
// staff) starts once for this file and is stopped when the worker ends.
const test = base.extend<{ world: SyncWorld }, { otpWorld: SyncWorld }>({
  otpWorld: [
    async ({}, use) => {
      const started = await SyncWorld.start();
      try {
        await prepareOtpBranch(started);
        await use(started);
      } finally {
        await started.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  world: async ({ otpWorld }, use) => {
    await use(otpWorld);
  },
  baseURL: async ({ otpWorld }, use) => {
    await use(otpWorld.deskA.url);
  },
});

test.describe.configure({ mode: 'serial' });

const RINA = { customerName: 'Rina Kartika', nik: '3174015507900001', phone1: '0812-3456-7890', e164: '+6281234567890' };
const BAMBANG = { customerName: 'Bambang Sutrisno', nik: '3273011203850002', phone1: '081311112222', e164: '+6281311112222' };
const CITRA = { customerName: 'Citra Lestari', nik: '3273014102950003', phone1: '0813-5555-6666' };
const DEWI = { customerName: 'Dewi Anggraini', nik: '3174016509880004', phone1: '0857-1234-5678', e164: '+6285712345678' };
const WIB_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB/;

/** Sinkronkan Sekarang, from the top bar's panel; waits for its answer (done, or a problem). */
async function syncNow(page: Page, answer: RegExp = /^Sinkronisasi selesai/): Promise<void> {
  const indicator = page.getByTestId('sync-indicator');
  await indicator.click();
  const panel = page.getByTestId('sync-panel');
  await panel.getByRole('button', { name: 'Sinkronkan Sekarang' }).click();
  await expect(page.getByRole('alert').filter({ hasText: answer }).first()).toBeVisible();
  await indicator.click();
  await expect(panel).toBeHidden();
}

async function openApplications(page: Page): Promise<void> {
  await openDesk(page, 'Pengajuan Rekening');
  await expect(page.getByRole('heading', { name: 'Pengajuan Pembukaan Rekening' })).toBeVisible();
}

/** Opens an application's drawer from the list. */
async function openApplication(page: Page, name: string): Promise<Locator> {
  await row(page, name).click();
  const drawer = page.getByRole('dialog', { name: `Pengajuan ${name}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

async function approve(page: Page, drawer: Locator): Promise<void> {
  await drawer.getByRole('button', { name: 'Setujui' }).click();
  await page.getByRole('dialog', { name: 'Setujui Pengajuan' }).getByRole('button', { name: 'Setujui' }).click();
}

/** The customer's own phone: a mobile-sized page of head office's self-service link. */
async function customerPage(browser: Browser, link: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`customer page error: ${error.message}`));
  await page.goto(link);
  return page;
}

const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

test('the AO makes an application: each wrong field says why, then Ajukan sends it to the Kasie', async ({ page }) => {
  await loginAs(page, AO.username, AO.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Pengajuan Rekening', 'Basis Pengetahuan', 'Pengaturan']);
  await openApplications(page);
  await expect(page.getByText('Tidak ada pengajuan yang cocok dengan filter.')).toBeVisible();

  await page.getByRole('button', { name: 'Buat Pengajuan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pengajuan Baru' });
  await dialog.getByLabel('NIK', { exact: true }).fill('31740155079');
  await dialog.getByLabel('Nomor Handphone 1').fill('021-5550123');
  await dialog.getByLabel('Alamat').fill('Jl. Sudirman No. 10, Jakarta Pusat');
  await dialog.getByRole('button', { name: 'Ajukan' }).click();
  // Every wrong field at once, not one round each.
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible();
  await expect(dialog.getByText('NIK tidak valid: 16 digit sesuai KTP. NIK harus 16 digit.')).toBeVisible();
  await expect(dialog.getByText(/^Nomor Handphone 1 harus nomor seluler Indonesia .* Ini nomor telepon rumah atau kantor, bukan nomor seluler\.$/)).toBeVisible();
  await shot(page, 'otp-create-errors');

  await dialog.getByLabel('Nama nasabah').fill(RINA.customerName);
  await dialog.getByLabel('NIK', { exact: true }).fill(RINA.nik);
  await dialog.getByLabel('Nomor Handphone 1').fill(RINA.phone1);
  await dialog.getByLabel('Email (boleh dikosongkan)').fill('rina.kartika@contoh.co.id');
  await dialog.getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByText(`Pengajuan ${RINA.customerName} diajukan ke Kasie.`)).toBeVisible();
  const drawer = page.getByRole('dialog', { name: `Pengajuan ${RINA.customerName}` });
  await expect(drawer.getByTestId('otp-facts')).toContainText('Menunggu Kasie (Waiting Kasie)');
  await expect(drawer.getByTestId('otp-facts')).toContainText('0812-3456-7890');
  // Not the AO's turn: only cancelling is offered.
  await expect(drawer.getByRole('button', { name: 'Batalkan Pengajuan' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: /^(Setujui|Tolak|Ajukan|Kirim Ulang OTP)$/ })).toHaveCount(0);
});

test('the Kasie and then the Kacab approve; head office sends the code and the desk shows when', async ({ page, world }) => {
  await loginAs(page, KASIE.username, KASIE.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Pengajuan Rekening', 'Pengaduan', 'Evaluasi Mingguan', 'Basis Pengetahuan', 'Mutasi & Pembayaran', 'Tagihan', 'Jejak Audit', 'Konflik Sinkronisasi', 'Pengaturan']);
  await openApplications(page);
  await choose(page, 'Status', 'Menunggu Kasie (Waiting Kasie)');
  await expect(row(page, RINA.customerName)).toContainText('Menunggu Kasie (Waiting Kasie)');
  let drawer = await openApplication(page, RINA.customerName);
  await approve(page, drawer);
  await expect(drawer.getByTestId('otp-facts')).toContainText('Menunggu Kacab (Waiting Kacab)');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keluar' }).click();

  await loginAs(page, KACAB.username, KACAB.password);
  await openApplications(page);
  drawer = await openApplication(page, RINA.customerName);
  await drawer.getByRole('button', { name: 'Setujui' }).click();
  const confirm = page.getByRole('dialog', { name: 'Setujui Pengajuan' });
  await expect(confirm).toContainText('kode OTP langsung dikirim ke Nomor Handphone 1 nasabah melalui WhatsApp');
  await confirm.getByRole('button', { name: 'Setujui' }).click();
  await expect(drawer.getByTestId('otp-facts')).toContainText('Menunggu Konfirmasi (Waiting Confirmation)');

  // Head office sends on the approval it receives; the desk learns of the send at its next round.
  await lastOtpTo(world, RINA.e164);
  await page.keyboard.press('Escape');
  await syncNow(page);
  drawer = await openApplication(page, RINA.customerName);
  await expect(drawer.getByTestId('otp-sent-at')).toHaveText(WIB_TIME);
  await expect(drawer.getByTestId('otp-sending')).toContainText('1 kali');
  await expect(drawer.getByTestId('otp-delivery')).toHaveText('Dikirim');
  await expect(drawer).toContainText('Menunggu nasabah memasukkan kode OTP');
  await shot(page, 'otp-detail-sent');
});

test('the customer types the code on the page of the WhatsApp link; after sync the desk shows In Progress', async ({ page, world, browser, problems }) => {
  const sent = await lastOtpTo(world, RINA.e164);
  expect(sent.code).toMatch(/^\d{6}$/);
  expect(new URL(sent.link).pathname).toBe('/customer');

  const phone = await customerPage(browser, sent.link, problems);
  await expect(phone.locator('#phone')).toHaveText('+62 812-****-7890');
  await expect(phone.locator('#name')).toHaveText(RINA.customerName);
  await phone.getByLabel('Kode OTP').fill(sent.code);
  await phone.getByRole('button', { name: 'Kirim' }).click();
  await expect(phone.locator('#answer-title')).toHaveText('Persetujuan Anda telah tercatat');
  await shot(phone, 'otp-customer-confirmed');
  await phone.context().close();

  await loginAs(page, AO.username, AO.password);
  await openApplications(page);
  await syncNow(page);
  await expect(row(page, RINA.customerName)).toContainText('Dalam Proses (In Progress)');
  const drawer = await openApplication(page, RINA.customerName);
  await expect(drawer.getByTestId('otp-confirmed-at')).toHaveText(WIB_TIME);
  await expect(drawer.getByTestId('otp-sending')).toContainText('Nasabah sendiri, melalui tautan');
  // Nothing is left to do on it.
  await expect(drawer.getByRole('button', { name: /^(Kirim Ulang OTP|Batalkan Pengajuan|Setujui|Tolak)$/ })).toHaveCount(0);
});

let bambang: { id: string; code: string } | null = null;

test('Kirim Ulang OTP within five minutes of the last send is refused with the time to wait', async ({ page, world }) => {
  const sent = await approvedApplication(world, { customerName: BAMBANG.customerName, nik: BAMBANG.nik, phone1: BAMBANG.phone1, address: 'Jl. Dago No. 5, Bandung' }, BAMBANG.e164);
  bambang = { id: sent.id, code: sent.code };

  await loginAs(page, AO.username, AO.password);
  await openApplications(page);
  const drawer = await openApplication(page, BAMBANG.customerName);
  await expect(drawer).toContainText('Kirim ulang paling cepat 5 menit setelah pengiriman terakhir, paling banyak 5 OTP di hari yang sama.');
  await drawer.getByRole('button', { name: 'Kirim Ulang OTP' }).click();
  await expect(drawer.getByTestId('otp-refusal')).toContainText(/OTP baru saja dikirim\. Kirim ulang dapat dilakukan lagi dalam [0-4] menit \d{1,2} detik\./);
  await shot(page, 'otp-resend-too-soon');
  // Nothing was sent: still the first code.
  await expect(drawer.getByTestId('otp-sending')).toContainText('1 kali');
});

test('the CS finds the application by phone in another form, a wrong code says the tries left, the right one confirms', async ({ page }) => {
  expect(bambang).not.toBeNull();
  const { code } = bambang!;
  await loginAs(page, CS.username, CS.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Pengajuan Rekening', 'OTP', 'Pengaduan', 'Basis Pengetahuan', 'Mutasi & Pembayaran', 'Pengaturan']);
  await expect(page.getByRole('navigation')).toContainText('Customer Service');
  await openDesk(page, 'OTP');
  await expect(page.getByRole('heading', { name: 'OTP', exact: true })).toBeVisible();

  // Typed as the customer wrote it in the message; the application has it as 081311112222.
  await page.getByLabel('Nomor handphone nasabah').fill('+62 813-1111-2222');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByTestId('otp-validate-found')).toHaveText('1 pengajuan ditemukan untuk nomor +62 813-1111-2222');
  const card = page.getByTestId(`otp-validate-${bambang!.id}`);
  await expect(card).toContainText(BAMBANG.customerName);
  await expect(card).toContainText('Menunggu Konfirmasi (Waiting Confirmation)');

  await card.getByLabel('Kode OTP').fill('12345');
  await card.getByRole('button', { name: 'Validasi' }).click();
  await expect(card.getByText('Kode OTP 6 angka.')).toBeVisible();

  await card.getByLabel('Kode OTP').fill(wrongFor(code));
  await card.getByRole('button', { name: 'Validasi' }).click();
  await expect(card.getByTestId('otp-validate-result')).toContainText('Kode OTP salah');
  await expect(card.getByTestId('otp-validate-result')).toContainText('Kode OTP salah. Sisa 4 kali percobaan.');
  await shot(page, 'otp-validate-wrong');

  await card.getByLabel('Kode OTP').fill(code);
  await card.getByRole('button', { name: 'Validasi' }).click();
  await expect(card.getByTestId('otp-validate-result')).toContainText('OTP valid');
  await expect(card.getByTestId('otp-validate-result')).toContainText('Status pengajuan berubah dari Waiting Confirmation menjadi In Progress.');
  await shot(page, 'otp-validate-confirmed');

  // The customer also sent it by SMS, and the CS types it again: harmless, and said so.
  await card.getByLabel('Kode OTP').fill(code);
  await card.getByRole('button', { name: 'Validasi' }).click();
  await expect(card.getByTestId('otp-validate-result')).toContainText('Sudah dikonfirmasi');
  await expect(card.getByTestId('otp-validate-result')).toContainText('Tidak ada yang berubah');

  await syncNow(page);
  await expect(card).toContainText('Dalam Proses (In Progress)');
  await openApplications(page);
  await choose(page, 'Status', 'Dalam Proses (In Progress)');
  await expect(row(page, BAMBANG.customerName)).toContainText('Dalam Proses (In Progress)');
  await expect(row(page, RINA.customerName)).toBeVisible();
  const drawer = await openApplication(page, BAMBANG.customerName);
  await expect(drawer.getByTestId('otp-sending')).toContainText('CS (Customer Service > OTP)');
});

test('nobody approves their own application; the Kasie rejects with a reason, shown on the application', async ({ page }) => {
  await loginAs(page, SARI.username, SARI.password);
  await openApplications(page);
  await page.getByRole('button', { name: 'Buat Pengajuan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pengajuan Baru' });
  await dialog.getByLabel('Nama nasabah').fill(CITRA.customerName);
  await dialog.getByLabel('NIK', { exact: true }).fill(CITRA.nik);
  await dialog.getByLabel('Nomor Handphone 1').fill(CITRA.phone1);
  await dialog.getByLabel('Alamat').fill('Jl. Asia Afrika No. 8, Bandung');
  await dialog.getByText('Deposito').click();
  await dialog.getByRole('button', { name: 'Simpan sebagai Draft' }).click();
  await expect(page.getByText(`Pengajuan ${CITRA.customerName} disimpan sebagai Draft.`)).toBeVisible();
  const own = page.getByRole('dialog', { name: `Pengajuan ${CITRA.customerName}` });
  await expect(own.getByTestId('otp-facts')).toContainText('Draft');
  await expect(own.getByTestId('otp-facts')).toContainText('Deposito');
  // The drawer re-renders once the saved Draft is read back: a click in that instant is lost, so
  // it is tried again until the status moves (a second click finds no Ajukan once it has).
  await expect(async () => {
    const submit = own.getByRole('button', { name: 'Ajukan' });
    if (await submit.count()) await submit.click({ timeout: 2_000 });
    await expect(own.getByTestId('otp-facts')).toContainText('Menunggu Kasie (Waiting Kasie)', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  // Sari is a Kasie too, so she is offered Setujui; the core refuses her own application.
  await approve(page, own);
  await expect(own.getByTestId('otp-refusal')).toContainText('Anda tidak dapat menyetujui pengajuan yang Anda buat sendiri.');
  await expect(own.getByTestId('otp-facts')).toContainText('Menunggu Kasie (Waiting Kasie)');
  await shot(page, 'otp-own-approval');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keluar' }).click();

  await loginAs(page, KASIE.username, KASIE.password);
  await openApplications(page);
  const drawer = await openApplication(page, CITRA.customerName);
  await drawer.getByRole('button', { name: 'Tolak' }).click();
  const reason = page.getByRole('dialog', { name: 'Tolak Pengajuan' });
  await reason.getByRole('button', { name: 'Tolak' }).click();
  await expect(reason.getByText('Tuliskan alasannya (paling sedikit 3 karakter).')).toBeVisible();
  await reason.getByLabel('Alasan').fill('Data KTP tidak sesuai dengan nasabah');
  await reason.getByRole('button', { name: 'Tolak' }).click();
  await expect(page.getByText(`Pengajuan ${CITRA.customerName} ditolak.`)).toBeVisible();
  await expect(drawer.getByTestId('otp-facts')).toContainText('Ditolak (Rejected)');
  await expect(drawer.getByTestId('otp-reason')).toHaveText('Data KTP tidak sesuai dengan nasabah');
  await expect(drawer.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await choose(page, 'Status', 'Ditolak (Rejected)');
  await expect(row(page, CITRA.customerName)).toContainText('Ditolak (Rejected)');
  await expect(page.getByRole('row')).toHaveCount(2); // the header and Citra
  await choose(page, 'Status', 'Semua status');
  await page.getByLabel('Teks').fill('0813-1111-2222');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(row(page, BAMBANG.customerName)).toBeVisible();
  await expect(page.getByText('1 pengajuan ditampilkan')).toBeVisible();
  await page.getByLabel('Teks').fill('');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('3 pengajuan ditampilkan')).toBeVisible();
  await shot(page, 'otp-list');
});

test('with head office down, Customer Service > OTP says validation needs head office and points the customer to the WhatsApp link', async ({ page, world }) => {
  await approvedApplication(world, { customerName: DEWI.customerName, nik: DEWI.nik, phone1: DEWI.phone1, address: 'Jl. Thamrin No. 1, Jakarta' }, DEWI.e164);
  await world.stopHeadoffice();

  await loginAs(page, CS.username, CS.password);
  await openDesk(page, 'OTP');
  await page.getByLabel('Nomor handphone nasabah').fill('6285712345678');
  await page.getByRole('button', { name: 'Cari' }).click();
  const card = page.getByTestId('otp-validate-found');
  await expect(card).toHaveText('1 pengajuan ditemukan untuk nomor 6285712345678');
  await page.getByLabel('Kode OTP').fill('123456');
  await page.getByRole('button', { name: 'Validasi' }).click();
  await expect(page.getByTestId('otp-validate-result')).toContainText('Validasi memerlukan kantor pusat');
  const banner = page.getByTestId('otp-validate-offline');
  await expect(banner).toContainText('Validasi OTP memerlukan sambungan ke kantor pusat');
  await expect(banner).toContainText('tautan yang dikirim lewat WhatsApp');

  // Once the desk itself knows the line is down, the screen says so before anyone tries.
  await syncNow(page, /^Kantor pusat tidak dapat dihubungi\./);
  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toContainText('Terputus');
  await expect(page.getByTestId('otp-validate-offline')).toContainText('Validasi OTP memerlukan sambungan ke kantor pusat');
  await shot(page, 'otp-validate-offline');
});
