import { describe, expect, it } from 'vitest';
import seed from '../../resources/kb/002-faq-seed.txt?raw';
import { answerHtmlToStepGroups, decodeHtmlEntities, faqArticleSchema, formatFaqJson, parseFaqSeed, slugify } from './faq';

describe('the seed 002 FAQ table', () => {
  const { articles, problems } = parseFaqSeed(seed);

  it('reads every question of both sections, with no problem', () => {
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(18);
    expect(articles.filter((a) => a.section === 'PROSEDUR PENAGANAN KONSUMEN MENUNGGAK DI APLIKASI MAS').map((a) => a.sourceNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(articles.filter((a) => a.section === 'MONITORING HASIL PENANGANAN KONSUMEN MENGGUNAKAN APLIKASI MAS').map((a) => a.sourceNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps the categories: 6 KENDALA, 12 CARA KERJA', () => {
    expect(articles.filter((a) => a.category === 'KENDALA')).toHaveLength(6);
    expect(articles.filter((a) => a.category === 'CARA KERJA')).toHaveLength(12);
  });

  it('gives unique slugs and passes the article schema', () => {
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const article of articles) expect(faqArticleSchema.safeParse(article).success, article.id).toBe(true);
  });

  it('leaves no tag, no inline number and no trailing comma in the text', () => {
    for (const article of articles) {
      expect(article.question).not.toMatch(/[<>]|,$/);
      for (const step of article.steps) {
        expect(step).not.toMatch(/<\/?[a-z]/i);
        expect(step).not.toMatch(/(^|\s)\d{1,2}\.\s/);
        expect(step).toBe(step.trim());
      }
    }
  });

  it('reads the login article as its six steps', () => {
    const login = articles[0]!;
    expect(login.id).toBe('user-tidak-dapat-login-aplikasi-mas');
    expect(login.question.endsWith('Tidak ada jaringan')).toBe(true);
    expect(login.steps).toEqual([
      'Pastikan ada koneksi internet',
      'Pastikan aplikasi MAS yang digunakan versi terupdate (cek version update)',
      'Pastikan User & Password yang di input benar',
      'Pastikan User & Password tidak dalam keadaan exp / lock',
      'Pastikan user telah didaftarkan phone id oleh PIC ASR',
      'Jika masih terkendala tidak dapat login, konfirmasi ke SPV / atasan terkait',
    ]);
  });

  it('keeps a time such as 08.30 WIB inside its step', () => {
    expect(articles[1]!.steps[2]).toBe('Jika data order sebelum pukul 08.30 WIB pada seluruh user "0" terdapat indikasi error sistem');
  });

  it('survives the source numbering 1, 2, 2, 4', () => {
    expect(articles[3]!.steps).toHaveLength(4);
    expect(articles[3]!.steps[2]).toBe('Pastikan data penanganan di draft "0" sebelum melakukan closebatch di akhir hari');
  });

  it('groups the MAS and CMS lists under their headings', () => {
    const phone = articles.find((a) => a.id === 'cara-monitoring-pengajuan-perubahan-nomor-telepon')!;
    expect(phone.stepGroups.map((g) => [g.heading, g.steps.length])).toEqual([
      ['MAS', 6],
      ['CMS', 6],
    ]);
    expect(phone.steps[0]).toBe('MAS: Login MAS');
    expect(phone.steps[6]).toBe('CMS: Login CMS');
  });

  it('is what resources/kb/faq-002.json holds (regenerate with `npx vitest run shared/kb -u`)', async () => {
    await expect(formatFaqJson(articles)).toMatchFileSnapshot('../../resources/kb/faq-002.json');
  });
});

describe('answer HTML', () => {
  it('reads proper <li> lists, decodes entities after removing tags, and keeps headless paragraphs as steps', () => {
    const html = '<p>Hubungi IT&nbsp;cabang</p><ul><li>Cek &lt;b&gt; &amp; ulangi</li><li> Tutup <br>aplikasi </li></ul>';
    expect(answerHtmlToStepGroups(html)).toEqual([
      { heading: null, steps: ['Hubungi IT cabang'] },
      { heading: null, steps: ['Cek <b> & ulangi', 'Tutup aplikasi'] },
    ]);
  });

  it('keeps text before the first number as a step', () => {
    expect(answerHtmlToStepGroups('<ol>Perhatikan: 1. Satu 2. Dua</ol>')).toEqual([{ heading: null, steps: ['Perhatikan:', 'Satu', 'Dua'] }]);
  });

  it('decodes numeric and named entities, and leaves unknown ones', () => {
    expect(decodeHtmlEntities('A&#38;B &#x2013; &QUOT;x&quot; &foo; &#0;')).toBe('A&B – "x" &foo; &#0;');
  });

  it('slugs the first words in ASCII', () => {
    expect(slugify('Data order kosong "0"')).toBe('data-order-kosong-0');
    expect(slugify('Cara cek Report Rencana Kunjungan Harian (RKH)')).toBe('cara-cek-report-rencana-kunjungan-harian');
    expect(slugify('Pembayaran ditolak — café')).toBe('pembayaran-ditolak-cafe');
    expect(slugify('???')).toBe('artikel');
  });
});

describe('problems in an edited table', () => {
  it('reports lines it cannot read, by line number, and keeps the rest', () => {
    const text = [
      '1\tSebelum header\t<ol> 1. x</ol>\tKENDALA',
      'BAGIAN',
      'NO\tPERTANYAAN\tJAWABAN\tKATEGORI',
      '1\tPertanyaan baik\t<ol> 1. Langkah</ol>\tCARA KERJA',
      '2\tKategori salah\t<ol> 1. Langkah</ol>\tLAINNYA',
      '3\tTanpa jawaban\t\tKENDALA',
      'x\tTanpa nomor\t<ol> 1. y</ol>\tKENDALA',
      '4\tPertanyaan baik\t<ol> 1. Lagi</ol>\tkendala',
    ].join('\n');
    const { articles, problems } = parseFaqSeed(text);
    expect(problems.map((p) => p.line)).toEqual([1, 5, 6, 7]);
    expect(articles.map((a) => [a.id, a.category])).toEqual([
      ['pertanyaan-baik', 'CARA KERJA'],
      ['pertanyaan-baik-2', 'KENDALA'],
    ]);
  });
});
