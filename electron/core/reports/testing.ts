import { inflateSync } from 'node:zlib';

// Reading back the PDFs Serambi writes, for tests: the text of every page, line by line, and the
// document's structure. Enough for the files made by shared/pdf/pdf.ts (standard fonts, WinAnsi text
// shown with TJ/Tj), not a general PDF reader.

const WIN_ANSI_HIGH: Readonly<Record<number, string>> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }
  return out;
}

/** The content streams' bytes, inflated where they are compressed. */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const found: string[] = [];
  const pattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      found.push(inflateSync(raw).toString('latin1'));
    } catch {
      found.push(raw.toString('latin1'));
    }
    pattern.lastIndex = end + 'endstream'.length;
  }
  return found;
}

/** Every line of text shown, in drawing order (a TJ or Tj is one line as pdfkit writes them). */
export function pdfTextLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const content of streams(pdf)) {
    for (const m of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [m[2]!];
      lines.push(hexes.map(decodeHex).join(''));
    }
  }
  return lines;
}

export interface PdfStructure {
  header: string;
  pages: number;
  title: string | null;
}

export function pdfStructure(pdf: Buffer): PdfStructure {
  const text = pdf.toString('latin1');
  // the Title is a literal string, written in place or as an object of its own (`/Title 14 0 R`)
  const ref = /\/Title\s+(\d+)\s+0\s+R/.exec(text)?.[1];
  const source = ref ? (new RegExp(`\\b${ref} 0 obj\\s*([\\s\\S]*?)endobj`).exec(text)?.[1] ?? '') : (/\/Title\s*(\([\s\S]*)/.exec(text)?.[1] ?? '');
  const title = /^\s*\(((?:\\[\s\S]|[^\\)])*)\)/.exec(source)?.[1] ?? null;
  return {
    header: text.slice(0, 8),
    pages: (text.match(/\/Type\s*\/Page\b/g) ?? []).length,
    title: title === null ? null : decodePdfString(title),
  };
}

/** A literal string of the document's info: pdfkit writes it as UTF-16BE with a BOM, escaped. */
function decodePdfString(escaped: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped[i]!;
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    const next = escaped[++i]!;
    const octal = /^[0-7]{1,3}/.exec(escaped.slice(i))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le');
  return buffer.toString('latin1');
}
