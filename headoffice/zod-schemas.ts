import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';

/**
 * Routes declare their body and response schemas as the zod schemas of shared/: the validator
 * parses requests with them, and the serializer parses responses with them, which strips any
 * field the contract does not name before it leaves head office.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
  });
  app.setSerializerCompiler(({ schema }) => (data: unknown) => JSON.stringify((schema as z.ZodType).parse(data)));
}
