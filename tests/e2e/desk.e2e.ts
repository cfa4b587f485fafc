import type { Page } from '@playwright/test';
import { ADMIN, BRANCH, choose, expect, login, loginAs, logout, menu, openDesk, row, shot, test } from './fixtures';

// One branch, from its first run to a day's work, as its people would go through it.
test.describe.configure({ mode: 'serial' });

/** A calendar day in WIB as the date picker shows it, `days` from today. */
function wibDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
}

async function pickDates(page: Page, from: string, to: string): Promise<void> {
  await page.getByPlaceholder('Dari tanggal').fill(from);
  await page.getByPlaceholder('Sampai tanggal').fill(to);
  await page.getByPlaceholder('Sampai tanggal').press('Enter');
}

const SITI = { username: 'siti', displayName: 'Siti Rahmawati', roles: ['CS'], password: 'siti-cs-2026' };
const BUDI = { username: 'budi', displayName: 'Budi Santoso', roles: ['Kasie'], password: 'budi-kasie-2026' };
const DEWI = { username: 'dewi', displayName: 'Dewi Lestari', roles: ['Teller'], password: 'dewi-teller-2026' };
const EKO = { username: 'eko', displayName: 'Eko Prasetyo', roles: ['CS', 'AO'], password: 'eko-ao-2026' };

test('first run: the branch and its first admin are set up, then the login screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Penyiapan Cabang' })).toBeVisible();
  await shot(page, 'setup');

  // Nothing filled in: the core says what is wrong, under each field.
  await page.getByRole('button', { name: 'Siapkan Cabang' }).click();
  await expect(page.getByText('Kode cabang 2–10 huruf besar atau angka.')).toBeVisible();
  await expect(page.getByText(/^Nama pengguna 3–32 karakter/)).toBeVisible();
  await expect(page.getByText('Kata sandi 8–128 karakter.')).toBeVisible();
  await shot(page, 'setup-errors');

  await page.getByLabel('Kode cabang').fill(BRANCH.code);
  await page.getByLabel('Nama cabang').fill(BRANCH.name);
  await page.getByText('WIB (Waktu Indonesia Barat)').click();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Nama lengkap').fill(ADMIN.displayName);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill('something else');
  await page.getByRole('button', { name: 'Siapkan Cabang' }).click();
  await expect(page.getByText('Kata sandi tidak sama.')).toBeVisible();

  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Siapkan Cabang' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByText(`Cabang ${BRANCH.name} (${BRANCH.code})`)).toBeVisible();
  await shot(page, 'login');

  // Setup happens once: the setup screen is no longer reachable.
  await page.goto('/#/setup');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
});

