// API access: a guest session (POST /api/auth/guest, kept in localStorage) and a fetch wrapper that
// sends "Authorization: Bearer" on EVERY call and turns problem+json answers into errors with detail.
const TOKEN_KEY = 'soundbox.token';
let pending = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

function stored() {
  try {
    const saved = JSON.parse(localStorage.getItem(TOKEN_KEY) || 'null');
    // Renew a minute early so a request never races the expiry.
    if (saved && saved.token && saved.expiresAt > Date.now() + 60000) return saved;
  } catch (e) { /* corrupt entry: fetch a new token */ }
  return null;
}

async function guest() {
  const res = await fetch('/api/auth/guest', { method: 'POST' });
  if (!res.ok) throw new ApiError(res.status, await problem(res));
  const body = await res.json();
  const saved = { token: body.token, userId: body.user_id, tier: body.tier,
    expiresAt: Date.now() + body.expires_in * 1000 };
  localStorage.setItem(TOKEN_KEY, JSON.stringify(saved));
  return saved;
}

/** The current session, signing in as a guest when there is none. */
export async function session() {
  const s = stored();
  if (s) return s;
  if (!pending) pending = guest().finally(() => { pending = null; });
  return pending;
}

/** Uses a token pasted by the user (e.g. from ./soundbox token), reading tier and user from its claims. */
export function useToken(token) {
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const saved = { token, userId: claims.upn || claims.sub, tier: claims.tier || 'free',
    expiresAt: (claims.exp || 0) * 1000 };
  localStorage.setItem(TOKEN_KEY, JSON.stringify(saved));
  return saved;
}

export function signOut() { localStorage.removeItem(TOKEN_KEY); }

async function problem(res) {
  try {
    const body = await res.json();
    return typeof body === 'object' && body ? body : { detail: String(body) };
  } catch (e) {
    return { title: res.statusText || ('HTTP ' + res.status) };
  }
}

/** Calls the API; JSON bodies are sent as JSON; answers parsed JSON or throws ApiError. */
export async function api(path, { method = 'GET', body, retried = false } = {}) {
  const s = await session();
  const headers = { Authorization: 'Bearer ' + s.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401 && !retried) {
    signOut();
    return api(path, { method, body, retried: true });
  }
  if (!res.ok) throw new ApiError(res.status, await problem(res));
  if (res.status === 204) return {};
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : {};
}

export function query(params) {
  const p = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') p.set(k, v); });
  const s = p.toString();
  return s ? '?' + s : '';
}

/** The URL to play: the API's audio_url (signed for private files) or /audio/{filename}. */
export function audioUrl(item) {
  return item.audio_url || (item.filename ? '/audio/' + encodeURIComponent(item.filename) : null);
}

export function spectrogramUrl(item) {
  if (item.spectrogram_url) return item.spectrogram_url;
  const s = item.spectrogram;
  if (!s) return null;
  return s.startsWith('/') ? s : '/spectrogram/' + encodeURIComponent(s);
}

export function downloadUrl(item) {
  if (item.download_url) return item.download_url;
  const a = audioUrl(item);
  if (a && a.startsWith('/audio/')) return a.replace('/audio/', '/download/');
  return a;
}

/** GETs binary content (a voice sample) with the bearer token; answers an object URL. */
export async function apiBlobUrl(path) {
  const s = await session();
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + s.token } });
  if (!res.ok) throw new ApiError(res.status, await problem(res));
  return URL.createObjectURL(await res.blob());
}

// Maximum clip length per tier (docs/api.md); admin has none, the UI caps its slider at 300 s.
export const TIER_MAX_DURATION = { free: 30, supporter: 60, premium: 120, creator: 180, admin: 300 };
