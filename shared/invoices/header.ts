import { cleanText, type CellValue, type Params } from './cells';
import { INVOICE_MODULES, INVOICE_MODULE_NAMES, INVOICE_TEMPLATES, type InvoiceField, type InvoiceModule } from './templates';

// The header row of an uploaded invoice sheet. Every column of the module's template must be there,
// in any order, and nothing else: an unknown column means another template or a renamed header,
// and importing around it would drop what the user typed there.

export interface HeaderProblem {
  column: string;
  key: string;
  params?: Params;
}

export type HeaderRead = { ok: true; columns: ReadonlyMap<InvoiceField, number> } | { ok: false; problems: HeaderProblem[] };

/** Headers compare without case and with runs of spaces made one: `  jatuh  TEMPO` is `Jatuh Tempo`. */
export function normalizeHeader(text: string): string {
  return cleanText(text).toLowerCase();
}

function headerText(cell: CellValue): string {
  if (cell === null || cell === undefined || cell instanceof Date || typeof cell === 'boolean') return '';
  return cleanText(String(cell));
}

function match(cells: readonly CellValue[], module: InvoiceModule) {
  const byName = new Map(INVOICE_TEMPLATES[module].map((c) => [normalizeHeader(c.header), c]));
  const columns = new Map<InvoiceField, number>();
  const problems: HeaderProblem[] = [];
  // a for loop rather than forEach: SheetJS rows are sparse arrays, and forEach skips their holes
  for (let index = 0; index < cells.length; index += 1) {
    const text = headerText(cells[index]);
    if (text === '') continue; // an empty header cell heads no column
    const column = byName.get(normalizeHeader(text));
    if (!column) problems.push({ column: text, key: 'invoices.errors.unknownColumn', params: { column: text } });
    else if (columns.has(column.field)) problems.push({ column: column.header, key: 'invoices.errors.duplicateColumn', params: { column: column.header } });
    else columns.set(column.field, index);
  }
  for (const column of INVOICE_TEMPLATES[module]) {
    if (!columns.has(column.field)) problems.push({ column: column.header, key: 'invoices.errors.missingColumn', params: { column: column.header } });
  }
  return { columns, problems };
}

/**
 * Where each field's column is, or every problem of the header at once. When the header is exactly
 * the other module's, that alone is said: the user picked the wrong module, not a wrong file.
 */
export function readHeader(cells: readonly CellValue[], module: InvoiceModule): HeaderRead {
  const own = match(cells, module);
  if (own.problems.length === 0) return { ok: true, columns: own.columns };
  const other = INVOICE_MODULES.find((m) => m !== module && match(cells, m).problems.length === 0);
  if (other) {
    const params = { module: INVOICE_MODULE_NAMES[other], expected: INVOICE_MODULE_NAMES[module] };
    return { ok: false, problems: [{ column: '', key: 'invoices.errors.wrongModule', params }] };
  }
  return { ok: false, problems: own.problems };
}
