import { MessagingFailure, type MessageSender, type SentMessage } from './sender';

export interface WhatsAppConfig {
  /** https://graph.facebook.com, or a stand-in in tests. */
  baseUrl: string;
  /** Graph API version, e.g. v25.0. */
  version: string;
  phoneNumberId: string;
  token: string;
  /** The approved authentication template (copy-code button) that carries the code. */
  template: string;
  /**
   * A utility template with one body parameter, used for the link when set. WhatsApp delivers a
   * free-form text only inside the 24-hour customer-service window (the customer wrote to the
   * business in the last 24 h); a business-initiated message outside it must be a template.
   */
  linkTemplate: string | null;
  /**
   * The utility template of invoice notices, reminders and cancellations, whose body takes three
   * parameters: the customer's name, the one-line summary (number, amount, due date or what
   * changed) and the VA. Without it a notice goes as free text, delivered only inside the window.
   */
  invoiceTemplate: string | null;
  /** Template language code; the templates are written in Bahasa Indonesia. */
  language: string;
  timeoutMs: number;
}

export const WHATSAPP_DEFAULTS = { baseUrl: 'https://graph.facebook.com', version: 'v25.0', template: 'serambi_otp', language: 'id' } as const;

/** The Cloud API when SERAMBI_WA_TOKEN and SERAMBI_WA_PHONE_ID are set; otherwise null. */
export function whatsAppConfigFromEnv(env: Record<string, string | undefined>): WhatsAppConfig | null {
  const token = env.SERAMBI_WA_TOKEN?.trim();
  const phoneNumberId = env.SERAMBI_WA_PHONE_ID?.trim();
  if (!token || !phoneNumberId) return null;
  return {
    baseUrl: (env.SERAMBI_WA_BASE_URL?.trim() || WHATSAPP_DEFAULTS.baseUrl).replace(/\/+$/, ''),
    version: env.SERAMBI_WA_VERSION?.trim() || WHATSAPP_DEFAULTS.version,
    phoneNumberId,
    token,
    template: env.SERAMBI_WA_TEMPLATE?.trim() || WHATSAPP_DEFAULTS.template,
    linkTemplate: env.SERAMBI_WA_LINK_TEMPLATE?.trim() || null,
    invoiceTemplate: env.SERAMBI_WA_INVOICE_TEMPLATE?.trim() || null,
    language: WHATSAPP_DEFAULTS.language,
    timeoutMs: 10_000,
  };
}

/** The Cloud API takes the number as digits with the country code, without '+'. */
const waNumber = (e164: string) => e164.replace(/[^\d]/g, '');

/**
 * WhatsApp Business Cloud API: `POST {baseUrl}/{version}/{phoneNumberId}/messages`.
 *
 * The code goes in an authentication template with a copy-code button: the code is the body
 * parameter and again the parameter of the button at index 0 (`sub_type: url`), as Meta's
 * "Sending authentication templates" asks. The time-to-live is not a field of this request: the
 * Cloud API takes it on the template (`message_send_ttl_seconds`, 30-900 s for authentication
 * templates; per-message `ttl_seconds` exists only in the Direct Send beta). Create the template
 * with `message_send_ttl_seconds: 300` and `code_expiration_minutes: 5`, so WhatsApp stops
 * retrying delivery when the code has expired; `ttlSeconds` here only documents that contract.
 */
export function whatsAppSender(config: WhatsAppConfig, fetchImpl: typeof fetch = fetch): MessageSender {
  const url = `${config.baseUrl}/${encodeURIComponent(config.version)}/${encodeURIComponent(config.phoneNumberId)}/messages`;

  async function post(body: object): Promise<SentMessage> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw new MessagingFailure(`whatsapp unreachable: ${(error as Error).message}`);
    }
    const json = (await response.json().catch(() => null)) as {
      messages?: { id?: unknown }[];
      error?: { code?: unknown; message?: unknown };
    } | null;
    if (!response.ok) {
      // Meta answers { error: { message, type, code, error_data, fbtrace_id } }; keep code and message.
      const reason = json?.error ? `${String(json.error.code ?? response.status)}: ${String(json.error.message ?? '')}` : `HTTP ${response.status}`;
      throw new MessagingFailure(`whatsapp ${reason}`.slice(0, 500));
    }
    const id = json?.messages?.[0]?.id;
    if (typeof id !== 'string' || id === '') throw new MessagingFailure('whatsapp answered without a message id');
    return { providerMessageId: id };
  }

  const template = (name: string, components: object[]) => ({ type: 'template', template: { name, language: { code: config.language }, components } });
  const text = (value: string) => [{ type: 'text', text: value }];
  // Meta refuses a template parameter with a new line, a tab or more than four spaces in a row
  const oneLine = (value: string) => value.replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();

  return {
    channel: 'whatsapp',
    sendOtpCode: (to, code, _ttlSeconds) =>
      post({
        to: waNumber(to),
        ...template(config.template, [
          { type: 'body', parameters: text(code) },
          { type: 'button', sub_type: 'url', index: '0', parameters: text(code) },
        ]),
      }),
    sendText: (to, body) =>
      post(
        config.linkTemplate
          ? { to: waNumber(to), ...template(config.linkTemplate, [{ type: 'body', parameters: text(body) }]) }
          : { to: waNumber(to), type: 'text', text: { body, preview_url: true } },
      ),
    sendNotice: (to, notice) =>
      post(
        config.invoiceTemplate
          ? { to: waNumber(to), ...template(config.invoiceTemplate, [{ type: 'body', parameters: notice.params.flatMap((p) => text(oneLine(p))) }]) }
          : { to: waNumber(to), type: 'text', text: { body: notice.text, preview_url: false } },
      ),
  };
}
