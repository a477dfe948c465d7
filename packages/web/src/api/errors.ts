/** The server's error envelope: `{error:{code,message,field?}}`, message already in Vietnamese. */
export interface ApiErrorBody {
  code: string;
  message: string;
  /** Sent beside the Vietnamese message; shown when the interface is in English. */
  messageEn?: string;
  field?: string;
  /** Every field problem when a form has several; the first one is also in message/field. */
  details?: { field: string; message: string; messageEn?: string }[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly details: FieldProblem[];
  /** Set when the 401 was taken as an ended session and the app is already going to /login. */
  readonly sessionEnded: boolean;
  /** The whole response body, for endpoints that add details beside the envelope (import row errors). */
  readonly payload: unknown;

  constructor(
    status: number,
    body: ApiErrorBody,
    options: { sessionEnded?: boolean; payload?: unknown; english?: boolean } = {},
  ) {
    super(options.english && body.messageEn ? body.messageEn : body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = (body.details ?? []).map((d) => ({
      field: d.field,
      message: options.english && d.messageEn ? d.messageEn : d.message,
    }));
    this.sessionEnded = options.sessionEnded ?? false;
    this.payload = options.payload;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Reads the envelope, tolerating proxies and crashes that answer with HTML or nothing. */
export async function readErrorBody(res: Response, fallbackMessage: string): Promise<{ body: ApiErrorBody; payload: unknown }> {
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    return { body: { code: `http_${res.status}`, message: fallbackMessage }, payload: undefined };
  }
  const error = (payload as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (error && typeof error.message === 'string') {
    return {
      body: {
        code: error.code ?? `http_${res.status}`,
        message: error.message,
        messageEn: error.messageEn,
        field: error.field,
        details: Array.isArray(error.details) ? error.details : undefined,
      },
      payload,
    };
  }
  return { body: { code: `http_${res.status}`, message: fallbackMessage }, payload };
}
