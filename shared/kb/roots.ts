// Root words the stemmer knows (the dictionary step of Nazief & Adriani's Indonesian stemmer, kept
// small). A word in this list is never stripped, which protects roots that merely look affixed
// (masalah, kendala, pesan, media, menu, sekolah); and when stripping can give several roots
// (men+anya → tanya or nanya), the one listed wins. Taken from the words of seeds 000–004 and the
// desk's daily vocabulary; words outside it are still stemmed by the rules, just without that help.

export const KNOWN_ROOTS: ReadonlySet<string> = new Set(
  `
  absen ajar aju akhir akses aktif alamat alas angsur antar approve arah atas awas
  baik bank bantu baru batal bayar beranda beri berita beritahu biaya blokir buat buka bukti bunga butuh
  cabang cair cari catat cek cetak coba
  daftar dana dapat data denda digital direksi direktur diskon draft
  edit email eskalasi evaluasi
  final ganti gagal generate guna
  hapus harap hari hitung hubung
  identifikasi imei indikasi informasi input isi
  jadi jalan jam jaring jawab jelas
  kembali kendala keluh kena kerja kirim kode konfirmasi kontrak koordinasi kuliah kunjung kurang
  laku langgan lapor layan lebih login lunas
  makan masalah media menit menu metode milik minta mudah
  nasabah nilai notifikasi
  order pakai pasti penting perlu periksa pesan pilih pinjam pindah posisi proses putus
  rekening reject report rusak
  salah sambung sandi sangkut sedang segera sekolah selesai semua sesuai setor setuju simpan sistem status submit
  tabung tagih tambah tampil tanda tangan tanggal tanggung tanya tarik tentu terang terima tindak tolak tuju tunggak tunggu tunjuk tutup
  ubah ulang unduh update upaya upload
  validasi verifikasi versi
  `
    .split(/\s+/)
    .filter((word) => word !== ''),
);
