import PDFDocument from 'pdfkit';

// What every Serambi PDF shares: A4, the PDF standard fonts (nothing to embed, nothing read from
// disk), headings, key/value blocks, tables that continue on the next page, horizontal bar charts
// and "Halaman i dari n" footers. The standard fonts speak WinAnsi only, so text is mapped to it
// first: a character outside it would print as garbage.

export type Doc = PDFKit.PDFDocument;

const MARGIN = 48;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';
const BAR = '#2f6fb0';

// WinAnsi beyond Latin-1: the code points the standard fonts can print in 0x80–0x9F.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Readonly<Record<string, string>> = { '\r': '', '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '×': 'x', '\u00a0': ' ', '\t': ' ' };

/** `text` with what WinAnsi cannot print replaced (a few by look-alikes, the rest by `?`). */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

export interface PdfInfo {
  title: string;
  /** the creation date written in the file; given, so the same input makes the same bytes */
  createdAt: number;
  /** "Halaman" / "Page" */
  pageWord: string;
  ofWord: string;
}

/** Runs `draw` on a new A4 document and returns the file's bytes. */
export async function renderPdf(info: PdfInfo, draw: (doc: Doc) => void): Promise<Buffer> {
  const created = new Date(info.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: pdfSafe(info.title), Author: 'Serambi', Creator: 'Serambi', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(10).fillColor(INK);
  draw(doc);
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // below the bottom margin: lower it for the footer, or pdfkit starts a new page
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(pdfSafe(`${info.title} · ${info.pageWord} ${i + 1} ${info.ofWord} ${count}`), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return ended;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when fewer than `needed` points are left on this one. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function title(doc: Doc, text: string, subtitle?: string): void {
  doc.font(BOLD).fontSize(16).fillColor(INK).text(pdfSafe(text), doc.page.margins.left, doc.y);
  if (subtitle) doc.font(FONT).fontSize(10).fillColor(MUTED).text(pdfSafe(subtitle));
  doc.moveDown(0.6).fillColor(INK);
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).font(BOLD).fontSize(12).fillColor(INK).text(pdfSafe(text), doc.page.margins.left);
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.moveDown(0.4).font(FONT).fontSize(10);
}

/** Label and value pairs, one per line, labels in a column of their own. */
export function keyValues(doc: Doc, pairs: ReadonlyArray<readonly [string, string]>, labelWidth = 150): void {
  const left = doc.page.margins.left;
  for (const [key, value] of pairs) {
    const text = pdfSafe(value === '' ? '–' : value);
    doc.font(FONT).fontSize(10);
    // a long label wraps too: the row is as tall as the taller of the two
    const height = Math.max(doc.heightOfString(text, { width: contentWidth(doc) - labelWidth }), doc.heightOfString(pdfSafe(key), { width: labelWidth - 8 }), 12);
    ensureSpace(doc, height + 2);
    const y = doc.y;
    doc.font(FONT).fillColor(MUTED).text(pdfSafe(key), left, y, { width: labelWidth - 8 });
    doc.font(FONT).fillColor(INK).text(text, left + labelWidth, y, { width: contentWidth(doc) - labelWidth });
    doc.y = Math.max(doc.y, y + height) + 2;
  }
  doc.x = left;
}

export function paragraph(doc: Doc, text: string): void {
  ensureSpace(doc, 24);
  doc.font(FONT).fontSize(10).fillColor(INK).text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
}

export interface Column {
  header: string;
  /** a share of the content width; the shares need not add up to 1 */
  width: number;
  align?: 'left' | 'right';
}

/** A table with a header row, repeated on every page it runs onto. */
export function table(doc: Doc, columns: readonly Column[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): void {
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const pad = 4;
  const drawRow = (cells: ReadonlyArray<string>, bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(9);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => pdfSafe(c.header)), true);
      doc.font(bold ? BOLD : FONT).fontSize(9);
    }
    const y = doc.y;
    if (bold) doc.rect(left, y, contentWidth(doc), height).fillColor('#eef2f6').fill();
    let x = left;
    cells.forEach((text, i) => {
      doc.fillColor(INK).text(text, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(left, y + height).lineTo(left + contentWidth(doc), y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + height;
  };
  ensureSpace(doc, 40);
  drawRow(columns.map((c) => pdfSafe(c.header)), true);
  for (const row of rows) drawRow(row.map((cell) => pdfSafe(cell === null ? '–' : String(cell))), false);
  doc.x = left;
  doc.moveDown(0.5);
}

/** Horizontal bars, one per label, scaled to the largest value, each with its number. */
export function barChart(doc: Doc, bars: ReadonlyArray<{ label: string; value: number }>): void {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const numberWidth = 40;
  const barRoom = contentWidth(doc) - labelWidth - numberWidth;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 16;
  ensureSpace(doc, rowHeight * bars.length + 8);
  for (const bar of bars) {
    const y = doc.y;
    doc.font(FONT).fontSize(9).fillColor(INK).text(pdfSafe(bar.label), left, y + 3, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const length = (bar.value / max) * barRoom;
    if (length > 0) doc.rect(left + labelWidth, y + 2, length, rowHeight - 5).fillColor(BAR).fill();
    doc.fillColor(INK).text(String(bar.value), left + labelWidth + length + 4, y + 3, { width: numberWidth, lineBreak: false });
    doc.y = y + rowHeight;
  }
  doc.x = left;
  doc.moveDown(0.5);
}
