import type { z } from 'zod';
import { foundationEvents } from './foundation';
import { syncEvents } from './sync';
import { otpEvents } from './otp';
import { complaintEvents } from './complaints';
import { paymentEvents } from './payments';
import { invoiceEvents } from './invoices';

export const eventSchemas = {
  ...foundationEvents,
  ...syncEvents,
  ...otpEvents,
  ...complaintEvents,
  ...paymentEvents,
  ...invoiceEvents,
};

export type EventType = keyof typeof eventSchemas;
export type EventPayload<T extends EventType> = z.output<(typeof eventSchemas)[T]>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventSchemas, type);
}

/** Payload fields never shown in the audit trail. */
export const SECRET_PAYLOAD_FIELDS = new Set(['passwordHash']);
