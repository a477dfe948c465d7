import i18n from '../i18n';
import { readCsrfToken } from './csrf';
import { ApiError, readErrorBody } from './errors';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Requests that are expected to answer 401 (login, session probe) must not bounce to /login. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

let onUnauthorized: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};

/** The router installs a softer handler so that an expired session keeps the SPA state. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Builds `/api/v1/<path>?…`, leaving out empty filters so that URLs stay short and shareable. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const csrf = readCsrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network') });
  }
  if (!res.ok) {
    const sessionEnded = res.status === 401 && !options.allowUnauthorized;
    const { body: errorBody, payload } = await readErrorBody(res, i18n.t('errors.http', { status: res.status }));
    const error = new ApiError(res.status, errorBody, { sessionEnded, payload, english: i18n.language === 'en' });
    if (sessionEnded) onUnauthorized();
    throw error;
  }
  return res;
}

async function json<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type CallOptions = Pick<RequestOptions, 'allowUnauthorized' | 'signal'>;

export const api = {
  get: <T>(path: string, query?: Query, options: CallOptions = {}) => json<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: CallOptions = {}) => json<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body }),
  delete: <T>(path: string) => json<T>('DELETE', path),
};
