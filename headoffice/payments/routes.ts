import type { FastifyInstance } from 'fastify';
import type { HeadofficeContext } from '../context';
import { appendHeadofficeEventIn } from '../sync/origin';
import { keepRawBodies, signedJson } from '../signed-body';
import { feedBody, feedRow, routesOf } from './feed';
import { noteWaiting } from './reroute';

export interface FeedAnswer {
  received: number;
  duplicates: number;
  /** mutations sent to at least one branch */
  routed: number;
  /** mutations of accounts no branch has added: kept, sent nowhere */
  unrouted: number;
}

/**
 * `POST /api/mutations/webhook`: the bank feed. Its own plugin, because the signature is over the
 * raw bytes: the body is kept as a Buffer and parsed only once the signature holds. A delivery is
 * taken whole or not at all; a retry of one already taken answers 200 with its duplicates counted.
 */
export async function mutationFeed(app: FastifyInstance, { ctx, secret }: { ctx: HeadofficeContext; secret: string | null }): Promise<void> {
  keepRawBodies(app);

  app.post('/api/mutations/webhook', { bodyLimit: 2 * 1024 * 1024 }, async (request, reply) => {
    const signed = signedJson(request, reply, secret, 'signature', 'feed_not_configured');
    if (!signed) return reply;
    const json = signed.json;
    const parsed = feedBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send({ error: { code: 'bad_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } });
    }
    const answer = await ctx.db.write(async (sql): Promise<FeedAnswer> => {
      const now = ctx.clock();
      const counts: FeedAnswer = { received: parsed.data.length, duplicates: 0, routed: 0, unrouted: 0 };
      for (const m of parsed.data) {
        const [seen] = await sql(`SELECT feed_id FROM ho_feed_mutations WHERE feed_id = ?`, [m.mutation_id]);
        if (seen) {
          counts.duplicates += 1;
          continue;
        }
        const row = feedRow(m);
        const routes = await routesOf(sql, m.account_number, row, now);
        for (const route of routes) {
          const payload = { accountNumber: m.account_number, row, feedId: m.mutation_id, decider: route.decider };
          const appended = await appendHeadofficeEventIn(sql, route.branchCode, { type: 'mutation.fed', payload, username: null }, now);
          if (!appended.ok) throw new Error(`mutation.fed refused: ${appended.verdict.reason}`);
          if (row.direction === 'CR' && route.decider !== null) await noteWaiting(sql, route.branchCode, row.id, route.decider, now);
        }
        await sql(`INSERT INTO ho_feed_mutations (feed_id, account_number, received_at, payload, branches) VALUES (?, ?, ?, ?, ?)`, [
          m.mutation_id,
          m.account_number,
          now,
          JSON.stringify(m),
          routes.length,
        ]);
        if (routes.length > 0) counts.routed += 1;
        else counts.unrouted += 1;
      }
      return counts;
    });
    return reply.send(answer);
  });
}
