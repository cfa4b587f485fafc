import { Initial1763700000000 } from './1763700000000-initial';
import { Sync1763900000000 } from './1763900000000-sync';
import { Otp1764000000000 } from './1764000000000-otp';
import { Complaints1764100000000 } from './1764100000000-complaints';
import { Payments1764300000000 } from './1764300000000-payments';
import { Invoices1764400000000 } from './1764400000000-invoices';
import { InvoiceNotices1764500000000 } from './1764500000000-invoice-notices';
import { PaymentReasons1764600000000 } from './1764600000000-payment-reasons';
import { PaymentsByTotal1764700000000 } from './1764700000000-payments-by-total';
import { FedTwins1764800000000 } from './1764800000000-fed-twins';
import { InvoiceDelivery1764900000000 } from './1764900000000-invoice-delivery';

// Every migration this version knows, oldest first. A ledger that has run one not listed here
// was written by a newer Serambi and is refused untouched.
export const MIGRATIONS = [Initial1763700000000, Sync1763900000000, Otp1764000000000, Complaints1764100000000, Payments1764300000000, Invoices1764400000000, InvoiceNotices1764500000000, PaymentReasons1764600000000, PaymentsByTotal1764700000000, FedTwins1764800000000, InvoiceDelivery1764900000000];
export const KNOWN_MIGRATION_NAMES = new Set(MIGRATIONS.map((m) => new m().name));
