const CSRF_COOKIE = 'pcd_csrf';

/** The server sets a readable double-submit cookie; state-changing requests echo it in a header. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
