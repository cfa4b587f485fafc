// Bench-only: imports an E-Invoice sheet of N rows into a fresh ledger in a process of its own and
// prints the process's peak resident memory, so the figure is the import's and nothing else's.
//   tsx bench/lib/invoice-import-child.ts ROWS
import { rmSync } from 'node:fs';
import { freshLedger } from './ledger';
import { invoiceSheet } from './invoice-sheet';

const rows = Number(process.argv[2] ?? 50_000);
const ledger = await freshLedger('invoices-memory');
await ledger.call('users.create', { username: 'bona', displayName: 'Bona', roles: ['back-office'], password: 'bona-sandi-123' }, ledger.token);
const token = await ledger.login('bona', 'bona-sandi-123');
const dataBase64 = invoiceSheet(rows).toString('base64');
const result = await ledger.call('invoices.import', { module: 'einvoice', fileName: 'besar.xlsx', dataBase64 }, token);
await ledger.close();
rmSync(ledger.dataDir, { recursive: true, force: true });
// maxRSS is in kilobytes
console.log(JSON.stringify({ accepted: result.accepted, rejected: result.rejected, peakMb: process.resourceUsage().maxRSS / 1024 }));
