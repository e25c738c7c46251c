// Sound Box web UI: plain ES modules, no build step. The player core is the radio widget's
// (/widget/soundbox-radio.js, loaded first); every API call carries the session's bearer token.
import { api, session, signOut, useToken } from './js/api.js';
import { el, iconButton, setIcon, modal, button, fail, toast, fill } from './js/ui.js';
import { player } from './js/player.js';
import { mountRadio } from './js/radio.js';
import { mountLibrary } from './js/library.js';
import { mountGenerate } from './js/generate.js';
import { mountPlaylists } from './js/playlists.js';
import { mountHistory, mountMine } from './js/history.js';

const TABS = [['radio', 'Radio', mountRadio], ['library', 'Library', mountLibrary], ['generate', 'Generate', mountGenerate],
  ['playlists', 'Playlists', mountPlaylists], ['history', 'History', mountHistory], ['mine', 'My generations', mountMine]];
const views = {};
let currentTab = null;

function buildTabs() {
  const list = document.getElementById('tabs');
  const main = document.getElementById('main');
  TABS.forEach(([id, label, mount], i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: 'tab-' + id, 'aria-controls': 'panel-' + id,
      'aria-selected': 'false', tabindex: i ? '-1' : '0', onclick: () => select(id, true) }, label);
    list.append(tab);
    const panel = el('section.panel', { role: 'tabpanel', id: 'panel-' + id, 'aria-labelledby': 'tab-' + id, hidden: true, tabindex: '-1' });
    main.append(panel);
    views[id] = mount(panel);
  });
  list.addEventListener('keydown', (ev) => {
    const ids = TABS.map((t) => t[0]);
    let i = ids.indexOf(currentTab);
    if (ev.key === 'ArrowRight') i = (i + 1) % ids.length;
    else if (ev.key === 'ArrowLeft') i = (i - 1 + ids.length) % ids.length;
    else if (ev.key === 'Home') i = 0;
    else if (ev.key === 'End') i = ids.length - 1;
    else return;
    ev.preventDefault();
    select(ids[i], true);
    document.getElementById('tab-' + ids[i]).focus();
  });
}

function select(id, push) {
  if (!views[id]) id = 'radio';
  if (currentTab === id) return;
  if (currentTab) views[currentTab].hide();
  currentTab = id;
  TABS.forEach(([t]) => {
    const tab = document.getElementById('tab-' + t);
    tab.setAttribute('aria-selected', String(t === id));
    tab.tabIndex = t === id ? 0 : -1;
    document.getElementById('panel-' + t).hidden = t !== id;
  });
  views[id].show();
  renderMini();
  if (push && location.hash !== '#' + id && !location.pathname.startsWith('/track/')) history.replaceState(null, '', '#' + id);
}

// Mini-player: on every tab but Radio, while something is loaded.
function buildMini() {
  const mini = document.getElementById('mini');
  const title = el('button.mini-title', { type: 'button', title: 'Open the radio', onclick: () => select('radio', true) });
  const play = iconButton('play', 'Play', () => player.toggle());
  const bar = el('div.progress-bar');
  mini.append(el('div.progress.thin', {}, bar), el('div.row.tight', {}, iconButton('prev', 'Previous', () => player.previous()),
    play, iconButton('next', 'Next', () => player.next(true)), title));
  const state = () => {
    setIcon(play, player.playing ? 'pause' : 'play');
    play.title = player.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-label', play.title);
    title.textContent = player.current ? (player.current.prompt || player.current.id) : '';
    renderMini();
  };
  ['track', 'play', 'pause'].forEach((e) => player.on(e, state));
  player.on('time', (d) => { bar.style.width = (d.duration ? d.current / d.duration * 100 : 0) + '%'; });
  player.on('error', (e) => toast(e.message, 'error'));
  player.on('blocked', () => toast('Press play to start the audio'));
}

