import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import faqSeed from '../../../resources/kb/faq-002.json';
import type { EventPayload, EventType } from '../../../shared/events/index';
import type { FaqArticle } from '../../../shared/kb/faq';
import type { PulledEvent } from '../../../shared/sync/protocol';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import { projectors } from '../handlers';
import { eventHash, GENESIS_HASH } from '../ledger/journal';
import { applyPulled } from '../sync/apply';
import { rejection } from '../testing';

// The knowledge base at the desk: the seed 002 FAQ from the first start, suggestions while a
// complaint is typed, and head office's articles arriving by pull.
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
});
afterAll(() => t.close());

const seed = faqSeed as FaqArticle[];
const headoffice = { deviceId: `headoffice-${randomUUID()}`, seq: 0, prev: GENESIS_HASH };
function pull<T extends EventType>(type: T, payload: EventPayload<T>) {
  const event = { eventId: randomUUID(), deviceId: headoffice.deviceId, deviceSeq: ++headoffice.seq, userId: null, username: 'pusat', at: t.clock.now, type, payload: JSON.stringify(payload), prevHash: headoffice.prev };
  const hash = eventHash(event);
  headoffice.prev = hash;
  const pulled: PulledEvent = { ...event, hash, cursor: headoffice.seq };
  expect(applyPulled(t.core.db, projectors, [pulled], 0, t.clock.now).failed).toBe(0);
}
const suggest = async (text: string) => (await t.call('kb.suggest', { text }, t.token.citra)).articles.map((a) => a.id);

describe('the knowledge base', () => {
  it('holds the seed FAQ from the first start, every article searchable', async () => {
    expect((t.core.db.prepare(`SELECT count(*) AS n FROM kb_articles WHERE origin = 'seed'`).get() as { n: number }).n).toBe(seed.length);
    for (const article of seed) {
      const hits = await t.call('kb.search', { text: article.question.slice(0, 200), limit: 50 }, t.token.tono);
      expect(hits.articles.map((a) => a.id)).toContain(article.id);
    }
    const [first] = seed;
    expect(await t.call('kb.get', { id: first!.id }, t.token.ani)).toEqual({
      id: first!.id,
      question: first!.question,
      category: first!.category,
      section: first!.section,
      stepGroups: first!.stepGroups,
      steps: first!.steps,
    });
  });

  it('suggests the matching article from a description, with word forms and a half-typed last word', async () => {
    expect((await suggest('nasabah sudah konfirmasi pembayaran VA tapi notifikasi paid tidak update'))[0]).toBe('notifikasi-paid-tidak-update-sedangkan-konsumen');
    expect(await suggest('tidak dapat login ke aplikasi MA')).toContain('user-tidak-dapat-login-aplikasi-mas');
    const [hit] = (await t.call('kb.suggest', { text: 'gagal create VA' }, t.token.citra)).articles;
    expect(hit).toMatchObject({ id: 'gagal-melakukan-create-va-mas', category: 'KENDALA' });
    expect(hit!.steps.length).toBeLessThanOrEqual(3);
    expect(hit!.score).toBeGreaterThan(0);
  });

  it('suggests nothing for nothing useful, and reads FTS5 syntax as plain words', async () => {
    expect(await suggest('')).toEqual([]);
    expect(await suggest('  ?! ')).toEqual([]);
    for (const text of ['"VA', 'login OR', 'NEAR(a b)', 'question:login', 'a* AND (b']) await expect(suggest(text)).resolves.toBeInstanceOf(Array);
  });

  it('lists articles for an empty search box', async () => {
    expect((await t.call('kb.search', { text: '', limit: 3 }, t.token.kiki)).articles.map((a) => a.id)).toEqual(seed.slice(0, 3).map((a) => a.id));
  });

  it("takes head office's new, edited and retired articles", async () => {
    const article: EventPayload<'kb.articlePublished'> = {
      id: 'refund-denda-keterlambatan',
      question: 'Refund denda keterlambatan angsuran',
      category: 'KENDALA',
      section: 'PENAGIHAN',
      stepGroups: [{ heading: null, steps: ['Cek riwayat pembayaran', 'Ajukan refund ke Finance'] }],
    };
    pull('kb.articlePublished', article);
    expect((await suggest('nasabah minta refund denda'))[0]).toBe('refund-denda-keterlambatan');
    pull('kb.articlePublished', { ...article, question: 'Pengembalian denda angsuran', stepGroups: [{ heading: 'MAS', steps: ['Cek riwayat'] }] });
    expect(await suggest('refund')).not.toContain('refund-denda-keterlambatan');
    expect(await suggest('pengembalian denda')).toContain('refund-denda-keterlambatan');
    expect((await t.call('kb.get', { id: article.id }, t.token.citra)).steps).toEqual(['MAS: Cek riwayat']);

    const seeded = 'user-tidak-dapat-login-aplikasi-mas';
    pull('kb.articleRetired', { id: seeded });
    expect(await suggest('tidak dapat login aplikasi')).not.toContain(seeded);
    // a complaint that used it still names it
    expect((await t.call('kb.get', { id: seeded }, t.token.citra)).id).toBe(seeded);
    const error = await rejection(t.call('kb.get', { id: 'tidak-ada' }, t.token.citra));
    expect(error.code).toBe('not_found');
  });
});
