import type { Locator, Page } from '@playwright/test';
import { expect, loginAs, logout, openDesk, row, shot, test as base } from './fixtures';
import { ComplaintsWorld, CS, MANAGER } from './complaints-world';

// Complaints desk (seed 001), through the branch's screens: the CS logs a loan-disbursement
// complaint verified by NIK, sees its SOP steps, the 2-hour advice and the article the knowledge
// base suggests, escalates to the CS manager; the manager brings in Finance, records its answer and
// resolves it with the report. The world (one branch desk and its staff) starts once for this file.
const test = base.extend<{ world: ComplaintsWorld }, { complaintsWorld: ComplaintsWorld }>({
  complaintsWorld: [
    async ({}, use) => {
      const started = await ComplaintsWorld.start();
      try {
        await use(started);
      } finally {
        await started.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  world: async ({ complaintsWorld }, use) => {
    await use(complaintsWorld);
  },
  baseURL: async ({ complaintsWorld }, use) => {
    await use(complaintsWorld.desk.url);
  },
});

test.describe.configure({ mode: 'serial' });

const BUDI = { name: 'Budi Santoso', nik: '3201011205900001', phone: '0812-3456-7890' };

/** An hour ago on the branch's wall clock (Jakarta), as the date picker reads it: DD-MM-YYYY HH:mm. */
function anHourAgo(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(new Date(Date.now() - 3_600_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

async function openComplaints(page: Page): Promise<void> {
  await openDesk(page, 'Pengaduan');
  await expect(page.getByRole('heading', { name: 'Pengaduan', exact: true })).toBeVisible();
}

async function openComplaint(page: Page, name: string): Promise<Locator> {
  await row(page, name).first().click();
  const drawer = page.getByRole('dialog', { name: new RegExp(name) });
  await expect(drawer).toBeVisible();
  return drawer;
}

/** One of the drawer's actions that asks for a note (and, to a department, which one). */
async function act(page: Page, drawer: Locator, action: string, note: string, department?: string): Promise<void> {
  await drawer.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await expect(dialog).toBeVisible();
  if (department) await dialog.getByTestId('complaint-department').fill(department);
  await dialog.getByTestId('complaint-note').fill(note);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
}

test('the CS logs a disbursement complaint verified by NIK and sees its playbook and the suggested article', async ({ page }) => {
  await loginAs(page, CS.username, CS.password);
  await openComplaints(page);
  await page.getByRole('button', { name: 'Catat Keluhan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Catat Keluhan' });
  await expect(dialog).toBeVisible();

  // Not known to the branch yet: the NIK typed in the search goes into its field, and is the verifier.
  await dialog.getByTestId('complaint-find').fill(BUDI.nik);
  await dialog.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(dialog.getByText('Tidak ditemukan; isi data nasabah di bawah.')).toBeVisible();
  await expect(dialog.getByTestId('complaint-nik')).toHaveValue(BUDI.nik);
  await expect(dialog.getByRole('radio', { name: 'Nomor KTP (NIK)' })).toBeChecked();
  await dialog.getByTestId('complaint-name').fill(BUDI.name);
  await dialog.getByTestId('complaint-phone').fill(BUDI.phone);

  // Pencairan Pinjaman is the default category; its required fact is when the disbursement started.
  const when = dialog.locator('.el-date-editor input');
  await when.fill(anHourAgo());
  await when.press('Enter');
  await dialog.getByTestId('complaint-description').fill('Pencairan pinjaman belum masuk ke rekening, notifikasi paid tidak update');
  const suggestions = dialog.getByTestId('complaint-suggestions');
  await expect(suggestions.getByRole('button', { name: 'Pakai' }).first()).toBeVisible();
  const article = (await suggestions.locator('.hit-question').first().innerText()).trim();
  await suggestions.getByRole('button', { name: 'Pakai' }).first().click();
  await expect(suggestions.getByRole('button', { name: 'Dipakai' })).toBeVisible();
  await shot(page, 'complaints-intake');

  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const drawer = page.getByRole('dialog', { name: new RegExp(BUDI.name) });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('complaint-verified')).toHaveText('Nomor KTP (NIK)');
  await expect(drawer.getByTestId('complaint-playbook')).toContainText('Customer service mengecek status pencairan pinjaman di system');
  await expect(drawer.getByTestId('complaint-advice')).toContainText('Belum 2 jam');
  await expect(drawer.getByTestId('complaint-articles')).toContainText(article);

  // A step ticked stays ticked.
  await drawer.locator('[data-step="verifikasi"]').click();
  await expect(drawer.locator('[data-step="verifikasi"] input')).toBeChecked();
  await shot(page, 'complaints-detail');

  await act(page, drawer, 'Eskalasi ke CS Manager', 'Mohon cek status pencairan di sistem');
  await expect(drawer.getByTestId('complaint-status')).toHaveText('Dieskalasi ke CS Manager');
  await drawer.locator('.el-drawer__close-btn').click();
  await expect(drawer).toBeHidden();
  await expect(row(page, BUDI.name)).toContainText('Dieskalasi ke CS Manager');
  await shot(page, 'complaints-list');
  await logout(page);
});

test('the CS manager escalates to Finance, records its answer and resolves with the report', async ({ page }) => {
  await loginAs(page, MANAGER.username, MANAGER.password);
  await openComplaints(page);
  const drawer = await openComplaint(page, BUDI.name);
  await act(page, drawer, 'Eskalasi ke Departemen', 'Cek transfer pencairan ke rekening nasabah', 'Finance');
  await expect(drawer.getByTestId('complaint-status')).toHaveText('Dieskalasi ke departemen');
  await act(page, drawer, 'Tanggapan Departemen', 'Transfer tertunda di bank tujuan, sudah dikirim ulang');
  await expect(drawer.getByTestId('complaint-timeline')).toContainText('Finance');

  await drawer.getByRole('button', { name: 'Selesaikan', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Laporan penyelesaian' });
  await expect(report).toBeVisible();
  await report.getByTestId('resolve-cause').fill('Transfer tertunda di bank tujuan');
  await report.getByTestId('resolve-actions').fill('Eskalasi ke Finance\nPencairan dikirim ulang');
  await report.getByRole('radio', { name: 'Berhasil' }).check({ force: true });
  // Without telling the customer, nothing is saved.
  await report.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(report).toBeVisible();
  await report.getByTestId('resolve-informed').click();
  await report.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(report).toBeHidden();
  await expect(drawer.getByTestId('complaint-status')).toHaveText('Selesai');
  await expect(drawer.getByTestId('complaint-report')).toContainText('Transfer tertunda di bank tujuan');
  await expect(drawer.getByRole('button', { name: 'Buka Kembali' })).toBeVisible();
  await shot(page, 'complaints-resolved');
  await drawer.locator('.el-drawer__close-btn').click();

  // The week's evaluation counts it, with Finance's escalation and the article used.
  await openDesk(page, 'Evaluasi Mingguan');
  await expect(page.getByRole('heading', { name: 'Evaluasi Mingguan' })).toBeVisible();
  const figures = page.getByTestId('weekly-figures');
  await expect(figures).toContainText('1keluhan minggu ini');
  await expect(figures).toContainText('keluhan dieskalasi (2 eskalasi)');
  await expect(page.getByTestId('weekly-articles')).toContainText('(1)');
  await expect(page.getByRole('img', { name: 'Menurut kategori' })).toBeVisible();
  await shot(page, 'complaints-weekly');
});

test('the CS searches the knowledge base', async ({ page }) => {
  await loginAs(page, CS.username, CS.password);
  await openDesk(page, 'Basis Pengetahuan');
  await expect(page.getByRole('heading', { name: 'Basis Pengetahuan' })).toBeVisible();
  await page.getByTestId('kb-search').fill('notifikasi paid');
  await page.getByRole('button', { name: 'Cari' }).click();
  const first = page.getByTestId('kb-hits').locator('.hit').first();
  await expect(first).toContainText('Notifikasi paid tidak update');
  await first.click();
  await expect(page.getByTestId('kb-article')).toContainText('Pastikan nomor kontrak');
  await shot(page, 'complaints-kb');
});
