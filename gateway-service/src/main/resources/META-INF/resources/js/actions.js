// Per-item actions shared by the tabs: play, queue, favorite, vote with feedback, tag, playlist, share, download.
import { api, downloadUrl } from './api.js';
import { el, button, iconButton, icon, setIcon, modal, toast, fail, duration } from './ui.js';
import { player } from './player.js';

// The original's feedback reasons per kind (docs/architecture.md "Categories and feedback").
export const REASONS = {
  music: { up: ['catchy', 'quality', 'creative', 'matches', 'mood', 'relaxing', 'loops_well', 'useful'],
    down: ['wrong_mood', 'too_repetitive', 'bad_loop', 'too_busy', 'too_simple', 'jarring', 'low_quality', 'inappropriate'] },
  sfx: { up: ['clear', 'quality', 'creative', 'matches', 'satisfying', 'cute', 'useful'],
    down: ['wrong_type', 'too_long', 'too_short', 'distorted', 'bad_volume', 'annoying', 'low_quality', 'inappropriate'] },
  voice: { up: ['clear', 'natural', 'expressive', 'matches', 'useful'],
    down: ['robotic', 'pronunciation', 'pacing', 'distorted', 'low_quality', 'inappropriate'] }
};

export function kindOf(item) {
  const k = String(item.kind || item.model || '').toLowerCase();
  if (/voice|speech|tts/.test(k)) return 'voice';
  if (/audio|sfx/.test(k)) return 'sfx';
  return 'music';
}

/** The library's model name for a kind (categories and filters use music|audio|voice). */
export function modelOf(item) {
  return { music: 'music', sfx: 'audio', voice: 'voice' }[kindOf(item)];
}

const favorites = new Set();

export async function loadFavorites(ids) {
  if (!ids.length) return;
  try {
    const r = await api('/api/favorites/check', { method: 'POST', body: { ids } });
    (r.favorites || []).forEach((id) => favorites.add(id));
  } catch (e) { /* shown as not favorite */ }
}

export function isFavorite(id) { return favorites.has(id); }

export async function toggleFavorite(item, btn) {
  try {
    if (favorites.has(item.id)) {
      await api('/api/favorites/' + encodeURIComponent(item.id), { method: 'DELETE' });
      favorites.delete(item.id);
      toast('Removed from favorites');
    } else {
      await api('/api/favorites/' + encodeURIComponent(item.id), { method: 'POST' });
      favorites.add(item.id);
      toast('Added to favorites');
    }
    if (btn) favButton(btn, item);
  } catch (e) { fail(e); }
}

function favButton(btn, item) {
  const on = favorites.has(item.id);
  setIcon(btn, on ? 'heart' : 'heart-o');
  btn.setAttribute('aria-pressed', String(on));
  btn.title = on ? 'Remove from favorites' : 'Add to favorites';
  btn.setAttribute('aria-label', btn.title);
}

/** Vote dialog: up or down, reasons for this kind, optional notes and reclassification. */
export function voteDialog(item, vote, onDone) {
  const kind = kindOf(item);
  const reasons = REASONS[kind][vote > 0 ? 'up' : 'down'];
  return modal(vote > 0 ? 'What did you like?' : 'What was wrong?', (body, close) => {
    const chosen = new Set();
    const chips = el('div.chips', { role: 'group', 'aria-label': 'Reasons' }, reasons.map((r) => {
      const b = el('button.chip', { type: 'button', 'aria-pressed': 'false' }, r.replace(/_/g, ' '));
      b.addEventListener('click', () => {
        if (chosen.has(r)) chosen.delete(r); else chosen.add(r);
        b.setAttribute('aria-pressed', String(chosen.has(r)));
      });
      return b;
    }));
    const notes = el('textarea', { rows: '3', maxlength: '1000', placeholder: 'Notes (private, optional)' });
    const reclassify = el('select', {},
      el('option', { value: '' }, 'Kind is right'),
      kind !== 'music' ? el('option', { value: 'music' }, 'This is music') : null,
      kind !== 'sfx' ? el('option', { value: 'audio' }, 'This is a sound effect') : null);
    const send = async (v) => {
      try {
        const body = { vote: v, feedback_reasons: [...chosen], notes: notes.value.trim() || undefined,
          suggested_model: reclassify.value || undefined };
        const r = await api('/api/library/' + encodeURIComponent(item.id) + '/vote', { method: 'POST', body });
        Object.assign(item, { upvotes: r.upvotes, downvotes: r.downvotes, user_vote: r.user_vote });
        toast(v === 0 ? 'Vote removed' : 'Thanks for the feedback');
        document.dispatchEvent(new CustomEvent('soundbox:item-changed', { detail: item }));
        close(r);
        if (onDone) onDone(r);
      } catch (e) { fail(e); }
    };
    body.append(el('p.muted', {}, item.prompt || item.id), chips,
      el('label', {}, 'Notes', notes), el('label', {}, 'Reclassify', reclassify),
      el('div.actions', {}, button('Remove my vote', () => send(0)), button('Cancel', () => close()),
        button(vote > 0 ? 'Vote up' : 'Vote down', () => send(vote), { cls: 'primary' })));
  });
}

