// Every failure that crosses the contract is one of these codes, with a message key the caller
// translates (shared/i18n) and, for bad input, the fields that were wrong.
export const ERROR_CODES = [
  'bad_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'account_locked',
  'session_locked',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

export interface FieldIssue {
  /** Dotted path of the field in the method's input, e.g. `admin.password`. */
  path: string;
  key: string;
  params?: MessageParams;
}

export interface ApiErrorBody {
  code: ErrorCode;
  key: string;
  params?: MessageParams;
  fields?: FieldIssue[];
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params?: MessageParams;
  readonly fields?: FieldIssue[];

  constructor(code: ErrorCode, key: string, params?: MessageParams, fields?: FieldIssue[]) {
    super(key);
    this.name = 'ApiError';
    this.code = code;
    this.key = key;
    if (params) this.params = params;
    if (fields) this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      key: this.key,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.key, body.params, body.fields);
  }

  static badInput(fields: FieldIssue[]): ApiError {
    return new ApiError('bad_input', 'errors.badInput', undefined, fields);
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).key === 'string'
  );
}