test('the admin logs in and adds the branch staff with their roles', async ({ page }) => {
  await loginAs(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('topbar-branch')).toContainText(BRANCH.name);
  await expect(page.getByTestId('topbar-branch')).toContainText(BRANCH.code);
  await expect(page.getByTestId('topbar-user')).toContainText(ADMIN.displayName);
  await expect(menu(page)).toHaveText(['Beranda', 'Jejak Audit', 'Konflik Sinkronisasi', 'Pengguna', 'Pengaturan']);
  await expect(page.getByRole('heading', { name: 'Admin', exact: true })).toBeVisible();
  await shot(page, 'home-admin');

  await openDesk(page, 'Pengguna');
  await expect(page.getByRole('heading', { name: 'Pengguna', exact: true })).toBeVisible();
  for (const person of [SITI, BUDI, DEWI, EKO]) {
    await page.getByRole('button', { name: 'Tambah Pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah Pengguna' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Nama pengguna').fill(person.username);
    await dialog.getByLabel('Nama lengkap').fill(person.displayName);
    for (const role of person.roles) await dialog.getByText(role, { exact: true }).click();
    await dialog.getByLabel('Kata sandi awal').fill(person.password);
    await dialog.getByLabel('Ulangi kata sandi').fill(person.password);
    if (person === EKO) await shot(page, 'users-create');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Pengguna ${person.username} dibuat.`)).toBeVisible();
    await expect(row(page, person.displayName)).toContainText(person.roles.join(''));
  }

  // Eko also takes the teller's work, and his name gets its full form.
  await row(page, EKO.displayName).getByRole('button', { name: 'Ubah' }).click();
  const edit = page.getByRole('dialog', { name: `Ubah Pengguna ${EKO.username}` });
  await edit.getByLabel('Nama lengkap').fill(`${EKO.displayName} Utomo`);
  await edit.getByText('Teller', { exact: true }).click();
  await shot(page, 'users-edit');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Perubahan ${EKO.username} disimpan.`)).toBeVisible();
  await expect(row(page, `${EKO.displayName} Utomo`)).toContainText('CSTellerAO');

  // A user name that is taken is refused under its field, and nothing is created.
  await page.getByRole('button', { name: 'Tambah Pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah Pengguna' });
  await dialog.getByLabel('Nama pengguna').fill('siti');
  await dialog.getByLabel('Nama lengkap').fill('Siti Kedua');
  await dialog.getByText('Teller', { exact: true }).click();
  await dialog.getByLabel('Kata sandi awal').fill('another-password');
  await dialog.getByLabel('Ulangi kata sandi').fill('another-password');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Nama pengguna sudah dipakai.')).toBeVisible();
  await shot(page, 'users-create-taken');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(row(page, 'Siti Kedua')).toHaveCount(0);

  await expect(row(page, 'Eko Prasetyo')).toContainText('Aktif');
  await shot(page, 'users');
});

test('a CS sees only what a CS may open', async ({ page }) => {
  await loginAs(page, SITI.username, SITI.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Pengajuan Rekening', 'OTP', 'Pengaduan', 'Basis Pengetahuan', 'Mutasi & Pembayaran', 'Pengaturan']);
  await expect(page.getByRole('heading', { name: 'Customer Service (CS)' })).toBeVisible();
  await shot(page, 'home-cs');

  // Typing the address does not get around the menu.
  await page.goto('/#/users');
  await expect(page.getByRole('heading', { name: /^Selamat datang/ })).toBeVisible();
  await page.goto('/#/audit');
  await expect(page.getByRole('heading', { name: /^Selamat datang/ })).toBeVisible();

  await openDesk(page, 'Pengaturan');
  await expect(page.getByText('Hanya Admin yang dapat mengubah pengaturan cabang.')).toBeVisible();
  await shot(page, 'settings-cs');
});

test('a Kasie sees the audit trail and the sync conflicts but not the users', async ({ page }) => {
  await loginAs(page, BUDI.username, BUDI.password);
  await expect(menu(page)).toHaveText(['Beranda', 'Pengajuan Rekening', 'Pengaduan', 'Evaluasi Mingguan', 'Basis Pengetahuan', 'Mutasi & Pembayaran', 'Tagihan', 'Jejak Audit', 'Konflik Sinkronisasi', 'Pengaturan']);
  await expect(page.getByRole('heading', { name: 'Kepala Seksi (Kasie)' })).toBeVisible();
  await shot(page, 'home-kasie');
  await openDesk(page, 'Jejak Audit');
  await expect(page.getByRole('heading', { name: 'Jejak Audit' })).toBeVisible();
});

test('five wrong passwords lock the account; the admin resets it', async ({ page }) => {
  await login(page, EKO.username, 'not-the-password');
  await expect(page.getByTestId('login-error')).toHaveText('Kata sandi salah. Sisa 4 kali percobaan sebelum akun dikunci.');
  await shot(page, 'login-wrong-password');
  for (let attempt = 2; attempt <= 4; attempt += 1) {
    await page.getByLabel('Kata sandi', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByTestId('login-error')).toContainText(`Sisa ${5 - attempt} kali`);
  }
  await page.getByLabel('Kata sandi', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/^Akun terkunci karena terlalu banyak percobaan gagal\. Coba lagi dalam 15 menit/);
  await shot(page, 'login-locked');

  // Even the right password waits out the lock.
  await page.getByLabel('Kata sandi', { exact: true }).fill(EKO.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('login-error')).toContainText('Akun terkunci');

  await loginAs(page, ADMIN.username, ADMIN.password);
  await openDesk(page, 'Pengguna');
  await expect(row(page, EKO.displayName)).toContainText('Terkunci');
  await shot(page, 'users-locked');
  await row(page, EKO.displayName).getByRole('button', { name: 'Atur Ulang Kata Sandi' }).click();
  const dialog = page.getByRole('dialog', { name: `Atur Ulang Kata Sandi ${EKO.username}` });
  await dialog.getByLabel('Kata sandi baru').fill('eko-baru-2026');
  await dialog.getByLabel('Ulangi kata sandi').fill('eko-baru-2026');
  await shot(page, 'users-reset');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Kata sandi ${EKO.username} telah diatur ulang.`)).toBeVisible();
  await expect(row(page, EKO.displayName)).toContainText('Aktif');
  await logout(page);

  await loginAs(page, EKO.username, 'eko-baru-2026');
});

test('a disabled user cannot log in', async ({ page }) => {
  await loginAs(page, ADMIN.username, ADMIN.password);
  await openDesk(page, 'Pengguna');
  await row(page, DEWI.displayName).getByRole('button', { name: 'Nonaktifkan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nonaktifkan Pengguna' });
  await expect(confirm).toContainText(`Nonaktifkan ${DEWI.displayName}?`);
  await shot(page, 'users-disable-confirm');
  await confirm.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(row(page, DEWI.displayName)).toContainText('Nonaktif');
  await expect(row(page, DEWI.displayName).getByRole('button', { name: 'Aktifkan' })).toBeVisible();

  // The admin cannot lock themselves out.
  await row(page, ADMIN.displayName).getByRole('button', { name: 'Nonaktifkan' }).click();
  await page.getByRole('dialog', { name: 'Nonaktifkan Pengguna' }).getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(page.getByText('Anda tidak dapat menonaktifkan akun Anda sendiri.')).toBeVisible();
  await logout(page);

  await login(page, DEWI.username, DEWI.password);
  await expect(page.getByTestId('login-error')).toHaveText('Akun ini dinonaktifkan. Hubungi Admin cabang.');
  await shot(page, 'login-disabled');
});

test('the audit trail lists those changes, pages, filters and verifies the chain', async ({ page }) => {
  await loginAs(page, ADMIN.username, ADMIN.password);
  // A long day at the branch: enough events for more than one page.
  for (let i = 0; i < 40; i += 1) {
    const response = await page.request.post('/api/auth.setLocale', { data: { locale: 'id' } });
    expect(response.ok()).toBe(true);
  }
  await logout(page);

  await loginAs(page, BUDI.username, BUDI.password);
  await openDesk(page, 'Jejak Audit');
  await expect(page.getByText('50 peristiwa ditampilkan')).toBeVisible();
  await expect(row(page, 'Bahasa pengguna diubah').first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB/);
  await page.getByRole('button', { name: 'Muat lagi' }).click();
  await expect(page.getByText(/^(5[1-9]|[6-9]\d) peristiwa ditampilkan$/)).toBeVisible();
  for (const label of ['Pengguna dibuat', 'Pengguna dinonaktifkan', 'Gagal masuk', 'Kata sandi diatur ulang Admin', 'Cabang disiapkan']) {
    await expect(row(page, label).first()).toBeVisible();
  }
  await expect(row(page, 'Pengguna dinonaktifkan')).toContainText('admin');
  await expect(row(page, 'Pengguna dinonaktifkan')).toContainText(`Pengguna: ${DEWI.username}`);
  await expect(row(page, 'Gagal masuk').first()).toContainText('Lewat: layar masuk');
  await shot(page, 'audit');

  // By text: only the event that carries the name.
  await page.getByLabel('Teks').fill(DEWI.displayName);
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('1 peristiwa ditampilkan')).toBeVisible();
  await expect(row(page, 'Pengguna dibuat')).toContainText(DEWI.username);

  // By type and user: the five failed logins are recorded under the account they were for.
  await page.getByRole('button', { name: 'Hapus Filter' }).click();
  await page.getByLabel('Pengguna', { exact: true }).fill(EKO.username);
  await choose(page, 'Jenis peristiwa', 'Gagal masuk');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('5 peristiwa ditampilkan')).toBeVisible();
  await expect(row(page, 'Gagal masuk')).toHaveCount(5);
  await expect(row(page, 'Gagal masuk').first()).toContainText(EKO.username);

  // By who acted and the type: the admin disabled one user (disabling themselves was refused).
  await page.getByLabel('Pengguna', { exact: true }).fill(ADMIN.username);
  await choose(page, 'Jenis peristiwa', 'Status pengguna diubah');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('1 peristiwa ditampilkan')).toBeVisible();
  await expect(row(page, 'Pengguna dinonaktifkan')).toContainText(`Pengguna: ${DEWI.username}`);
  await shot(page, 'audit-filtered');

  // By date, in the branch's calendar: a day long gone has nothing; yesterday to today has all.
  await page.getByRole('button', { name: 'Hapus Filter' }).click();
  await pickDates(page, '01/01/2020', '02/01/2020');
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('Tidak ada peristiwa yang cocok dengan filter.')).toBeVisible();
  await pickDates(page, wibDate(-1), wibDate(0));
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page.getByText('50 peristiwa ditampilkan')).toBeVisible();

  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByTestId('audit-verify-result')).toHaveText(/^Rantai jurnal utuh: \d+ peristiwa diperiksa$/);
  await shot(page, 'audit-verified');
});

test('the language switches to English, before and after login', async ({ page }) => {
  await page.goto('/#/login');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Log In' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log In' })).toBeVisible();
  await shot(page, 'login-en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log In' })).toBeVisible();
  await page.getByText('Bahasa Indonesia', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();

  await loginAs(page, ADMIN.username, ADMIN.password);
  await openDesk(page, 'Pengaturan');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(menu(page)).toHaveText(['Home', 'Audit Trail', 'Sync Conflicts', 'Users', 'Settings']);
  await expect(page.getByRole('button', { name: 'Log Out' })).toBeVisible();
  await shot(page, 'settings-en');
  await openDesk(page, 'Users');
  await expect(row(page, BUDI.displayName)).toContainText('Section Head');
  await expect(row(page, DEWI.displayName)).toContainText('Disabled');
  await shot(page, 'users-en');
  await openDesk(page, 'Audit Trail');
  await expect(row(page, 'User language changed').first()).toBeVisible();
  await shot(page, 'audit-en');

  // The choice belongs to the user: it comes back at the next login.
  await page.getByRole('button', { name: 'Log Out' }).click();
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
  await openDesk(page, 'Settings');
  await page.getByText('Bahasa Indonesia', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();
});

test('an idle desk locks itself and opens again with the password', async ({ page }) => {
  await page.clock.install();
  await loginAs(page, ADMIN.username, ADMIN.password);
  await openDesk(page, 'Pengaturan');
  await page.getByLabel('Kunci layar setelah').fill('1');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan cabang disimpan.')).toBeVisible();
  await shot(page, 'settings-admin');

  await page.clock.fastForward('01:05');
  const lock = page.getByRole('dialog', { name: 'Layar Terkunci' });
  await expect(lock).toBeVisible();
  await expect(lock.getByTestId('lock-user')).toContainText(ADMIN.displayName);
  await shot(page, 'lock', { fullPage: false });

  await lock.getByLabel('Kata sandi').fill('wrong-password');
  await lock.getByRole('button', { name: 'Buka Kunci' }).click();
  await expect(lock).toContainText('Kata sandi salah. Sisa 4 kali percobaan');
  await shot(page, 'lock-wrong-password', { fullPage: false });

  await lock.getByLabel('Kata sandi').fill(ADMIN.password);
  await lock.getByRole('button', { name: 'Buka Kunci' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();

  // Locked again, the other way out is to log out.
  await page.clock.fastForward('01:05');
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
});
