import type { HandlerMap } from '../dispatch/types';
import { verifyChains } from '../ledger/journal';
import { listAudit } from './queries';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify'> = {
  'audit.list': { run: (tx, input) => listAudit(tx.db, input) },
  'audit.verify': {
    run: (tx) => {
      const { checked, brokenAt } = verifyChains(tx.db);
      return { ok: brokenAt === null, checked, brokenAt };
    },
  },
};
