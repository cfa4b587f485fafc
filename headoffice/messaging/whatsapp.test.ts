import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvedApplicationEvents, startOtpHeadoffice, testApplication } from '../otp/testing';
import { DIALECTS } from '../testing';
import { whatsAppConfigFromEnv, whatsAppSender } from './whatsapp';

const PHONE_ID = '109876543210987';
const TOKEN = 'EAAtest-token-0123456789';
const APP_SECRET = 'meta-app-secret-for-tests';
const REFUSED_NUMBER = '6281399990000';
const OTP_TEMPLATE = 'kode_otp_rekening';

interface Seen {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> & { to: string; type: string; template?: TemplateBody; text?: { body: string } };
}
interface TemplateBody {
  name: string;
  language: { code: string };
  components: { type: string; sub_type?: string; index?: string; parameters: { type: string; text: string }[] }[];
}

/**
 * A stand-in for the WhatsApp Cloud API on loopback: it checks each request has the shape the real
 * API expects and answers as the real API does, or with Meta's error shape.
 */
function standIn() {
  const seen: Seen[] = [];
  let counter = 0;
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => resolve(text));
    });
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse(await read(request)) as Seen['body'];
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
    const problems: string[] = [];
    if (request.method !== 'POST' || request.url !== `/v25.0/${PHONE_ID}/messages`) problems.push(`path ${request.url}`);
    if (request.headers.authorization !== `Bearer ${TOKEN}`) problems.push('token');
    if (!String(request.headers['content-type']).startsWith('application/json')) problems.push('content-type');
    if (body.messaging_product !== 'whatsapp' || !/^\d{8,15}$/.test(body.to)) problems.push('recipient');
    if (body.type === 'template') {
      const [main, button] = body.template!.components;
      if (body.template!.language.code !== 'id' || main?.type !== 'body') problems.push('template');
      // the OTP's authentication template repeats its code in a copy-code button
      if (body.template!.name === OTP_TEMPLATE && (button?.type !== 'button' || button.sub_type !== 'url' || button.index !== '0' || button.parameters[0]?.text !== main?.parameters[0]?.text)) {
        problems.push('copy-code button');
      }
      // Meta refuses a parameter with a new line, a tab or more than four spaces in a row
      if (main?.parameters.some((p) => p.type !== 'text' || /[\n\t]| {5,}/.test(p.text))) problems.push('parameter text');
    } else if (body.type !== 'text' || typeof body.text?.body !== 'string') problems.push('type');
    response.setHeader('content-type', 'application/json');
    if (problems.length > 0 || body.to === REFUSED_NUMBER) {
      response.statusCode = 400;
      const message = problems.length ? `(#100) Invalid parameter: ${problems.join(', ')}` : '(#131030) Recipient phone number not in allowed list';
      response.end(JSON.stringify({ error: { message, type: 'OAuthException', code: problems.length ? 100 : 131030, fbtrace_id: 'AbCdEf' } }));
      return;
    }
    counter += 1;
    response.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.TEST${counter}` }] }));
  });
  return { server, seen };
}

describe('WhatsApp configuration', () => {
  it('is off without a token and a phone number id, with defaults for the rest', () => {
    expect(whatsAppConfigFromEnv({})).toBeNull();
    expect(whatsAppConfigFromEnv({ SERAMBI_WA_TOKEN: 'x' })).toBeNull();
    expect(whatsAppConfigFromEnv({ SERAMBI_WA_TOKEN: 'x', SERAMBI_WA_PHONE_ID: '1' })).toMatchObject({
      baseUrl: 'https://graph.facebook.com',
      template: 'serambi_otp',
      language: 'id',
      linkTemplate: null,
      invoiceTemplate: null,
    });
  });
});

describe('WhatsApp invoice notices', () => {
  const api = standIn();
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));
  const env = () => ({ SERAMBI_WA_BASE_URL: baseUrl, SERAMBI_WA_TOKEN: TOKEN, SERAMBI_WA_PHONE_ID: PHONE_ID });
  const notice = {
    text: 'Yth. PT Maju,\n\nNo. tagihan     : INV-1\nVirtual Account : 8808 1131 1630 0000 029',
    params: ['PT Maju', 'Tagihan INV-1: Rp 1.500.000, jatuh tempo\n21/12/2026', '8808 1131 1630 0000 029'],
  };

  it('go through the approved invoice template, its three parameters on one line each', async () => {
    const sender = whatsAppSender(whatsAppConfigFromEnv({ ...env(), SERAMBI_WA_INVOICE_TEMPLATE: 'tagihan_va' })!);
    expect(await sender.sendNotice('+6281234567890', notice)).toEqual({ providerMessageId: expect.stringMatching(/^wamid\./) });
    const { body } = api.seen.at(-1)!;
    expect(body).toMatchObject({ to: '6281234567890', type: 'template', template: { name: 'tagihan_va', language: { code: 'id' } } });
    expect(body.template!.components).toEqual([
      { type: 'body', parameters: ['PT Maju', 'Tagihan INV-1: Rp 1.500.000, jatuh tempo 21/12/2026', '8808 1131 1630 0000 029'].map((text) => ({ type: 'text', text })) },
    ]);
  });

  it('go as free text without a template, as the Cloud API takes inside the customer window', async () => {
    const sender = whatsAppSender(whatsAppConfigFromEnv(env())!);
    await sender.sendNotice('+6281234567890', notice);
    expect(api.seen.at(-1)!.body).toMatchObject({ type: 'text', text: { body: notice.text } });
  });
});

describe.each(DIALECTS)('WhatsApp Cloud API and its webhook on %s', (dialect) => {
  const api = standIn();
  let baseUrl = '';
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));
  beforeEach(async () => {
    api.seen.length = 0;
    const env = {
      SERAMBI_WA_BASE_URL: baseUrl,
      SERAMBI_WA_TOKEN: TOKEN,
      SERAMBI_WA_PHONE_ID: PHONE_ID,
      SERAMBI_WA_TEMPLATE: OTP_TEMPLATE,
      SERAMBI_WA_APP_SECRET: APP_SECRET,
      SERAMBI_WA_VERIFY_TOKEN: 'verify-me',
    };
    ho = await startOtpHeadoffice(dialect, { otp: { env } });
    desk = await ho.enroll('JKT01');
  });
  afterEach(() => ho.close());

  const hook = (body: object, signature?: string) => {
    const raw = JSON.stringify(body);
    const sig = signature ?? `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    return ho.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, payload: raw });
  };
  const statusBody = (id: string, status: string, errors?: object[]) => ({
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID }, statuses: [{ id, status, timestamp: '1763700000', recipient_id: '6281234567890', ...(errors ? { errors } : {}) }] } }] }],
  });
  const messageStatus = async (kind: string) =>
    (await ho.ctx.db.read<{ status: string; failure: string | null }>(`SELECT status, failure FROM ho_messages WHERE kind = ?`, [kind]))[0];

  async function sendFirst(phone1 = '0812-3456-7890') {
    const a = testApplication({ phone1 });
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    return a;
  }

  it('sends the code in the authentication template and the link as text, as the Cloud API expects', async () => {
    const a = await sendFirst();
    expect(api.seen).toHaveLength(2);
    const [codeMessage, linkMessage] = api.seen;
    expect(codeMessage!.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(codeMessage!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(codeMessage!.body).toMatchObject({ messaging_product: 'whatsapp', to: '6281234567890', type: 'template' });
    const template = codeMessage!.body.template!;
    expect(template.name).toBe('kode_otp_rekening');
    const code = template.components[0]!.parameters[0]!.text;
    expect(code).toMatch(/^\d{6}$/);
    expect(template.components[1]).toEqual({ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: code }] });
    expect(linkMessage!.body).toMatchObject({ to: '6281234567890', type: 'text' });
    const link = /https:\/\/eaccount\.example\.co\.id\/customer\?p=([A-Za-z0-9_-]{43})/.exec(linkMessage!.body.text!.body);
    expect(link).not.toBeNull();

    // What went over the wire is what head office checks: the customer confirms with it.
    const answer = await ho.app.inject({ method: 'POST', url: '/customer/api/otp', payload: { token: link![1], code } });
    expect(answer.json()).toEqual({ result: 'confirmed' });
    const ids = await ho.ctx.db.read<{ provider_message_id: string }>(`SELECT provider_message_id FROM ho_messages WHERE application_id = ? ORDER BY kind`, [a.id]);
    expect(ids).toHaveLength(2);
    expect(ids.every((r) => r.provider_message_id.startsWith('wamid.TEST'))).toBe(true);
  });

  it("records a refusal of the API as a failed send, with Meta's error", async () => {
    await sendFirst('0813-9999-0000');
    expect(api.seen).toHaveLength(1);
    const pulled = (await (await ho.enroll('JKT01')).pull()).events.filter((e) => e.type === 'otp.sent').map((e) => JSON.parse(e.payload));
    expect(pulled).toMatchObject([{ delivery: 'failed', failure: 'whatsapp 131030: (#131030) Recipient phone number not in allowed list' }]);
  });

  it('takes signed delivery statuses, refuses a bad signature, and never moves a status back', async () => {
    await sendFirst();
    const codeId = (await ho.ctx.db.read<{ provider_message_id: string }>(`SELECT provider_message_id FROM ho_messages WHERE kind = 'otp-code'`))[0]!.provider_message_id;
    const linkId = (await ho.ctx.db.read<{ provider_message_id: string }>(`SELECT provider_message_id FROM ho_messages WHERE kind = 'otp-link'`))[0]!.provider_message_id;

    expect((await hook(statusBody(codeId, 'delivered'), `sha256=${'0'.repeat(64)}`)).statusCode).toBe(401);
    expect((await hook(statusBody(codeId, 'delivered'), 'nonsense')).statusCode).toBe(401);
    expect((await messageStatus('otp-code'))!.status).toBe('sent');

    expect((await hook(statusBody(codeId, 'read'))).statusCode).toBe(200);
    expect((await hook(statusBody(codeId, 'delivered'))).statusCode).toBe(200);
    expect((await messageStatus('otp-code'))!.status).toBe('read');
    const updates = (await (await ho.enroll('JKT01')).pull()).events.filter((e) => e.type === 'otp.deliveryUpdated').map((e) => JSON.parse(e.payload));
    expect(updates).toEqual([{ applicationId: expect.any(String), sendNumber: 1, delivery: 'read' }]);

    await hook(statusBody(linkId, 'failed', [{ code: 131047, title: 'Re-engagement message' }]));
    expect(await messageStatus('otp-link')).toEqual({ status: 'failed', failure: '131047 Re-engagement message' });
    // An unknown message id is acknowledged and ignored.
    expect((await hook(statusBody('wamid.UNKNOWN', 'delivered'))).statusCode).toBe(200);
  });

  it('answers the verification handshake only with the verify token', async () => {
    const ok = await ho.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect((await ho.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1' })).statusCode).toBe(403);
  });
});
