// Sound Box web UI: vanilla JS, no build step. Authenticates with a guest token from
// POST /api/auth/guest (local mode), kept in localStorage and sent as "Authorization: Bearer".
(function () {
  'use strict';

  const TOKEN_KEY = 'soundbox.token';
  const $ = (id) => document.getElementById(id);
  let pollTimer = null;

  function storedToken() {
    try {
      const saved = JSON.parse(localStorage.getItem(TOKEN_KEY) || 'null');
      // Renew a minute early so a request never races the expiry.
      if (saved && saved.token && saved.expiresAt > Date.now() + 60000) return saved;
    } catch (e) { /* corrupt entry: fetch a new token */ }
    return null;
  }

  async function fetchGuestToken() {
    const res = await fetch('/api/auth/guest', { method: 'POST' });
    if (!res.ok) throw new Error(await problemText(res));
    const body = await res.json();
    const saved = { token: body.token, userId: body.user_id, tier: body.tier,
      expiresAt: Date.now() + body.expires_in * 1000 };
    localStorage.setItem(TOKEN_KEY, JSON.stringify(saved));
    return saved;
  }

  async function session() {
    return storedToken() || fetchGuestToken();
  }

  // Calls the API with the bearer token; one retry with a fresh token after a 401.
  async function api(path, options = {}, retried = false) {
    const s = await session();
    const headers = Object.assign({}, options.headers, { Authorization: 'Bearer ' + s.token });
    const res = await fetch(path, Object.assign({}, options, { headers }));
    if (res.status === 401 && !retried) {
      localStorage.removeItem(TOKEN_KEY);
      return api(path, options, true);
    }
    return res;
  }

  async function problemText(res) {
    try {
      const p = await res.json();
      return p.detail || p.title || ('HTTP ' + res.status);
    } catch (e) {
      return 'HTTP ' + res.status;
    }
  }

  function show(el, visible) { el.hidden = !visible; }

  async function onGenerate(event) {
    event.preventDefault();
    const button = $('generate-button');
    const error = $('generate-error');
    show(error, false);
    button.disabled = true;
    try {
      const body = {
        prompt: $('prompt').value.trim() || undefined,
        model: $('model').value,
        duration: parseInt($('duration').value, 10),
        loop: $('loop').checked
      };
      const res = await api('/generate', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
      if (res.status !== 202) throw new Error(await problemText(res));
      const accepted = await res.json();
      trackJob(accepted.job_id);
    } catch (e) {
      error.textContent = e.message;
      show(error, true);
    } finally {
      button.disabled = false;
    }
  }

  function trackJob(jobId) {
    if (pollTimer) clearInterval(pollTimer);
    show($('job'), true);
    show($('job-audio'), false);
    show($('job-error'), false);
    renderJob({ status: 'queued', progress_pct: 0, position: 0 });
    pollTimer = setInterval(() => pollJob(jobId), 1000);
    pollJob(jobId);
  }

  async function pollJob(jobId) {
    try {
      const res = await api('/job/' + encodeURIComponent(jobId));
      if (!res.ok) return; // not visible yet: keep polling
      const job = await res.json();
      renderJob(job);
      if (['completed', 'failed', 'cancelled'].includes(job.status)) {
        clearInterval(pollTimer);
        pollTimer = null;
      }
    } catch (e) { /* network hiccup: the next tick retries */ }
  }

  function renderJob(job) {
    $('job-status').textContent = job.status;
    $('job-position').textContent = job.status === 'queued' && job.position > 0
      ? '(position ' + job.position + ')' : '';
    $('job-progress').value = job.progress_pct || 0;
    if (job.status === 'completed' && job.audio_url) {
      const audio = $('job-audio');
      if (audio.getAttribute('src') !== job.audio_url) audio.src = job.audio_url;
      show(audio, true);
    }
    if (job.error) {
      $('job-error').textContent = job.error;
      show($('job-error'), true);
    }
  }

  async function onSearch(event) {
    event.preventDefault();
    const status = $('library-status');
    const list = $('library-results');
    const q = $('library-query').value.trim();
    status.textContent = 'Searching…';
    list.replaceChildren();
    try {
      const res = await fetch('/api/library?per_page=20' + (q ? '&q=' + encodeURIComponent(q) : ''));
      if (!res.ok) throw new Error(await problemText(res));
      const page = await res.json();
      const items = page.items || [];
      status.textContent = items.length ? (page.total || items.length) + ' result(s)' : 'Nothing found.';
      for (const item of items) list.appendChild(libraryItem(item));
    } catch (e) {
      status.textContent = e.message;
    }
  }

  function libraryItem(item) {
    const li = document.createElement('li');
    const title = document.createElement('div');
    title.textContent = item.prompt || item.filename || item.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [item.model, item.duration ? Math.round(item.duration) + ' s' : null]
      .filter(Boolean).join(' · ');
    li.append(title, meta);
    const src = item.audio_url || (item.filename ? '/audio/' + encodeURIComponent(item.filename) : null);
    if (src) {
      const audio = document.createElement('audio');
      audio.controls = true;
      audio.preload = 'none';
      audio.src = src;
      li.appendChild(audio);
    }
    return li;
  }

  // A share link (/track/{id}) opens the app with that track ready to play.
  async function openSharedTrack() {
    const match = /^\/track\/([A-Za-z0-9_.-]{1,128})\/?$/.exec(window.location.pathname);
    if (!match) return;
    show($('shared'), true);
    try {
      const res = await fetch('/api/library/' + encodeURIComponent(match[1]));
      if (!res.ok) throw new Error(await problemText(res));
      const item = await res.json();
      $('shared-prompt').textContent = item.prompt || item.filename || item.id;
      $('shared-meta').textContent = [item.model, item.duration ? Math.round(item.duration) + ' s' : null]
        .filter(Boolean).join(' · ');
      const src = item.audio_url || (item.filename ? '/audio/' + encodeURIComponent(item.filename) : null);
      if (src) {
        const audio = $('shared-audio');
        audio.src = src;
        show(audio, true);
        audio.play().catch(() => { /* autoplay blocked: the controls are there */ });
      }
    } catch (e) {
      $('shared-error').textContent = 'Could not open this track: ' + e.message;
      show($('shared-error'), true);
    }
  }

  async function start() {
    $('generate-form').addEventListener('submit', onGenerate);
    $('library-form').addEventListener('submit', onSearch);
    openSharedTrack();
    try {
      const s = await session();
      $('session').textContent = 'Signed in as ' + s.userId + ' (' + s.tier + ' tier)';
    } catch (e) {
      $('session').textContent = 'Could not get a session: ' + e.message;
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