/** Tag suggestion: add or remove a category; three users agreeing applies it. */
export async function tagDialog(item) {
  let cats = [];
  let current = item.category || [];
  try {
    const r = await api('/api/categories/' + modelOf(item));
    cats = r.categories || [];
    const s = await api('/api/library/' + encodeURIComponent(item.id) + '/tag-suggestions');
    current = s.categories || current;
  } catch (e) { fail(e); return; }
  return modal('Suggest a tag', (body, close) => {
    const select = el('select', { autofocus: true, 'aria-label': 'Category' },
      cats.map((c) => el('option', { value: typeof c === 'string' ? c : c.id }, (typeof c === 'string' ? c : c.id).replace(/_/g, ' '))));
    const send = async (action) => {
      try {
        const r = await api('/api/library/' + encodeURIComponent(item.id) + '/suggest-tag',
          { method: 'POST', body: { category: select.value, action } });
        toast(r.applied ? 'Tag applied' : 'Suggestion recorded (applied when 3 people agree)');
        close(r);
      } catch (e) { fail(e); }
    };
    body.append(el('p.muted', {}, 'Current: ' + (current.length ? current.join(', ') : 'none')),
      el('label', {}, 'Category', select),
      el('div.actions', {}, button('Cancel', () => close()), button('Suggest removing', () => send('remove')),
        button('Suggest adding', () => send('add'), { cls: 'primary' })));
  });
}

export async function playlistDialog(item) {
  let lists = [];
  try { lists = (await api('/api/playlists')).playlists || []; } catch (e) { fail(e); return; }
  return modal('Add to playlist', (body, close) => {
    const add = async (id) => {
      try {
        await api('/api/playlists/' + encodeURIComponent(id) + '/tracks', { method: 'POST', body: { generation_id: item.id } });
        toast('Added to playlist');
        close(true);
      } catch (e) { fail(e); }
    };
    const name = el('input', { type: 'text', maxlength: '100', placeholder: 'New playlist name', 'aria-label': 'New playlist name' });
    const create = el('form.row', { onsubmit: async (ev) => {
      ev.preventDefault();
      if (!name.value.trim()) return;
      try {
        const p = await api('/api/playlists', { method: 'POST', body: { name: name.value.trim() } });
        await add(p.id);
      } catch (e) { fail(e); }
    } }, name, el('button.primary', { type: 'submit' }, 'Create and add'));
    body.append(lists.length
      ? el('ul.pick', {}, lists.map((p) => el('li', {}, button(p.name + ' (' + p.track_count + ')', () => add(p.id)))))
      : el('p.muted', {}, 'No playlists yet.'), create);
  });
}

export async function share(item) {
  const url = location.origin + '/track/' + encodeURIComponent(item.id);
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied: ' + url);
  } catch (e) {
    modal('Share', (body) => body.append(el('input', { type: 'text', value: url, readonly: true, autofocus: true,
      'aria-label': 'Link' })));
  }
}

/** The row of buttons for one item. opts.source: the play report source. */
export function actionBar(item, { source = 'library', onPlay } = {}) {
  const fav = iconButton('heart-o', 'Add to favorites', () => toggleFavorite(item, fav));
  favButton(fav, item);
  const dl = downloadUrl(item);
  return el('div.actions-bar', {},
    iconButton('play', 'Play', () => (onPlay ? onPlay(item) : player.playNow(item, source))),
    iconButton('add', 'Add to queue', () => { player.enqueue(item, source); toast('Queued'); }),
    fav,
    iconButton('up', 'Vote up', () => voteDialog(item, 1)),
    iconButton('down', 'Vote down', () => voteDialog(item, -1)),
    iconButton('tag', 'Suggest a tag', () => tagDialog(item)),
    iconButton('playlist', 'Add to playlist', () => playlistDialog(item)),
    iconButton('link', 'Share', () => share(item)),
    dl ? el('a.icon', { href: dl, download: '', title: 'Download', 'aria-label': 'Download' }, icon('download')) : null);
}

export function itemMeta(item) {
  return [kindOf(item), duration(item.duration), (item.category || []).slice(0, 3).join(', '),
    '+' + (item.upvotes || 0) + ' / −' + (item.downvotes || 0), item.play_count ? item.play_count + ' plays' : null,
    item.is_public === false ? 'private' : null].filter(Boolean).join(' · ');
}
