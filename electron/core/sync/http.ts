import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { z } from 'zod';
import { resendResponse, validateResponse, type resendRequest, type validateRequest } from '../../../shared/otp/protocol';
import { codeLeasesResponse, enrollResponse, pullResponse, pushResponse } from '../../../shared/sync/protocol';
import { checkPullResponse, checkPushResponse } from '../../../shared/sync/wire-check';

/** A refusal head office answered with (`{ error: { code } }`), or `network` when it could not be reached. */
export class HeadofficeError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`head office: ${code}`);
  }
}

export type Fetch = typeof fetch;

/** Answers checked by hand first (as strict as their schemas); zod decides what these do not accept. */
const quickChecks = new Map<z.ZodType, (data: unknown) => unknown>([
  [pushResponse, checkPushResponse],
  [pullResponse, checkPullResponse],
]);

interface Answer {
  status: number;
  text: string;
}

/** A POST through fetch (a fetch given in place of the network: tests, fault injection). */
async function viaFetch(fetchImpl: Fetch, url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Answer> {
  const response = await fetchImpl(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, text: await response.text() };
}

/**
 * A POST through node:http(s), as fetch would make it (keep-alive included) without its web
 * streams: a sync answer of a thousand events reads in a fraction of the time. The whole
 * exchange is bounded by `timeoutMs`; a refused connection, a reset, or an answer cut off before
 * its end rejects.
 */
function viaNode(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!send) return reject(new Error(`unsupported protocol ${url.protocol}`));
    const request = send(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } });
    const timer = setTimeout(() => request.destroy(new Error('timed out')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('close', () => {
        if (!response.complete) fail(new Error('answer cut off'));
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end(body);
  });
}

/**
 * Calls of head office's device API (sync, OTP), each bounded in time so a dead line fails fast.
 * Over node:http(s) unless a fetch is given.
 */
export function headofficeClient(baseUrl: string, auth: string | null, fetchImpl?: Fetch, timeoutMs = 30_000) {
  /** Posts `body`, JSON text. */
  async function post<S extends z.ZodType>(path: string, body: string, schema: S): Promise<z.output<S>> {
    const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const headers = { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) };
    let answer: Answer;
    try {
      answer = await (fetchImpl ? viaFetch(fetchImpl, url, headers, body, timeoutMs) : viaNode(url, headers, body, timeoutMs));
    } catch {
      // Not reached, refused, timed out, or a body cut off on the way: the line failing, not head office answering.
      throw new HeadofficeError('network', 0);
    }
    const { status, text } = answer;
    const json = parseJson(text) as { error?: { code?: string } } | null;
    if (status < 200 || status > 299) {
      const { code, ...extra } = json?.error ?? {};
      throw new HeadofficeError(code ?? `http_${status}`, status, extra);
    }
    const checked = quickChecks.get(schema)?.(json);
    if (checked !== undefined) return checked as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HeadofficeError('bad_response', status);
    return parsed.data;
  }
  return {
    enroll: (body: { code: string; deviceId: string; branchCode: string | null }) => post('sync/enroll', JSON.stringify(body), enrollResponse),
    /** `events` is the JSON text of the batch's array of wire events (the desk's ledger writes it). */
    push: (epoch: string, events: string) => post('sync/push', `{"epoch":${JSON.stringify(epoch)},"events":${events}}`, pushResponse),
    pull: (epoch: string, cursor: number, limit: number) => post('sync/pull', JSON.stringify({ epoch, cursor, limit }), pullResponse),
    /** Renews this desk's unique-code blocks; the leases themselves come by the pull that follows. */
    codeLeases: (epoch: string) => post('sync/code-leases', JSON.stringify({ epoch }), codeLeasesResponse),
    /** Kirim Ulang OTP: head office decides and sends; refusals as HeadofficeError (`too_soon`, `daily_cap`, …). */
    otpResend: (body: z.input<typeof resendRequest>) => post('otp/resend', JSON.stringify(body), resendResponse),
    /** Validasi: head office checks the code; refusals as HeadofficeError (`wrong_code`, `expired`, `void`, …). */
    otpValidate: (body: z.input<typeof validateRequest>) => post('otp/validate', JSON.stringify(body), validateResponse),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
