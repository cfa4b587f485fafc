import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import seed from '../../resources/kb/002-faq-seed.txt?raw';
import { parseFaqSeed } from './faq';
import { ftsDocument, normalizeText, stemWord, suggestQuery, tokenize } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['Gagal LOGIN, Imei tidak Cocok!', 'gagal login imei tidak cocok'],
    ['bit.ly/StatusDataSetting', 'bit ly statusdatasetting'],
    ['pukul 08.30 WIB, Rp 50.009,00', 'pukul 0830 wib rp 5000900'],
    ["Isra Mi'raj — Jum’at", 'isra miraj jumat'],
    ['Café  déjà-vu\t(H+1)', 'cafe deja vu h 1'],
    ['"" ** () ::', ''],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('stemWord', () => {
  // real words of seeds 001 and 002, grouped by the root staff mean
  it.each([
    ['bayar', ['pembayaran', 'bayar', 'membayar', 'dibayarkan']],
    ['cair', ['mencairkan', 'pencairan', 'dicairkan', 'cair']],
    ['tangan', ['penanganan', 'ditangani', 'menangani']],
    ['tanya', ['menanyakan', 'pertanyaan', 'tanya']],
    ['cek', ['pengecekan', 'mengecek', 'dicek', 'cek']],
    ['lapor', ['pelaporan', 'melaporkan', 'melapor', 'laporan']],
    ['daftar', ['didaftarkan', 'pendaftaran', 'mendaftar']],
    ['ubah', ['perubahan', 'berubah', 'mengubah']],
    ['kirim', ['mengirimkan', 'dikirim', 'pengiriman']],
    ['aju', ['mengajukan', 'pengajuan', 'diajukan']],
    ['setuju', ['persetujuan', 'menyetujui', 'disetujui']],
    ['pasti', ['memastikan', 'pastikan']],
    ['guna', ['menggunakan', 'digunakan']],
    ['hubung', ['menghubungi', 'dihubungi']],
    ['selesai', ['menyelesaikan', 'selesai']],
    ['terima', ['diterima', 'penerimaan', 'menerima']],
    ['layan', ['pelayanan', 'melayani', 'layanan']],
    ['tagih', ['penagihan', 'tagihan']],
    ['masalah', ['permasalahan', 'bermasalah', 'masalah']],
    ['kendala', ['terkendala', 'kendala']],
    ['baik', ['terbaiknya', 'perbaikan']],
    ['koordinasi', ['berkoordinasi', 'koordinasi']],
    ['input', ['inputan', 'input']],
    ['kirim', ['kirimkanlah']],
  ])('%s ← %j', (root, words) => {
    for (const word of words) expect(stemWord(word), word).toBe(root);
  });

  it.each([
    // roots that only look affixed
    'pesan', 'masalah', 'kendala', 'menu', 'media', 'metode', 'sekolah', 'terima', 'kembali', 'selesai', 'sesuai',
    // too short to strip safely
    'bulan', 'jalan', 'makan', 'bukan', 'hanya', 'tanya', 'beri', 'data', 'akan', 'isi',
    // loanwords in -si are not -i words
    'aplikasi', 'konfirmasi', 'notifikasi', 'transaksi', 'verifikasi',
    // not Indonesian, or not a word
    'login', 'password', 'mas', 'bca', 'h1', '0830',
  ])('leaves %s alone', (word) => {
    expect(stemWord(word)).toBe(word);
  });

  it('keeps enough of an unknown word: rules alone never leave fewer than 4 letters', () => {
    expect(stemWord('menyunting')).toBe('sunting');
    expect(stemWord('dikesampingkan')).toBe('samping'); // di-ke-samping-kan
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{5,14}$/), (word) => {
        expect(stemWord(word).length).toBeGreaterThanOrEqual(Math.min(3, word.length));
      }),
    );
  });
});

