import { MessagingFailure } from './sender';

// Invoice notices by SMS (seed 004), through an HTTP SMS gateway: Indonesian aggregators each have
// their own API, so head office speaks one small JSON shape and a thin adapter at the bank maps it
// when theirs differs. POST {url} with `Authorization: Bearer <token>` and `{ to, message }`; the
// answer is 2xx JSON carrying the gateway's id for the message (`id` or `message_id`).

export interface SmsSender {
  readonly channel: 'sms' | 'dev';
  /** `to` in E.164 (`+62812…`) */
  send(to: string, body: string): Promise<{ providerMessageId: string }>;
}

export interface SmsConfig {
  url: string;
  token: string;
}

export interface HttpSmsGatewayOptions extends SmsConfig {
  fetch?: typeof fetch;
  /** the whole request; a gateway that hangs fails this message rather than stalling the queue */
  timeoutMs?: number;
}

/** Why `url` cannot be a gateway, or null. */
function gatewayUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `must start with https:// or http://, got ${parsed.protocol}//`;
  if (parsed.username || parsed.password) return 'must not carry credentials: the token goes in SERAMBI_HO_SMS_TOKEN';
  return null;
}

/** SMS when SERAMBI_HO_SMS_URL is set, null otherwise; a gateway without a token is refused at start-up. */
export function smsConfigFromEnv(env: Record<string, string | undefined>): SmsConfig | null {
  const url = env.SERAMBI_HO_SMS_URL?.trim();
  if (!url) return null;
  const problem = gatewayUrlProblem(url);
  if (problem) throw new Error(`SERAMBI_HO_SMS_URL ${problem}`);
  const token = env.SERAMBI_HO_SMS_TOKEN?.trim();
  if (!token) throw new Error('SERAMBI_HO_SMS_TOKEN is required with SERAMBI_HO_SMS_URL');
  return { url, token };
}

/** The gateway's own error text from a JSON body (`error`, `error.message`, `message`), else the body. */
function errorText(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = json.error as { message?: unknown } | string | undefined;
    const text = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : json.message ?? json.detail;
    if (typeof text === 'string' && text !== '') return text;
  } catch {
    // not JSON: the body as it came
  }
  return body.replace(/\s+/g, ' ').trim();
}

interface GatewayAnswer {
  id?: unknown;
  message_id?: unknown;
}

export function httpSmsGateway(options: HttpSmsGatewayOptions): SmsSender {
  const problem = gatewayUrlProblem(options.url);
  if (problem) throw new Error(`SMS gateway URL ${problem}`);
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel: 'sms',
    async send(to, body) {
      let status: number;
      let text: string;
      try {
        const response = await fetchImpl(options.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ to, message: body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        const e = error as Error & { cause?: { code?: string } };
        const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
        throw new MessagingFailure(`sms gateway unreachable: ${reason}`);
      }
      if (status < 200 || status > 299) throw new MessagingFailure(`sms gateway HTTP ${status}: ${errorText(text) || 'no error text'}`.slice(0, 500));
      let json: GatewayAnswer | null;
      try {
        json = JSON.parse(text) as GatewayAnswer | null;
      } catch {
        throw new MessagingFailure(`sms gateway HTTP ${status} answered without JSON: ${text.slice(0, 200)}`);
      }
      const id = json?.id ?? json?.message_id;
      if ((typeof id !== 'string' && typeof id !== 'number') || id === '') throw new MessagingFailure(`sms gateway HTTP ${status} answered without a message id`);
      return { providerMessageId: String(id) };
    },
  };
}