function renderMini() {
  document.getElementById('mini').hidden = currentTab === 'radio' || !player.current;
}

async function showSession() {
  const box = document.getElementById('session');
  try {
    const s = await session();
    fill(box, el('span.muted', {}, s.userId + ' · ' + s.tier),
      button('Token…', tokenDialog, { cls: 'ghost small' }));
  } catch (e) {
    box.textContent = 'Offline: ' + e.message;
  }
}

function tokenDialog() {
  modal('Session', (body, close) => {
    const input = el('textarea', { rows: '4', placeholder: 'Paste a token (./soundbox token --user NAME --tier TIER)', 'aria-label': 'Token' });
    body.append(el('p.muted', {}, 'You are signed in with a guest token. Paste another token to act as another user.'), input,
      el('div.actions', {}, button('New guest', () => { signOut(); close(); location.reload(); }),
        button('Use token', () => {
          try { useToken(input.value.trim()); close(); location.reload(); } catch (e) { toast('That is not a token', 'error'); }
        }, { cls: 'primary' })));
  });
}

// A share link (/track/{id}) opens the radio with that track playing (or ready to play).
async function openSharedTrack() {
  const m = /^\/track\/([A-Za-z0-9_.-]{1,128})\/?$/.exec(location.pathname);
  if (!m) return false;
  select('radio', false);
  try {
    const item = await api('/api/library/' + encodeURIComponent(m[1]));
    await player.playNow(item, 'direct');
  } catch (e) { fail(e); }
  return true;
}

function shortcuts() {
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) return;
    if (document.querySelector('#modals .backdrop')) return;
    const n = parseInt(ev.key, 10);
    if (n >= 1 && n <= TABS.length) { select(TABS[n - 1][0], true); return; }
    const keys = { k: () => player.toggle(), n: () => player.next(true), p: () => player.previous(),
      '/': () => { select('library', true); document.querySelector('#panel-library input[type=search]').focus(); },
      f: () => { select('radio', true); views.radio.fullscreen(true); }, '?': helpDialog };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
}

function helpDialog() {
  modal('Keyboard', (body) => body.append(el('dl.keys', {},
    [['1–6', 'switch tabs'], ['k', 'play / pause'], ['n / p', 'next / previous'], ['/', 'search the library'],
      ['f', 'fullscreen visualiser'], ['Space, ←/→, ↑/↓, m, Esc', 'in fullscreen: play, seek, volume, mute, exit'],
      ['Alt+↑/↓', 'move a playlist track'], ['?', 'this help']].map(([k, d]) => [el('dt', {}, k), el('dd', {}, d)]))));
}

// Gamepad (optional): A play/pause, B next, LB/RB previous/next tab.
function gamepad() {
  let prev = [];
  let polling = false;
  const poll = () => {
    const pad = [...(navigator.getGamepads ? navigator.getGamepads() : [])].find(Boolean);
    if (!pad) { polling = false; return; }
    const down = pad.buttons.map((b) => b.pressed);
    const pressed = (i) => down[i] && !prev[i];
    const ids = TABS.map((t) => t[0]);
    if (pressed(0)) player.toggle();
    if (pressed(1)) player.next(true);
    if (pressed(4)) select(ids[(ids.indexOf(currentTab) - 1 + ids.length) % ids.length], true);
    if (pressed(5)) select(ids[(ids.indexOf(currentTab) + 1) % ids.length], true);
    prev = down;
    requestAnimationFrame(poll);
  };
  window.addEventListener('gamepadconnected', () => { if (!polling) { polling = true; toast('Gamepad connected'); poll(); } });
}

function start() {
  buildTabs();
  buildMini();
  shortcuts();
  gamepad();
  showSession();
  openSharedTrack().then((shared) => { if (!shared) select(location.hash.slice(1) || 'radio', false); });
  window.addEventListener('hashchange', () => select(location.hash.slice(1), false));
}

start();
