// The Excel templates of the two invoice modules (seed 004: "Beberapa data yang perlu di input dalam
// excel tagihan"). Their header rows are a contract with the bank's customers, who keep filled-in
// copies for years: the header texts here are exact and never renamed.

export const INVOICE_MODULES = ['einvoice', 'pintukelas'] as const;
export type InvoiceModule = (typeof INVOICE_MODULES)[number];

/** The names customers know the modules by, for messages. */
export const INVOICE_MODULE_NAMES: Readonly<Record<InvoiceModule, string>> = { einvoice: 'E-Invoice', pintukelas: 'PintuKelas' };

/** What a column holds, whichever module's header names it. */
export type InvoiceField =
  | 'number'
  | 'customerName'
  | 'email'
  | 'phone'
  | 'amount'
  | 'dueDate'
  | 'description'
  | 'school'
  | 'className'
  | 'nis'
  | 'studentName'
  | 'guardianName'
  | 'item';

export interface TemplateColumn {
  /** the exact header text */
  header: string;
  field: InvoiceField;
  /**
   * The cell must be filled. Email and phone are not required one by one: each row needs at least
   * one of them, which the sheet reader checks as a pair.
   */
  required: boolean;
  /**
   * How the xlsx writer should format the column: 'text' keeps the leading 0 of `0812…` and of a NIS
   * that Excel would otherwise drop, 'date' makes Excel offer a date picker.
   */
  format: 'text' | 'number' | 'date';
  /** the value in the template's example row */
  example: string | number;
}

const column = (header: string, field: InvoiceField, required: boolean, format: TemplateColumn['format'], example: string | number): TemplateColumn => ({
  header,
  field,
  required,
  format,
  example,
});

// Examples use example.com (reserved, RFC 2606) so that a template uploaded unchanged can never mail
// a real address; the sheet reader refuses the example row anyway (see isExampleRow).
export const INVOICE_TEMPLATES: Readonly<Record<InvoiceModule, readonly TemplateColumn[]>> = {
  einvoice: [
    column('No Invoice', 'number', true, 'text', 'INV-CONTOH-0001'),
    column('Nama Pelanggan', 'customerName', true, 'text', 'PT Contoh Sejahtera'),
    column('Email', 'email', false, 'text', 'keuangan@example.com'),
    column('No HP', 'phone', false, 'text', '081234567890'),
    column('Jumlah', 'amount', true, 'number', 1_500_000),
    column('Jatuh Tempo', 'dueDate', true, 'date', '31/12/2026'),
    column('Keterangan', 'description', false, 'text', 'Jasa konsultasi Desember 2026'),
  ],
  pintukelas: [
    column('Sekolah', 'school', true, 'text', 'SD Contoh Harapan'),
    column('Kelas', 'className', true, 'text', '4A'),
    column('NIS', 'nis', true, 'text', 'CONTOH-0001'),
    column('Nama Siswa', 'studentName', true, 'text', 'Andi Pratama'),
    column('Nama Wali', 'guardianName', true, 'text', 'Siti Rahmawati'),
    column('No HP Wali', 'phone', false, 'text', '081234567890'),
    column('Email Wali', 'email', false, 'text', 'wali.andi@example.com'),
    column('Item Tagihan', 'item', true, 'text', 'SPP Desember 2026'),
    column('Jumlah', 'amount', true, 'number', 350_000),
    column('Jatuh Tempo', 'dueDate', true, 'date', '10/12/2026'),
  ],
};

export function templateHeaders(module: InvoiceModule): string[] {
  return INVOICE_TEMPLATES[module].map((c) => c.header);
}

/** The column of `field` in `module`, if the module has one. */
export function templateColumn(module: InvoiceModule, field: InvoiceField): TemplateColumn | undefined {
  return INVOICE_TEMPLATES[module].find((c) => c.field === field);
}

/**
 * The template as rows of cells, the header row then the example row, for the xlsx writer (which
 * applies each column's {@link TemplateColumn.format}).
 */
export function invoiceTemplateGrid(module: InvoiceModule): (string | number)[][] {
  const columns = INVOICE_TEMPLATES[module];
  return [columns.map((c) => c.header), columns.map((c) => c.example)];
}

/** The two fields that identify the example row of each module. */
const EXAMPLE_KEY_FIELDS: Readonly<Record<InvoiceModule, readonly [InvoiceField, InvoiceField]>> = {
  einvoice: ['number', 'customerName'],
  pintukelas: ['nis', 'studentName'],
};

/**
 * Whether a row is the template's example left in place, by its identifying pair (invoice number and
 * customer, or NIS and student), compared without regard to case. Such a row would bill a person who
 * does not exist, so the reader refuses it rather than counting on the user to delete it.
 */
export function isExampleRow(module: InvoiceModule, values: Partial<Record<InvoiceField, string>>): boolean {
  return EXAMPLE_KEY_FIELDS[module].every((field) => {
    const example = templateColumn(module, field)?.example;
    const value = values[field];
    return example !== undefined && value !== undefined && String(example).toLowerCase() === value.toLowerCase();
  });
}
