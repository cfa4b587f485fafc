// Messages for the contract's error and validation keys, in Bahasa Indonesia (the source locale).
// Shared by the desk (merged into vue-i18n) and the CLI; plain data, `{name}` marks a parameter.
// Keys stay sorted; messages.en.ts has exactly the same keys.
export const messagesId = {
  errors: {
    accountLocked: 'Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit atau minta Admin mengatur ulang kata sandi.',
    alreadyInitialized: 'Cabang ini sudah disiapkan.',
    badInput: 'Periksa kembali isian yang ditandai.',
    cannotDisableSelf: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    conflict: 'Data telah diubah oleh orang lain. Muat ulang lalu coba lagi.',
    crossOrigin: 'Permintaan ditolak karena tidak berasal dari halaman Serambi ini.',
    forbidden: 'Anda tidak berwenang melakukan ini.',
    internal: 'Terjadi kesalahan pada sistem. Coba lagi; bila berulang, hubungi Admin.',
    invalidCredentials: 'Nama pengguna atau kata sandi salah.',
    lastAdmin: 'Harus tetap ada setidaknya satu Admin yang aktif.',
    ledgerCorrupt: 'Berkas buku besar {file} rusak atau tidak dapat dibaca. Hubungi dukungan TI dan jangan hapus berkas itu.',
    ledgerForeign: 'Berkas {file} bukan buku besar Serambi.',
    ledgerTooNew: 'Buku besar {file} dibuat oleh versi Serambi yang lebih baru ({migration}). Perbarui aplikasi ini.',
    notFound: 'Data tidak ditemukan.',
    notInitialized: 'Cabang ini belum disiapkan.',
    sessionLocked: 'Layar terkunci. Masukkan kata sandi untuk melanjutkan.',
    unauthenticated: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    unavailable: 'Layanan tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
    unknownMethod: 'Perintah tidak dikenal oleh versi Serambi ini.',
    userDisabled: 'Akun ini dinonaktifkan. Hubungi Admin cabang.',
    userExists: 'Nama pengguna sudah dipakai.',
    userNotFound: 'Pengguna {username} tidak ditemukan.',
    wrongPassword: 'Kata sandi salah. Sisa {remaining} kali percobaan sebelum akun dikunci.',
  },
  validation: {
    branchCode: 'Kode cabang 2–10 huruf besar atau angka.',
    idleLock: 'Isi antara 1 dan 240 menit.',
    invalid: 'Isian tidak valid.',
    locale: 'Pilih bahasa yang tersedia.',
    oneOf: 'Pilih salah satu: {values}.',
    passwordLength: 'Kata sandi 8–128 karakter.',
    required: 'Wajib diisi.',
    role: 'Peran tidak dikenal.',
    rolesRequired: 'Pilih setidaknya satu peran.',
    timeZone: 'Pilih WIB, WITA, atau WIT.',
    tooBig: 'Paling banyak {max}.',
    tooLong: 'Terlalu panjang.',
    tooSmall: 'Paling sedikit {min}.',
    unknownField: 'Isian tidak dikenal.',
    username: 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.',
  },
};

export type Messages = typeof messagesId;
