// Talks to the HTTPS API with the session cookie. The CSRF token lives in
// memory only (never in storage). A reloaded page resumes its session with
// GET /api/v1/session, which hands out a new CSRF token (the old one stops
// working); a change refused for a stale token is retried once after that.

let csrfToken = null;
const sessionEndedListeners = [];
const sessionPath = '/api/v1/session';

export function onSessionEnded(listener) {
  sessionEndedListeners.push(listener);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function send(method, path, body) {
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
  return {response, data};
}

// The server's refusal of a change made with the cookie but without a valid CSRF token.
function staleCsrf(method, {response, data}) {
  return method !== 'GET' && response.status === 403 && /X-CSRF-Token/.test(data?.detail || '');
}

// One request; resolves to the JSON answer (null for 204), rejects with ApiError.
export async function api(method, path, body) {
  let answer = await send(method, path, body);
  if (staleCsrf(method, answer) && await resumeSession()) answer = await send(method, path, body);
  const {response, data} = answer;
  if (response.status === 401 && path !== sessionPath) {
    csrfToken = null;
    for (const listener of sessionEndedListeners) listener();
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// The user of the session cookie, with a new CSRF token; null without a live session.
export async function resumeSession() {
  const {response, data} = await send('GET', sessionPath);
  if (!response.ok || !data?.csrf_token) {
    csrfToken = null;
    return null;
  }
  csrfToken = data.csrf_token;
  return data.user;
}

export async function logIn(username, password) {
  const answer = await api('POST', sessionPath, {username, password});
  csrfToken = answer.csrf_token;
  return answer.user;
}

export async function logOut() {
  try {
    await api('DELETE', sessionPath);
  } finally {
    csrfToken = null;
  }
}