describe('ftsDocument', () => {
  it('holds each word as typed and its stem, once', () => {
    expect(ftsDocument('Pencairan pinjaman, pencairan dana')).toBe('pencairan cair pinjaman pinjam dana');
    expect(tokenize('Dicairkan!')).toEqual([{ surface: 'dicairkan', stem: 'cair' }]);
  });
});

describe('suggestQuery', () => {
  it.each([
    ['gagal login', '"gagal" OR "login" OR "login"*'],
    ['gagal login ', '"gagal" OR "login"'],
    ['gagal login di', '"gagal" OR "login"'], // a trailing stop word is not searched, not even as a prefix
    ['pencai', '"pencai" OR "pencai"*'],
    ['Bagaimana cara pembayaran?', '"cara" OR "bayar"'],
    ['tidak dapat', '"dapat" OR "dapat"*'],
    ['yang', '"yang" OR "yang"*'],
    ['a', '"a"'],
    ['', ''],
    ['   ?!', ''],
  ])('%j → %j', (text, query) => {
    expect(suggestQuery(text)).toBe(query);
  });

  it.each([
    ['quotes', 'login" OR "x'],
    ['NEAR', 'NEAR(login gagal, 2)'],
    ['star', '*'],
    ['column filter', 'question: login'],
    ['operators', 'AND OR NOT login -gagal +x ^y'],
    ['parentheses', '((login)'],
  ])('turns hostile input (%s) into quoted [a-z0-9] terms only', (_name, text) => {
    expect(suggestQuery(text)).toMatch(/^("[a-z0-9]+"\*?( OR "[a-z0-9]+"\*?)*)?$/);
  });

  it('caps the number of terms', () => {
    const words = Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' ');
    expect(suggestQuery(words).split(' OR ').length).toBeLessThanOrEqual(13);
  });
});

// The expressions go to SQLite: check them against a real FTS5 table of the seed's articles, laid
// out as the core will (one column per field, default unicode61 tokenizer), a match in the question
// weighing more than one in the steps: "Login CMS" is a step of half the articles.
describe('suggestQuery against SQLite FTS5', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  db.exec('CREATE VIRTUAL TABLE kb USING fts5(id UNINDEXED, question, steps)');
  const insert = db.prepare('INSERT INTO kb (id, question, steps) VALUES (?, ?, ?)');
  for (const a of parseFaqSeed(seed).articles) insert.run(a.id, ftsDocument(a.question), ftsDocument(a.steps.join(' ')));
  const search = (text: string): string[] => {
    const query = suggestQuery(text);
    if (query === '') return [];
    return (db.prepare('SELECT id FROM kb WHERE kb MATCH ? ORDER BY bm25(kb, 0, 5, 1)').all(query) as Array<{ id: string }>).map((r) => r.id);
  };

  it('finds "gagal login" by "login"', () => {
    expect(search('login')[0]).toBe('user-tidak-dapat-login-aplikasi-mas');
  });

  it('finds by another form of the word: "perubahan alamat" by "ubah alamat", "bayar" finds "pembayaran"', () => {
    expect(search('ubah alamat').slice(0, 2)).toContain('cara-input-perubahan-alamat-di-mas');
    expect(search('konsumen sudah bayar VA')).toContain('notifikasi-paid-tidak-update-sedangkan-konsumen');
  });

  it('finds while the word is half typed', () => {
    expect(search('absen')).toContain('cara-cek-report-absensi');
    expect(search('kunju')).toContain('cara-melakukan-input-kunjungan-di-mas');
  });

  it('never gives SQLite a syntax error, whatever is typed', () => {
    const hostile = ['"', '""', 'NEAR(', 'login NEAR/2 gagal', '*', 'question:login', '(', ')', 'AND', 'OR OR', 'NOT', '-', '^login', '{question steps}: x', "'; DROP TABLE kb; --"];
    for (const text of hostile) expect(() => search(text), text).not.toThrow();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(() => search(text)).not.toThrow();
      }),
    );
  });
});
