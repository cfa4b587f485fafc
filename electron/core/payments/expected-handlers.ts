import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/index';
import type { BankAccountView } from '../../../shared/api/methods/payments';
import { ALL_BLOCKS, allocateCode } from '../../../shared/payments/unique-code';
import { readBulkPayments } from '../../../shared/payments/bulk';
import type { HandlerMap, Tx } from '../dispatch/types';
import type { Db } from '../ledger/sql';
import { getSyncState } from '../sync/state';
import { accountView, findAccount, findPayment, leasedBlocks, listAccounts, listPayments, openTotalTaken, paymentView, type AccountRow } from './queries';
import { decodeFile, gridOf } from './statement-file';

// Company accounts and expected payments. A unique code comes from the blocks of total residues
// this desk holds for the account: every block when the desk stands alone, the blocks head office
// leased to it once enrolled. Two desks never hold the same block, so their totals never meet.

const HOUR = 3_600_000;
export const DEFAULT_EXPIRY_HOURS = 24;

function codesOf(db: Db, account: AccountRow, deviceId: string, now: number): { blocks: number[]; state: BankAccountView['codes']; expiresAt: number | null } {
  if (!getSyncState(db)) return { blocks: [...ALL_BLOCKS], state: 'standalone', expiresAt: null };
  const lease = leasedBlocks(db, account.number, deviceId, now);
  return { blocks: lease.blocks, state: lease.blocks.length ? 'leased' : 'none', expiresAt: lease.expiresAt };
}

function viewOf(tx: Pick<Tx, 'db' | 'now' | 'core'>, account: AccountRow): BankAccountView {
  return accountView(account, codesOf(tx.db, account, tx.core.deviceId, tx.now));
}

export function existingAccount(db: Db, id: string): AccountRow {
  const account = findAccount(db, id);
  if (!account) throw new ApiError('not_found', 'payments.errors.unknownAccount');
  return account;
}

/** Gives the payment its code and records it, or says why no code is free. */
function expect(tx: Tx, account: AccountRow, row: { base: number; reference: string; payerName: string | null; expiresInHours: number }) {
  const codes = codesOf(tx.db, account, tx.core.deviceId, tx.now);
  if (codes.blocks.length === 0) throw new ApiError('conflict', 'payments.errors.noCodes', { account: account.number });
  const code = allocateCode({ base: row.base, blocks: codes.blocks, isTaken: (total) => openTotalTaken(tx.db, account.id, total, tx.now) });
  if (!code) throw new ApiError('conflict', 'payments.errors.codesExhausted', { amount: row.base });
  const id = randomUUID();
  tx.emit('payments.expected', {
    id,
    accountId: account.id,
    accountNumber: account.number,
    base: row.base,
    code: code.code,
    total: code.total,
    reference: row.reference,
    payerName: row.payerName,
    expiresAt: tx.now + row.expiresInHours * HOUR,
  });
  return paymentView(findPayment(tx.db, id)!, tx.now);
}

type Method = 'payments.accounts' | 'payments.addAccount' | 'payments.saveMapping' | 'payments.expect' | 'payments.expectBulk' | 'payments.list' | 'payments.cancel';

export const expectedPaymentHandlers: HandlerMap<Extract<MethodName, Method>> = {
  'payments.accounts': { run: (tx) => ({ accounts: listAccounts(tx.db).map((a) => viewOf(tx, a)) }) },
  'payments.addAccount': {
    run: (tx, input) => {
      const number = input.number.replace(/\D/g, '');
      if (number.length < 5 || number.length > 20) throw ApiError.badInput([{ path: 'number', key: 'payments.errors.accountNumber' }]);
      const clash = listAccounts(tx.db).find((a) => a.number === number);
      if (clash) throw ApiError.badInput([{ path: 'number', key: 'payments.errors.accountExists', params: { bank: clash.bank } }]);
      const id = randomUUID();
      tx.emit('payments.accountAdded', { id, bank: input.bank, number, holder: input.holder });
      return viewOf(tx, findAccount(tx.db, id)!);
    },
  },
  'payments.saveMapping': {
    // the contract has read the mapping with columnMappingSchema: a bad one never gets here
    run: (tx, input) => {
      existingAccount(tx.db, input.accountId);
      tx.emit('payments.mappingSaved', { accountId: input.accountId, mapping: input.mapping });
      return viewOf(tx, findAccount(tx.db, input.accountId)!);
    },
  },
  'payments.expect': {
    run: (tx, input) =>
      expect(tx, existingAccount(tx.db, input.accountId), {
        base: input.amount,
        reference: input.reference,
        payerName: input.payerName || null,
        expiresInHours: input.expiresInHours ?? DEFAULT_EXPIRY_HOURS,
      }),
  },
  'payments.expectBulk': {
    prepare: async (input) => gridOf(input.fileName, decodeFile(input.dataBase64, 8 * 1024 * 1024, 'payments.errors.bulkTooLarge')),
    run: (tx, input, grid: (string | number | null)[][]) => {
      const account = existingAccount(tx.db, input.accountId);
      const read = readBulkPayments(grid);
      if (!read.ok) {
        throw new ApiError(
          'bad_input',
          'payments.errors.bulkRefused',
          { count: read.errors.length },
          read.errors.map((e) => ({ path: `rows.${e.row}.${e.column}`, key: e.key, params: { row: e.row, column: e.column, ...(e.params ?? {}) } })),
        );
      }
      // all or nothing: a row without a free code refuses the whole sheet (the transaction rolls back)
      const payments = read.rows.map((row) =>
        expect(tx, account, { base: row.amount, reference: row.ref, payerName: row.payer, expiresInHours: row.expiresHours ?? DEFAULT_EXPIRY_HOURS }),
      );
      return { created: payments.length, payments };
    },
  },
  'payments.list': { run: (tx, input) => ({ payments: listPayments(tx.db, input, tx.now) }) },
  'payments.cancel': {
    run: (tx, input) => {
      const payment = findPayment(tx.db, input.id);
      if (!payment) throw new ApiError('not_found', 'errors.notFound');
      if (payment.status !== 'open') throw new ApiError('conflict', 'payments.errors.notOpen', { status: payment.status });
      tx.emit('payments.cancelled', { id: input.id, reason: input.reason });
      return paymentView(findPayment(tx.db, input.id)!, tx.now);
    },
  },
};
