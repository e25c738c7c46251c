// Radio tab: stations, now playing with visualiser (fullscreen), votes, favorite, tag, download, up next.
import { el, iconButton, setIcon, duration, fail, fill } from './ui.js';
import { player } from './player.js';
import { actionBar, itemMeta, loadFavorites } from './actions.js';
import { spectrogramUrl } from './api.js';

const STATIONS = [['all', 'All'], ['ambient', 'Ambient'], ['lofi', 'Lo-fi'], ['retro', 'Retro'], ['piano', 'Piano'],
  ['happy', 'Happy'], ['dreamy', 'Dreamy'], ['favorites', 'Favorites'], ['trending', 'Trending'],
  ['top-rated', 'Top rated'], ['new', 'New'], ['surprise', 'Surprise']];

export function mountRadio(root) {
  const stations = el('div.stations', { role: 'group', 'aria-label': 'Stations' });
  const stationButtons = STATIONS.map(([id, label]) => {
    const b = el('button.station', { type: 'button', 'aria-pressed': 'false', dataset: { station: id } }, label);
    b.addEventListener('click', () => tune(id));
    stations.append(b);
    return b;
  });

  const canvas = el('canvas.viz', { 'aria-hidden': 'true' });
  const vizSelect = el('select', { 'aria-label': 'Visualiser' },
    window.SoundboxRadio.VISUALIZERS.concat(['random']).map((v) => el('option', { value: v }, v)));
  const stage = el('div.stage', { tabindex: '-1' }, canvas);
  const viz = new window.SoundboxRadio.Visualizer(canvas, player, 'bars');
  vizSelect.addEventListener('change', () => viz.setMode(vizSelect.value));

  const title = el('h2.now-title', { 'aria-live': 'polite' }, 'Pick a station');
  const meta = el('p.muted.now-meta');
  const time = el('span.muted.now-time');
  const bar = el('div.progress-bar');
  const progress = el('div.progress', { role: 'progressbar', 'aria-label': 'Position', 'aria-valuemin': '0',
    'aria-valuemax': '100', 'aria-valuenow': '0' }, bar);
  progress.addEventListener('click', (ev) => {
    const a = player.active();
    const r = progress.getBoundingClientRect();
    if (isFinite(a.duration)) a.currentTime = (ev.clientX - r.left) / r.width * a.duration;
  });
  const playBtn = iconButton('play', 'Play', () => player.toggle(), 'big');
  const volume = el('input', { type: 'range', min: '0', max: '1', step: '0.05', value: String(player.volume),
    'aria-label': 'Volume' });
  volume.addEventListener('input', () => player.setVolume(parseFloat(volume.value)));
  const muteBtn = iconButton(player.muted ? 'mute' : 'volume', 'Mute', () => player.toggleMute());
  const controls = el('div.controls', {},
    iconButton('prev', 'Previous', () => player.previous()), playBtn, iconButton('next', 'Next', () => player.next(true)),
    muteBtn, volume, vizSelect,
    iconButton('fullscreen', 'Fullscreen visualiser', () => fullscreen(true)));
  const actions = el('div');
  const spectro = el('img.spectrogram', { alt: '', hidden: true });
  const upnext = el('ol.upnext', { 'aria-label': 'Up next' });
  const history = el('ol.history', { 'aria-label': 'Recently played' });

  root.append(stations,
    el('div.radio-grid', {},
      el('div.card.now', {}, stage, title, meta, el('div.row.tight', {}, progress, time), controls, actions, spectro),
      el('div.card', {}, el('h3', {}, 'Up next'), upnext, el('h3', {}, 'Recently played'), history)));

  function tune(id) {
    stationButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.station === id)));
    player.setStation(id).catch(fail);
  }

  function fullscreen(on) {
    stage.classList.toggle('fullscreen', on);
    if (on) {
      stage.focus();
      if (stage.requestFullscreen) stage.requestFullscreen().catch(() => {});
    } else if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    }
  }
  document.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement) stage.classList.remove('fullscreen'); });
  stage.addEventListener('click', () => { if (stage.classList.contains('fullscreen')) fullscreen(false); });
  stage.addEventListener('keydown', (ev) => {
    if (!stage.classList.contains('fullscreen')) return;
    const keys = { ' ': () => player.toggle(), ArrowLeft: () => player.seek(-10), ArrowRight: () => player.seek(10),
      ArrowUp: () => player.setVolume(player.volume + 0.05), ArrowDown: () => player.setVolume(player.volume - 0.05),
      m: () => player.toggleMute(), M: () => player.toggleMute(), Escape: () => fullscreen(false) };
    if (keys[ev.key]) { ev.preventDefault(); ev.stopPropagation(); keys[ev.key](); }
  });

  function renderTrack(t) {
    title.textContent = t.prompt || t.filename || t.id;
    meta.textContent = itemMeta(t);
    fill(actions, actionBar(t, { source: 'radio', onPlay: () => player.play() }));
    const s = spectrogramUrl(t);
    spectro.hidden = !s;
    if (s) spectro.src = s;
    loadFavorites([t.id]).then(() => fill(actions, actionBar(t, { source: 'radio', onPlay: () => player.play() })));
  }
  function renderList(list, items, playable) {
    fill(list, ...items.slice(0, 10).map((t, i) => el('li', {},
      el('span.grow', {}, t.prompt || t.id), el('span.muted', {}, duration(t.duration)),
      playable ? iconButton('close', 'Remove from queue', () => { player.queue.splice(i, 1); renderList(list, player.queue, true); }) : null)));
    if (!items.length) list.append(el('li.muted', {}, playable ? 'Fetching…' : 'Nothing yet'));
  }
  function renderState() {
    setIcon(playBtn, player.playing ? 'pause' : 'play');
    playBtn.title = player.playing ? 'Pause' : 'Play';
    playBtn.setAttribute('aria-label', playBtn.title);
  }
  player.on('track', (t) => { renderTrack(t); renderList(history, player.history, false); renderState(); });
  player.on('queue', (q) => renderList(upnext, q, true));
  player.on('play', renderState);
  player.on('pause', renderState);
  player.on('volume', () => { volume.value = String(player.volume); setIcon(muteBtn, player.muted ? 'mute' : 'volume'); });
  player.on('error', (e) => { meta.textContent = e.message; });
  player.on('time', (d) => {
    const pct = d.duration ? d.current / d.duration * 100 : 0;
    bar.style.width = pct + '%';
    progress.setAttribute('aria-valuenow', String(Math.round(pct)));
    time.textContent = duration(d.current) + ' / ' + duration(d.duration);
  });

  renderList(upnext, [], true);
  renderList(history, [], false);
  stationButtons[0].setAttribute('aria-pressed', 'true');
  return {
    show() { viz.start(); if (!player.current && !player.queue.length) player.fill(); },
    hide() { viz.stop(); },
    tune,
    fullscreen
  };
}
