import type { z } from 'zod';
import { ApiError, type FieldIssue, type MessageParams } from './errors';

// Schemas carry message keys (`validation.*`) as their custom messages; an issue without one is
// mapped from its zod code so every field error can be shown in the user's language.
function issueToField(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  if (issue.message.startsWith('validation.')) return { path, key: issue.message };
  // A capability's own message for a built-in check (`payments.errors.amountPositive` on positive()).
  if (issue.code !== 'custom' && /^[a-z][a-zA-Z]*\.errors\.[a-zA-Z]+$/.test(issue.message)) return { path, key: issue.message };
  switch (issue.code) {
    case 'custom':
      // A field rule of the contract names its own message (`otp.errors.nik`) and what it found.
      return /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/.test(issue.message)
        ? { path, key: issue.message, ...(issue.params ? { params: issue.params as MessageParams } : {}) }
        : { path, key: 'validation.invalid' };
    case 'invalid_type':
      return { path, key: issue.input === undefined ? 'validation.required' : 'validation.invalid' };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { path, key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { path, key: 'validation.oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { path: issue.keys.join(','), key: 'validation.unknownField' };
    default:
      return { path, key: 'validation.invalid' };
  }
}

/** Parses `input` with `schema`, or throws a `bad_input` ApiError listing every wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw ApiError.badInput(result.error.issues.map(issueToField));
}
