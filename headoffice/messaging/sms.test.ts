import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingFailure } from './sender';
import { httpSmsGateway, smsConfigFromEnv } from './sms';

const TOKEN = 'sms-gateway-token-0123456789';

interface Seen {
  method: string | undefined;
  path: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** An SMS gateway on loopback: checks each request's shape, then answers as the test asks. */
function gateway() {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  let answer: (response: ServerResponse, body: { to: string; message: string }) => void = () => {};
  const server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as null: the test sees the request was not JSON
      }
      seen.push({ method: request.method, path: request.url, authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
      answer(response, body as { to: string; message: string });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    seen,
    answerWith(next: typeof answer) {
      answer = next;
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('SMS configuration', () => {
  it('is off without a gateway URL', () => {
    expect(smsConfigFromEnv({})).toBeNull();
    expect(smsConfigFromEnv({ SERAMBI_HO_SMS_TOKEN: 'x' })).toBeNull();
  });

  it('reads the gateway and its token', () => {
    expect(smsConfigFromEnv({ SERAMBI_HO_SMS_URL: 'https://sms.example.co.id/v1/messages', SERAMBI_HO_SMS_TOKEN: ' t0k ' })).toEqual({ url: 'https://sms.example.co.id/v1/messages', token: 't0k' });
  });

  it('refuses a gateway it cannot use', () => {
    expect(() => smsConfigFromEnv({ SERAMBI_HO_SMS_URL: 'sms.example.co.id', SERAMBI_HO_SMS_TOKEN: 'x' })).toThrow(/SERAMBI_HO_SMS_URL is not a URL/);
    expect(() => smsConfigFromEnv({ SERAMBI_HO_SMS_URL: 'ftp://sms.example.co.id', SERAMBI_HO_SMS_TOKEN: 'x' })).toThrow(/https:\/\/ or http:\/\//);
    expect(() => smsConfigFromEnv({ SERAMBI_HO_SMS_URL: 'https://sms.example.co.id' })).toThrow(/SERAMBI_HO_SMS_TOKEN/);
  });
});

describe('the HTTP SMS gateway, for real on loopback', () => {
  const gw = gateway();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => gw.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gw.server.address() as AddressInfo).port}/v1/messages`;
  });
  afterAll(async () => {
    gw.dropConnections();
    await new Promise<void>((resolve) => gw.server.close(() => resolve()));
  });

  const body = 'PT Maju Jaya: Tagihan INV-2026-0042 a.n. Budi Santoso. Transfer tepat Rp 1.250.000 ke VA 8808 1001 0000 0427 paling lambat 21/11/2026.';

  it('posts the number and the text with the token, and keeps the gateway id', async () => {
    gw.answerWith((response, sent) => json(response, 201, { id: `sms-${sent.to.slice(-4)}`, status: 'queued' }));
    const result = await httpSmsGateway({ url, token: TOKEN }).send('+6281234567890', body);
    expect(result).toEqual({ providerMessageId: 'sms-7890' });
    expect(gw.seen.at(-1)).toEqual({
      method: 'POST',
      path: '/v1/messages',
      authorization: `Bearer ${TOKEN}`,
      contentType: 'application/json',
      body: { to: '+6281234567890', message: body },
    });
  });

  it('takes `message_id` too, numbers included', async () => {
    gw.answerWith((response) => json(response, 200, { message_id: 90412 }));
    expect(await httpSmsGateway({ url, token: TOKEN }).send('+6281234567890', 'x')).toEqual({ providerMessageId: '90412' });
  });

  it('reports a refusal with its status and the gateway own words', async () => {
    gw.answerWith((response) => json(response, 422, { error: { code: 'INVALID_MSISDN', message: 'nomor tujuan tidak valid' } }));
    const sent = httpSmsGateway({ url, token: TOKEN }).send('+620000', 'x');
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow('sms gateway HTTP 422: nomor tujuan tidak valid');

    gw.answerWith((response) => json(response, 401, { error: 'invalid token' }));
    await expect(httpSmsGateway({ url, token: 'wrong' }).send('+6281234567890', 'x')).rejects.toThrow('sms gateway HTTP 401: invalid token');

    gw.answerWith((response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<html><body>Service   Unavailable</body></html>');
    });
    await expect(httpSmsGateway({ url, token: TOKEN }).send('+6281234567890', 'x')).rejects.toThrow('sms gateway HTTP 503: <html><body>Service Unavailable</body></html>');
  });

  it('fails on a 2xx that is not JSON or names no message', async () => {
    gw.answerWith((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('OK');
    });
    await expect(httpSmsGateway({ url, token: TOKEN }).send('+6281234567890', 'x')).rejects.toThrow('sms gateway HTTP 200 answered without JSON: OK');
    gw.answerWith((response) => json(response, 200, { status: 'queued' }));
    await expect(httpSmsGateway({ url, token: TOKEN }).send('+6281234567890', 'x')).rejects.toThrow('sms gateway HTTP 200 answered without a message id');
  });

  it('gives up on a gateway that does not answer in time', async () => {
    gw.answerWith(() => {}); // holds the request open
    const sent = httpSmsGateway({ url, token: TOKEN, timeoutMs: 200 }).send('+6281234567890', 'x');
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow('sms gateway unreachable: no answer within 200 ms');
    gw.dropConnections();
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ id: 'fake-1' }), { status: 200 });
    };
    expect(await httpSmsGateway({ url, token: TOKEN, fetch: fake }).send('+6281234567890', 'x')).toEqual({ providerMessageId: 'fake-1' });
    expect(calls).toEqual([url]);
  });
});

describe('a gateway that is not there', () => {
  it('fails as unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sent = httpSmsGateway({ url: `http://127.0.0.1:${port}/v1/messages`, token: TOKEN }).send('+6281234567890', 'x');
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow('sms gateway unreachable: ECONNREFUSED');
  });
});
