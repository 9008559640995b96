// Talks to the HTTPS API with the session cookie. The CSRF token lives in
// memory only (never in storage): after a reload the user logs in again.

let csrfToken = null;
const sessionEndedListeners = [];

export function onSessionEnded(listener) {
  sessionEndedListeners.push(listener);
}

export function setCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

// One request; resolves to the JSON answer (null for 204), rejects with ApiError.
export async function api(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 || !type.includes('json') ? null : await response.json();
  if (response.status === 401 && path !== '/api/v1/session') {
    csrfToken = null;
    for (const listener of sessionEndedListeners) listener();
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export async function logIn(username, password) {
  const answer = await api('POST', '/api/v1/session', {username, password});
  csrfToken = answer.csrf_token;
  return answer.user;
}

export async function logOut() {
  try {
    await api('DELETE', '/api/v1/session');
  } finally {
    csrfToken = null;
  }
}
