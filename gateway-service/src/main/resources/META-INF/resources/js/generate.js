// Generate tab: model status, queue explorer with cancel, music/SFX/speech forms, live job progress, result.
import { api, apiBlobUrl, audioUrl, spectrogramUrl, session, TIER_MAX_DURATION } from './api.js';
import { el, button, iconButton, toast, fail, duration, fill } from './ui.js';
import { actionBar } from './actions.js';

const EXAMPLES = {
  music: ['lofi hip hop beat with warm piano and vinyl crackle', 'epic orchestral trailer music with big drums',
    'chiptune arcade theme, upbeat and catchy', 'ambient drone with soft pads for meditation',
    '80s synthwave with driving bass and retro drums'],
  sfx: ['heavy rain on a tin roof with distant thunder', 'sci-fi laser blast', 'footsteps on gravel',
    'magic sparkle power up', 'crackling campfire at night'],
  speech: ['Welcome to Sound Box. Your track is ready.', 'The quick brown fox jumps over the lazy dog.',
    'Level complete! Well done, adventurer.']
};
const TERMINAL = ['completed', 'failed', 'cancelled'];

export function mountGenerate(root) {
  let kind = 'music';
  let pollTimer = null;
  let voices = [];

  const statusBox = el('div.card.status', {}, el('h3', {}, 'Models'), el('p.muted', {}, 'Loading…'));
  const queueBox = el('div.card.queue', {}, el('h3', {}, 'Queue'), el('p.muted', {}, 'Loading…'));

  const kinds = el('div.segmented', { role: 'group', 'aria-label': 'What to generate' },
    [['music', 'Music'], ['sfx', 'Sound effect'], ['speech', 'Speech']].map(([k, l]) =>
      el('button', { type: 'button', 'aria-pressed': String(k === kind), dataset: { kind: k }, onclick: () => setKind(k) }, l)));
  const prompt = el('textarea', { id: 'gen-prompt', rows: '3', maxlength: '500', required: true,
    placeholder: 'Describe the sound…' });
  const promptLabel = el('label', { for: 'gen-prompt' }, 'Prompt');
  const examples = el('div.chips', { 'aria-label': 'Examples' });
  const randomBtn = button('Random prompt', randomPrompt, { cls: 'ghost' });
  const engine = el('select', { 'aria-label': 'Engine' });
  const dur = el('input', { type: 'range', min: '3', max: '30', value: '8', 'aria-label': 'Duration in seconds' });
  const durOut = el('output', {}, '8 s');
  dur.addEventListener('input', () => { durOut.textContent = dur.value + ' s'; });
  const loop = el('input', { type: 'checkbox' });
  const isPublic = el('input', { type: 'checkbox', checked: true });
  const voice = el('select', { 'aria-label': 'Voice' });
  const voiceInfo = el('p.muted.voice-info');
  const sampleBtn = button('Play sample', playSample, { cls: 'ghost' });
  voice.addEventListener('change', showVoice);
  const submit = el('button.primary', { type: 'submit' }, 'Generate');
  const musicOnly = el('div.row', {}, el('label', {}, 'Engine', engine),
    el('label', {}, 'Duration ', durOut, dur), el('label.check', {}, loop, 'Seamless loop'));
  const speechOnly = el('div.row', { hidden: true }, el('label', {}, 'Voice', voice), sampleBtn, voiceInfo);
  const form = el('form.card', { onsubmit: onSubmit }, kinds, promptLabel, prompt, el('div.row', {}, examples, randomBtn),
    musicOnly, speechOnly, el('div.row', {}, el('label.check', {}, isPublic, 'Public (others can find and play it)'), submit));

  const jobBox = el('div.card.job', { hidden: true });
  root.append(el('div.generate-grid', {}, el('div', {}, form, jobBox), el('div', {}, statusBox, queueBox)));

  function setKind(k) {
    kind = k;
    kinds.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.kind === k)));
    musicOnly.hidden = k === 'speech';
    speechOnly.hidden = k !== 'speech';
    randomBtn.hidden = k === 'speech';
    promptLabel.textContent = k === 'speech' ? 'Text to speak' : 'Prompt';
    prompt.maxLength = k === 'speech' ? 5000 : 500;
    fill(engine, ...(k === 'sfx'
      ? [el('option', { value: 'audio' }, 'AudioGen'), el('option', { value: 'magnet-audio' }, 'MAGNeT audio')]
      : [el('option', { value: 'music' }, 'MusicGen'), el('option', { value: 'magnet-music' }, 'MAGNeT music')]));
    fill(examples, ...EXAMPLES[k].map((x) => el('button.chip', { type: 'button', onclick: () => { prompt.value = x; prompt.focus(); } },
      x.length > 34 ? x.slice(0, 32) + '…' : x)));
    if (k === 'speech' && !voices.length) loadVoices();
  }

  async function randomPrompt() {
    try {
      const r = await api('/random-prompt', { method: 'POST', body: { model: kind === 'sfx' ? 'audio' : 'music' } });
      prompt.value = r.prompt;
    } catch (e) { fail(e); }
  }

  async function loadVoices() {
    try {
      const r = await api('/api/voices');
      voices = r.voices || [];
      fill(voice, ...voices.map((v) => el('option', { value: v.id },
        v.name + ' · ' + v.locale + (v.quality ? ' · ' + v.quality : '') + (v.commercial_ok ? '' : ' · non-commercial'))));
      showVoice();
    } catch (e) { fail(e); }
  }

  function showVoice() {
    const v = voices.find((x) => x.id === voice.value);
    if (!v) { fill(voiceInfo); return; }
    const licence = v.license_url ? el('a', { href: v.license_url, target: '_blank', rel: 'noopener' }, v.license_short || v.license)
      : (v.license_short || v.license || 'licence unknown');
    fill(voiceInfo, 'Licence: ', licence, v.attribution ? ' · ' + v.attribution : '',
      v.license_warning ? el('span.warn', {}, ' ⚠ ' + v.license_warning) : '');
  }

  async function playSample() {
    try {
      const url = await apiBlobUrl('/api/tts/sample/' + encodeURIComponent(voice.value));
      const a = new Audio(url);
      a.addEventListener('ended', () => URL.revokeObjectURL(url));
      await a.play();
    } catch (e) { fail(e); }
  }

  async function onSubmit(ev) {
    ev.preventDefault();
    submit.disabled = true;
    try {
      if (kind === 'speech') {
        const r = await api('/api/tts/generate', { method: 'POST', body: { text: prompt.value.trim(), voice: voice.value,
          save_to_library: true, is_public: isPublic.checked } });
        showResult({ status: 'completed', prompt: prompt.value.trim(), model: 'voice', id: r.gen_id, ...r });
        toast('Speech ready');
      } else {
        const r = await api('/generate', { method: 'POST', body: { prompt: prompt.value.trim() || undefined,
          model: engine.value, duration: parseInt(dur.value, 10), loop: loop.checked, is_public: isPublic.checked } });
        toast(r.queue_message || 'Queued');
        track(r.job_id);
        loadQueue();
      }
    } catch (e) { fail(e); } finally { submit.disabled = false; }
  }

  function track(jobId) {
    clearInterval(pollTimer);
    jobBox.hidden = false;
    renderJob({ id: jobId, status: 'queued', progress_pct: 0 });
    const poll = async () => {
      try {
        const job = await api('/job/' + encodeURIComponent(jobId));
        if (TERMINAL.includes(job.status)) { clearInterval(pollTimer); pollTimer = null; loadQueue(); }
        if (job.status === 'completed') showResult(job); else renderJob(job);
      } catch (e) { if (e.status !== 404) { clearInterval(pollTimer); fail(e); } }
    };
    pollTimer = setInterval(poll, 1000);
    poll();
  }

  function renderJob(job) {
    const pct = Math.round(job.progress_pct ?? job.progress ?? 0);
    const where = job.status === 'queued' && job.position ? 'position ' + job.position : '';
    const eta = job.eta_s ? 'about ' + duration(job.eta_s) + ' left' : '';
    fill(jobBox, el('h3', {}, 'Job ' + (job.job_id || job.id)),
      el('p', { 'aria-live': 'polite' }, el('strong', {}, job.status), ' ', el('span.muted', {}, [where, eta].filter(Boolean).join(' · '))),
      el('progress', { max: '100', value: String(pct), 'aria-label': 'Progress' }),
      job.error ? el('p.error', { role: 'alert' }, job.error) : null,
      TERMINAL.includes(job.status) ? null : button('Cancel', () => cancel(job.job_id || job.id), { cls: 'ghost' }));
  }

  function showResult(job) {
    const src = audioUrl(job);
    const spec = spectrogramUrl(job);
    const q = job.quality;
    const item = { id: job.gen_id || job.generation_id || job.id, prompt: job.prompt, model: job.model,
      filename: job.filename, audio_url: job.audio_url, duration: job.duration, spectrogram: job.spectrogram,
      spectrogram_url: job.spectrogram_url };
    jobBox.hidden = false;
    fill(jobBox, el('h3', {}, 'Result'), el('p', {}, job.prompt || ''),
      q ? el('span.badge.' + (q.is_good ? 'good' : 'bad'), { title: (q.issues || []).join(', ') || 'no issues' },
        'Quality ' + Math.round(q.score) + (q.issues && q.issues.length ? ' · ' + q.issues.join(', ') : '')) : null,
      src ? el('audio', { controls: true, src, preload: 'metadata' }) : null,
      spec ? el('img.spectrogram', { src: spec, alt: 'Spectrogram of the result' }) : null,
      item.id ? actionBar(item, { source: 'library' }) : null);
  }

  async function cancel(id) {
    try {
      await api('/api/queue/' + encodeURIComponent(id) + '/cancel', { method: 'POST' });
      toast('Cancelled');
      loadQueue();
    } catch (e) { fail(e); }
  }

  async function loadStatus() {
    try {
      const s = await api('/status');
      const models = Object.entries(s.models || {});
      const gpu = s.gpu;
      fill(statusBox, el('h3', {}, 'Models'),
        s.status === 'degraded' ? el('p.warn', {}, 'Generation service unavailable') : null,
        el('ul.plain', {}, models.map(([name, m]) => el('li', {}, el('span.dot.' + (m.loaded ? 'on' : 'off')), ' ', name, ': ',
          el('span.muted', {}, [m.state, m.engine].filter(Boolean).join(' · '))))),
        gpu && gpu.name ? el('p.muted', {}, gpu.name + (gpu.memory_total_mb ? ' · ' + gpu.memory_used_mb + '/' + gpu.memory_total_mb + ' MB' : '')) : null,
        el('p.muted', {}, 'Queue: ' + (s.queue_length ?? 0) + (s.estimated_wait ? ' · wait ≈ ' + duration(s.estimated_wait) : '')));
    } catch (e) { fill(statusBox, el('h3', {}, 'Models'), el('p.error', {}, e.message)); }
  }

  async function loadQueue() {
    try {
      const q = await api('/api/queue');
      const rows = (q.jobs || []).map((j) => el('li', {}, el('span.grow', {},
        (j.position ? '#' + j.position + ' ' : '') + (j.prompt || (j.mine ? 'my job' : 'someone\'s job'))),
      el('span.muted', {}, [j.status, j.model, j.duration ? j.duration + ' s' : null].filter(Boolean).join(' · ')),
      j.mine && j.job_id && j.status === 'queued' ? iconButton('close', 'Cancel this job', () => cancel(j.job_id)) : null,
      j.mine && j.job_id ? iconButton('eye', 'Follow this job', () => track(j.job_id)) : null));
      fill(queueBox, el('h3', {}, 'Queue'),
        el('p.muted', {}, q.queue_length + ' waiting · ' + q.running + ' running'),
        el('ul.plain.queue-list', {}, rows.length ? rows : el('li.muted', {}, 'The queue is empty.')));
    } catch (e) { fill(queueBox, el('h3', {}, 'Queue'), el('p.error', {}, e.message)); }
  }

  let refresh = null;
  setKind('music');
  return {
    async show() {
      const s = await session().catch(() => null);
      const max = TIER_MAX_DURATION[s && s.tier] || 30;
      dur.max = String(max);
      if (parseInt(dur.value, 10) > max) { dur.value = String(max); durOut.textContent = max + ' s'; }
      loadStatus();
      loadQueue();
      clearInterval(refresh);
      refresh = setInterval(() => { loadStatus(); loadQueue(); }, 5000);
    },
    hide() { clearInterval(refresh); refresh = null; }
  };
}
