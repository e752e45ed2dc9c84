import { signal } from '@preact/signals';
import { language } from './i18n';

/** Who is logged in, as `/dashboard/api/session` answers. */
export interface Session {
  user: { id: number; email: string; role: 'viewer' | 'analyst' | 'admin' };
  team_id: number;
  csrf_token: string;
  expires_at: string;
}

/** The dashboard API's error shape: `{"error":{"code","message","fields"?}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The session, once known: null when logged out, undefined while it is being asked. */
export const session = signal<Session | null | undefined>(undefined);

/**
 * A call to `/dashboard/api`: the session cookie rides along (same origin), every change carries
 * the CSRF token, and a 401 means the session ended: back to the login.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = session.value?.csrf_token;
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  headers['accept-language'] = language.value;
  const response = await fetch(`/dashboard/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const error = answer?.error ?? {};
    if (response.status === 401 && path !== '/login') session.value = null;
    throw new ApiError(
      response.status,
      error.code ?? 'unknown',
      error.message ?? response.statusText,
      error.fields,
    );
  }
  return answer as T;
}

export async function loadSession(): Promise<void> {
  try {
    session.value = await api<Session>('GET', '/session');
  } catch {
    session.value = null;
  }
}
