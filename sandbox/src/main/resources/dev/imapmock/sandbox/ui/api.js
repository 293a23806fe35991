// The admin API client. With --admin-token the page is opened as `/#token=...`: the token is taken from
// the fragment once (and removed from the address bar), kept in sessionStorage for this tab, and sent as
// `Authorization: Bearer`; EventSource and iframes can't send headers, so their URLs carry `?token=`.

const TOKEN_KEY = 'imapmock.adminToken';

export function adoptTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token !== null) {
    sessionStorage.setItem(TOKEN_KEY, token);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An error answer of the API; `problem` is its RFC 9457 document when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem) return `The server answered ${status}.`;
  const head = problem.detail || problem.title || `The server answered ${status}.`;
  const fields = (problem.errors ?? [])
    .filter((e) => e.reason && !head.includes(e.reason))
    .map((e) => (e.field ? `${e.field}: ${e.reason}` : e.reason));
  return fields.length ? `${head} (${fields.join('; ')})` : head;
}

/** Joins path segments, each URL-encoded as one segment (a mailbox `Archive/2024` is `Archive%2F2024`). */
export function path(...segments) {
  return '/api/' + segments.map((s) => encodeURIComponent(String(s))).join('/');
}

/** `url` with `?token=` added when a token is set, for requests that can't carry a header. */
export function withToken(url) {
  const t = token();
  if (!t) return url;
  return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(t);
}

export const listeners = { unauthorized: () => {} };

/**
 * Calls the API. `body`: an object (sent as JSON), a string (text/plain unless `type` says otherwise), or a
 * Blob. Answers the parsed JSON, the text for non-JSON answers, or null for 204. Throws ApiError.
 */
export async function call(method, url, { body, type, as } = {}) {
  const headers = { Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5' };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = type || body.type || 'application/octet-stream';
  } else if (typeof body === 'string') {
    payload = body;
    headers['Content-Type'] = type || 'text/plain; charset=utf-8';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, { method, headers, body: payload, cache: 'no-store' });
  if (response.status === 401) listeners.unauthorized();
  if (!response.ok) {
    let problem = null;
    const contentType = response.headers.get('Content-Type') || '';
    if (contentType.includes('json')) {
      try { problem = await response.json(); } catch { problem = null; }
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  if (as === 'blob') return response.blob();
  if (as === 'text') return response.text();
  const contentType = response.headers.get('Content-Type') || '';
  return contentType.includes('json') ? response.json() : response.text();
}

export const get = (url, options) => call('GET', url, options);

export const api = {
  server: () => get('/api/server'),
  users: () => get('/api/users'),
  mailboxes: (user) => get(path('users', user, 'mailboxes')),
  messages: (user, mailbox, offset, limit) =>
    get(`${path('users', user, 'mailboxes', mailbox, 'messages')}?offset=${offset}&limit=${limit}`),
  message: (user, mailbox, uid) => get(path('users', user, 'mailboxes', mailbox, 'messages', uid)),
  raw: (user, mailbox, uid) =>
    get(path('users', user, 'mailboxes', mailbox, 'messages', uid, 'raw'), { as: 'text' }),
  rawBlob: (user, mailbox, uid) =>
    get(path('users', user, 'mailboxes', mailbox, 'messages', uid, 'raw'), { as: 'blob' }),
  htmlUrl: (user, mailbox, uid) => withToken(path('users', user, 'mailboxes', mailbox, 'messages', uid, 'html')),
  part: (user, mailbox, uid, part) =>
    get(path('users', user, 'mailboxes', mailbox, 'messages', uid, 'parts', part), { as: 'blob' }),
  deliver: (user, mailbox, file) =>
    call('POST', path('users', user, 'mailboxes', mailbox, 'messages'), { body: file, type: 'message/rfc822' }),
  flags: (user, mailbox, uid, add, remove) =>
    call('PUT', path('users', user, 'mailboxes', mailbox, 'messages', uid, 'flags'), { body: { add, remove } }),
  remove: (user, mailbox, uid) => call('DELETE', path('users', user, 'mailboxes', mailbox, 'messages', uid)),
  journal: (query) => get(`/api/journal?${new URLSearchParams(query)}`),
  clearJournal: () => call('DELETE', '/api/journal'),
  streamUrl: () => withToken('/api/journal/stream'),
  faults: () => get('/api/faults'),
  addFault: (line) => call('POST', '/api/faults', { body: line }),
  removeFault: (id) => call('DELETE', path('faults', id)),
  removeAllFaults: () => call('DELETE', '/api/faults'),
  clientReport: () => get('/api/client-report'),
  reset: () => call('POST', '/api/reset'),
};
