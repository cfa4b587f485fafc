import type { MethodOutput } from '../../shared/api';
import { typeLabelKey } from '../audit/auditLabels';

export type SyncConflict = MethodOutput<'sync.conflicts'>['conflicts'][number];

export interface ConflictWords {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
}

export interface ConflictText {
  /** The event that was refused or could not be applied, as the audit trail names it. */
  event: string;
  /** Who said no: head office refused it, or this desk could not apply what it pulled. */
  kind: string;
  reason: string;
  detail: string | null;
}

/**
 * A conflict in words. A refusal's reason is one of the protocol's reasons; an apply failure's is
 * the desk's own error text, shown as it is. A detail is a message key when head office's rule
 * gave one (`sync.rejected.usernameTaken`), otherwise a field path, also shown as it is.
 */
export function conflictText(conflict: Pick<SyncConflict, 'kind' | 'type' | 'reason' | 'detail'>, { t, te }: ConflictWords): ConflictText {
  const typeKey = typeLabelKey(conflict.type);
  const reasonKey = `sync.reasons.${conflict.reason}`;
  return {
    event: typeKey ? t(typeKey) : conflict.type,
    kind: t(`conflicts.kinds.${conflict.kind}`),
    reason: te(reasonKey) ? t(reasonKey) : conflict.reason,
    detail: conflict.detail === null ? null : te(conflict.detail) ? t(conflict.detail) : conflict.detail,
  };
}
