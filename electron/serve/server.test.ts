import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { CoreClient } from '../core/client';
import { buildServeApp } from './server';

// The serve app's body limits: 2 MB for every method, room for a file's base64 only for the
// methods that carry one (a 10 MB proof, an 8 MB bulk sheet, a 50 MB statement).
const calls: string[] = [];
const core = { call: (method: string) => (calls.push(method), Promise.resolve({ ok: true, result: {} })) } as unknown as CoreClient;
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServeApp({ core, rendererDir: '/nonexistent' });
});
afterAll(() => app.close());

const post = (method: string, bytes: number) =>
  app.inject({ method: 'POST', url: `/api/${method}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ dataBase64: 'A'.repeat(bytes) }) });

describe('serve body limits', () => {
  it('takes a 10 MB attachment in base64 for complaints.attach', async () => {
    const answer = await post('complaints.attach', Math.ceil((10 * 1024 * 1024 * 4) / 3));
    expect(answer.statusCode).toBe(200);
    expect(calls).toEqual(['complaints.attach']);
  });

  it('takes a 50 MB statement in base64 for statement.import, not 60 MB', async () => {
    expect((await post('statement.import', Math.ceil((50 * 1024 * 1024 * 4) / 3))).statusCode).toBe(200);
    expect((await post('statement.import', Math.ceil((60 * 1024 * 1024 * 4) / 3))).statusCode).toBe(413);
    expect((await post('payments.expectBulk', Math.ceil((10 * 1024 * 1024 * 4) / 3))).statusCode).toBe(413);
    calls.length = 1;
  });

  it('keeps the 2 MB limit for every other method', async () => {
    expect((await post('otp.list', 3 * 1024 * 1024)).statusCode).toBe(413);
    expect((await post('otp.list', 1024)).statusCode).toBe(200);
    expect(calls).toEqual(['complaints.attach', 'otp.list']);
  });
});
