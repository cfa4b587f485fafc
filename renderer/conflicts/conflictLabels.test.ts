import { describe, expect, it } from 'vitest';
import { conflictText } from './conflictLabels';

const known = new Set(['sync.reasons.conflict', 'sync.rejected.usernameTaken', 'audit.types.userCreated']);
const words = { t: (key: string) => `«${key}»`, te: (key: string) => known.has(key) };

describe('conflicts in words', () => {
  it('reads a refusal by head office with its rule', () => {
    expect(conflictText({ kind: 'rejected', type: 'user.created', reason: 'conflict', detail: 'sync.rejected.usernameTaken' }, words)).toEqual({
      event: '«audit.types.userCreated»',
      kind: '«conflicts.kinds.rejected»',
      reason: '«sync.reasons.conflict»',
      detail: '«sync.rejected.usernameTaken»',
    });
  });

  it('shows what it has no words for as it is', () => {
    expect(conflictText({ kind: 'apply_failed', type: 'complaint.logged', reason: 'UNIQUE constraint failed: users.username', detail: 'payload.roles' }, words)).toEqual({
      event: 'complaint.logged',
      kind: '«conflicts.kinds.apply_failed»',
      reason: 'UNIQUE constraint failed: users.username',
      detail: 'payload.roles',
    });
    expect(conflictText({ kind: 'rejected', type: 'user.created', reason: 'conflict', detail: null }, words).detail).toBeNull();
  });
});
