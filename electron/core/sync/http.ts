import type { z } from 'zod';
import { resendResponse, validateResponse, type resendRequest, type validateRequest } from '../../../shared/otp/protocol';
import { enrollResponse, pullResponse, pushResponse, type WireEvent } from '../../../shared/sync/protocol';

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

/** Calls of head office's device API (sync, OTP), each bounded in time so a dead line fails fast. */
export function headofficeClient(baseUrl: string, auth: string | null, fetchImpl: Fetch = fetch, timeoutMs = 30_000) {
  async function post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new HeadofficeError('network', 0);
    }
    // A body cut off on the way is the line failing, not head office answering.
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new HeadofficeError('network', 0);
    }
    const json = parseJson(text) as { error?: { code?: string } } | null;
    if (!response.ok) {
      const { code, ...extra } = json?.error ?? {};
      throw new HeadofficeError(code ?? `http_${response.status}`, response.status, extra);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HeadofficeError('bad_response', response.status);
    return parsed.data;
  }
  return {
    enroll: (body: { code: string; deviceId: string; branchCode: string | null }) => post('sync/enroll', body, enrollResponse),
    push: (epoch: string, events: WireEvent[]) => post('sync/push', { epoch, events }, pushResponse),
    pull: (epoch: string, cursor: number, limit: number) => post('sync/pull', { epoch, cursor, limit }, pullResponse),
    /** Kirim Ulang OTP: head office decides and sends; refusals as HeadofficeError (`too_soon`, `daily_cap`, …). */
    otpResend: (body: z.input<typeof resendRequest>) => post('otp/resend', body, resendResponse),
    /** Validasi: head office checks the code; refusals as HeadofficeError (`wrong_code`, `expired`, `void`, …). */
    otpValidate: (body: z.input<typeof validateRequest>) => post('otp/validate', body, validateResponse),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
