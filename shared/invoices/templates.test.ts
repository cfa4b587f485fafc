import { describe, expect, it } from 'vitest';
import { INVOICE_MODULES, INVOICE_TEMPLATES, invoiceTemplateGrid, isExampleRow, templateColumn, templateHeaders } from './templates';

describe('invoice templates', () => {
  it('keeps the E-Invoice header row of the contract, exactly', () => {
    expect(templateHeaders('einvoice')).toEqual(['No Invoice', 'Nama Pelanggan', 'Email', 'No HP', 'Jumlah', 'Jatuh Tempo', 'Keterangan']);
  });

  it('keeps the PintuKelas header row of the contract, exactly', () => {
    expect(templateHeaders('pintukelas')).toEqual([
      'Sekolah',
      'Kelas',
      'NIS',
      'Nama Siswa',
      'Nama Wali',
      'No HP Wali',
      'Email Wali',
      'Item Tagihan',
      'Jumlah',
      'Jatuh Tempo',
    ]);
  });

  it.each(INVOICE_MODULES)('%s: amount and due date are required; email and phone are not, one by one', (module) => {
    expect(templateColumn(module, 'amount')?.required).toBe(true);
    expect(templateColumn(module, 'dueDate')?.required).toBe(true);
    expect(templateColumn(module, 'email')?.required).toBe(false);
    expect(templateColumn(module, 'phone')?.required).toBe(false);
  });

  it('leaves only the description optional besides the contact pair', () => {
    const optional = (module: 'einvoice' | 'pintukelas') => INVOICE_TEMPLATES[module].filter((c) => !c.required).map((c) => c.header);
    expect(optional('einvoice')).toEqual(['Email', 'No HP', 'Keterangan']);
    expect(optional('pintukelas')).toEqual(['No HP Wali', 'Email Wali']);
  });

  it.each(INVOICE_MODULES)('%s: the grid is the header row then one example row of the same width', (module) => {
    const grid = invoiceTemplateGrid(module);
    expect(grid).toHaveLength(2);
    expect(grid[0]).toEqual(templateHeaders(module));
    expect(grid[1]).toHaveLength(grid[0]!.length);
    expect(grid[1]!.every((cell) => cell !== '')).toBe(true);
  });

  it('formats phone and NIS columns as text so Excel keeps their leading zeros', () => {
    expect(templateColumn('einvoice', 'phone')?.format).toBe('text');
    expect(templateColumn('pintukelas', 'nis')?.format).toBe('text');
    expect(templateColumn('pintukelas', 'dueDate')?.format).toBe('date');
  });

  it('recognises the example row left in place, and only it', () => {
    expect(isExampleRow('einvoice', { number: 'inv-contoh-0001', customerName: 'PT CONTOH SEJAHTERA' })).toBe(true);
    expect(isExampleRow('einvoice', { number: 'INV-CONTOH-0001', customerName: 'PT Maju' })).toBe(false);
    expect(isExampleRow('pintukelas', { nis: 'CONTOH-0001', studentName: 'Andi Pratama' })).toBe(true);
    expect(isExampleRow('pintukelas', { nis: '20260001', studentName: 'Andi Pratama' })).toBe(false);
    expect(isExampleRow('einvoice', {})).toBe(false);
  });
});
