import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { pullResponse, pushRequest, pushResponse } from '../shared/sync/protocol';
import { checkPushRequest } from '../shared/sync/wire-check';

/**
 * The big sync messages have hand-written checks as strict as their schemas (shared/sync/
 * wire-check.ts): a batch of a thousand events would otherwise spend more time in zod than in
 * the database. What a check does not accept goes to zod, which decides and explains.
 */
const quickChecks = new Map<z.ZodType, (data: unknown) => unknown>([[pushRequest, checkPushRequest]]);

/**
 * Answers that head office builds field by field from its own rows (sync/push.ts, sync/pull.ts),
 * so there is nothing to strip: they are written as they are. Parsing a pull's thousand events
 * again on the way out cost as much as reading them from the database. The desk checks them.
 */
const builtFieldByField: ReadonlySet<z.ZodType> = new Set([pushResponse, pullResponse]);

/**
 * Routes declare their body and response schemas as the zod schemas of shared/: the validator
 * parses requests with them, and the serializer parses responses with them, which strips any
 * field the contract does not name before it leaves head office.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const quick = quickChecks.get(schema as z.ZodType);
    return (data: unknown) => {
      const checked = quick?.(data);
      if (checked !== undefined) return { value: checked };
      const result = (schema as z.ZodType).safeParse(data);
      return result.success ? { value: result.data } : { error: new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
    };
  });
  app.setSerializerCompiler(({ schema }) =>
    builtFieldByField.has(schema as z.ZodType) ? (data: unknown) => JSON.stringify(data) : (data: unknown) => JSON.stringify((schema as z.ZodType).parse(data)),
  );
}
