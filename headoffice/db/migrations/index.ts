import { HeadofficeInitial1763800000000 } from './1763800000000-headoffice-initial';
import { Otp1764000000000 } from './1764000000000-otp';
import { Complaints1764200000000 } from './1764200000000-complaints';
import { Payments1764300000000 } from './1764300000000-payments';
import { Invoices1764500000000 } from './1764500000000-invoices';
import { InvoiceDelivery1764900000000 } from './1764900000000-invoice-delivery';
import { FedWaiting1765000000000 } from './1765000000000-fed-waiting';

export const HO_MIGRATIONS = [HeadofficeInitial1763800000000, Otp1764000000000, Complaints1764200000000, Payments1764300000000, Invoices1764500000000, InvoiceDelivery1764900000000, FedWaiting1765000000000];
