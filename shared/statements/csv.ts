// CSV as bank exports write it: comma, semicolon or tab (whichever the header and the rows share),
// quoted cells with doubled quotes, CRLF or LF. Each row keeps the line it starts on.

export interface CsvRow {
  line: number;
  cells: string[];
}

export function separatorOf(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  // the count the header and the rows share, not the largest on any one line: a description with
  // a few commas must not outvote the semicolons of a file whose amounts are `50.009,00`
  const usual = (s: string) => {
    const linesWith = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(s).length - 1;
      if (n > 0) linesWith.set(n, (linesWith.get(n) ?? 0) + 1);
    }
    let best = { n: 0, lines: 0 };
    for (const [n, k] of linesWith) if (k > best.lines || (k === best.lines && n > best.n)) best = { n, lines: k };
    return best;
  };
  return [',', ';', '\t']
    .map((s) => ({ s, ...usual(s) }))
    .sort((a, b) => b.lines - a.lines || b.n - a.n)[0]!.s;
}

export function csvRows(text: string, separator = separatorOf(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  const lines = text.split(/\r?\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    // most lines of a bank export have no quotes: split them directly
    if (!line.includes('"')) {
      rows.push({ line: i + 1, cells: line.split(separator) });
      continue;
    }
    const start = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let text = line;
    for (let j = 0; ; j += 1) {
      if (j === text.length) {
        // a quoted cell running over the line end continues on the next line
        if (quoted && i + 1 < lines.length) {
          i += 1;
          cell += '\n';
          text = lines[i]!;
          j = -1;
          continue;
        }
        break;
      }
      const c = text[j]!;
      if (quoted) {
        if (c === '"' && text[j + 1] === '"') {
          cell += '"';
          j += 1;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"' && cell.trim() === '') {
        cell = '';
        quoted = true;
      } else if (c === separator) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    rows.push({ line: start + 1, cells });
  }
  return rows;
}
