// The REST API as the dashboard calls it: the bearer token of this tab, problems as errors.

const TOKEN_KEY = 'rapport.token';
const RETURN_KEY = 'rapport.return';

export class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }

  /** The field errors of a validation problem: [{field, message}]. */
  get errors() {
    return this.body.errors || [];
  }
}

let onSignedOut = () => {};

/** What to do when the server refuses the token: the router shows the sign-in with a message. */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function claims(raw) {
  try {
    const payload = raw.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch (e) {
    return {};
  }
}

/** The signed-in token's claims (its signature is the server's business, not the page's). */
export function caller() {
  const raw = token();
  if (!raw) return null;
  const c = claims(raw);
  return { roles: c.groups || [], orgId: c.org_id || null, funderId: c.funder_id || null, subject: c.sub || '',
    expiresAt: c.exp ? c.exp * 1000 : null };
}

export function mayRecord() {
  const c = caller();
  return Boolean(c && c.roles.some((r) => r === 'partner' || r === 'admin'));
}

export function signIn(raw) {
  sessionStorage.setItem(TOKEN_KEY, raw.trim());
}

/** Forgets the token; remembers where the reader was, so signing in again returns there. */
export function signOut(keepPlace) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (keepPlace && location.hash.length > 2) sessionStorage.setItem(RETURN_KEY, location.hash);
}

/** Where to go after signing in: the deep link that asked for it, once. */
export function returnPlace() {
  const place = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return place;
}

export function rememberPlace(hash) {
  if (hash && hash.length > 2) sessionStorage.setItem(RETURN_KEY, hash);
}

/** Whether the token's own expiry has passed. */
export function expired() {
  const c = caller();
  return Boolean(c && c.expiresAt && c.expiresAt <= Date.now());
}

async function call(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const raw = token();
  if (raw) headers.Authorization = `Bearer ${raw}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (response.status === 401 && raw) {
    signOut(true);
    onSignedOut(expired() ? 'Your sign-in has expired. Sign in again to carry on where you were.'
      : 'Your token was refused (it may have expired). Sign in again to carry on where you were.');
    throw new Problem(401, null);
  }
  return response;
}

export async function api(path, options = {}) {
  const response = await call(path, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

/** A download the API answers in another media type (the portfolio as CSV). */
export async function download(path, accept, filename) {
  const response = await call(path, { headers: { Accept: accept } });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    throw new Problem(response.status, body);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = disposition.match(/filename="([^"]+)"/);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = named ? named[1] : filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return blob;
}

let contract = null;

/** The API's own contract, whose payload schemas the forms are built from. */
export async function contractSchemas() {
  if (!contract) {
    contract = fetch('/q/openapi?format=json', { headers: { Accept: 'application/json' } })
      .then((r) => { if (!r.ok) throw new Problem(r.status, null); return r.json(); })
      .then((doc) => doc.components.schemas)
      .catch((e) => { contract = null; throw e; });
  }
  return contract;
}
