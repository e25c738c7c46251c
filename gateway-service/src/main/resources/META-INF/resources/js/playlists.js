// Playlists tab: create, open, drag (or Alt+↑/↓) to reorder, remove, rename, delete, play and shuffle play.
import { api } from './api.js';
import { el, button, iconButton, toast, fail, duration, confirmDialog, promptDialog, fill } from './ui.js';
import { player } from './player.js';

export function mountPlaylists(root) {
  const list = el('ul.plain.playlist-list', { 'aria-label': 'My playlists' });
  const name = el('input', { type: 'text', maxlength: '100', placeholder: 'New playlist', 'aria-label': 'New playlist name', required: true });
  const create = el('form.row', { onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      const p = await api('/api/playlists', { method: 'POST', body: { name: name.value.trim() } });
      name.value = '';
      toast('Playlist created');
      await load();
      open(p.id);
    } catch (e) { fail(e); }
  } }, name, el('button.primary', { type: 'submit' }, 'Create'));
  const detail = el('div.card.playlist', {}, el('p.muted', {}, 'Pick or create a playlist.'));
  root.append(el('div.playlists-grid', {}, el('div.card', {}, el('h3', {}, 'My playlists'), create, list), detail));
  let current = null;

  async function load() {
    try {
      const r = await api('/api/playlists');
      const items = r.playlists || [];
      fill(list, ...(items.length ? items.map((p) => el('li', {}, button(p.name + ' (' + p.track_count + ')',
        () => open(p.id), { cls: current && current.id === p.id ? 'ghost selected' : 'ghost' })))
        : [el('li.muted', {}, 'No playlists yet.')]));
    } catch (e) { fail(e); }
  }

  async function open(id) {
    try {
      current = await api('/api/playlists/' + encodeURIComponent(id));
      render();
      load();
    } catch (e) { fail(e); }
  }

  async function saveOrder() {
    try {
      await api('/api/playlists/' + encodeURIComponent(current.id) + '/reorder', { method: 'PUT',
        body: { track_order: current.tracks.map((t) => t.id) } });
      toast('Order saved');
    } catch (e) { fail(e); open(current.id); }
  }

  function move(from, to) {
    if (to < 0 || to >= current.tracks.length || from === to) return;
    const [t] = current.tracks.splice(from, 1);
    current.tracks.splice(to, 0, t);
    render(to);
    saveOrder();
  }

  function render(focusIndex) {
    const p = current;
    const tracks = p.tracks || [];
    let dragFrom = null;
    const rows = tracks.map((t, i) => {
      const li = el('li.track', { draggable: 'true', tabindex: '0', 'aria-label': (i + 1) + '. ' + (t.prompt || t.id)
        + '. Alt+Up or Alt+Down moves it.' },
      el('span.handle', { 'aria-hidden': 'true' }, '⋮⋮'), el('span.grow', {}, t.prompt || t.id),
      el('span.muted', {}, duration(t.duration)),
      iconButton('play', 'Play from here', () => player.playList(tracks.slice(i), 'playlist', p.id)),
      iconButton('arrow-up', 'Move up', () => move(i, i - 1)), iconButton('arrow-down', 'Move down', () => move(i, i + 1)),
      iconButton('close', 'Remove from playlist', async () => {
        try {
          await api('/api/playlists/' + encodeURIComponent(p.id) + '/tracks/' + encodeURIComponent(t.id), { method: 'DELETE' });
          open(p.id);
        } catch (e) { fail(e); }
      }));
      li.addEventListener('dragstart', (ev) => { dragFrom = i; ev.dataTransfer.effectAllowed = 'move'; ev.dataTransfer.setData('text/plain', String(i)); li.classList.add('dragging'); });
      li.addEventListener('dragend', () => li.classList.remove('dragging'));
      li.addEventListener('dragover', (ev) => { ev.preventDefault(); li.classList.add('over'); });
      li.addEventListener('dragleave', () => li.classList.remove('over'));
      li.addEventListener('drop', (ev) => { ev.preventDefault(); li.classList.remove('over'); if (dragFrom !== null) move(dragFrom, i); });
      li.addEventListener('keydown', (ev) => {
        if (ev.target !== li || !ev.altKey) return;
        if (ev.key === 'ArrowUp') { ev.preventDefault(); move(i, i - 1); }
        if (ev.key === 'ArrowDown') { ev.preventDefault(); move(i, i + 1); }
      });
      return li;
    });
    const shuffled = () => { const s = tracks.slice(); for (let i = s.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [s[i], s[j]] = [s[j], s[i]]; } return s; };
    fill(detail, el('h3', {}, p.name), p.description ? el('p.muted', {}, p.description) : null,
      el('div.row', {}, button('Play', () => tracks.length && player.playList(tracks, 'playlist', p.id), { cls: 'primary' }),
        button('Shuffle play', () => tracks.length && player.playList(shuffled(), 'playlist', p.id), { cls: 'ghost' }),
        button('Rename', async () => {
          const n = await promptDialog('Rename playlist', 'Name', { value: p.name });
          if (!n) return;
          try { await api('/api/playlists/' + encodeURIComponent(p.id), { method: 'PUT', body: { name: n } }); open(p.id); } catch (e) { fail(e); }
        }, { cls: 'ghost' }),
        button('Delete', async () => {
          if (!await confirmDialog('Delete playlist', 'Delete “' + p.name + '”? The tracks stay in the library.', 'Delete')) return;
          try { await api('/api/playlists/' + encodeURIComponent(p.id), { method: 'DELETE' }); current = null;
            fill(detail, el('p.muted', {}, 'Deleted.')); load(); } catch (e) { fail(e); }
        }, { cls: 'ghost danger' })),
      el('ol.plain.tracks', {}, rows.length ? rows : el('li.muted', {}, 'Empty: add tracks from the library (≡+).')));
    if (focusIndex !== undefined) { const r = detail.querySelectorAll('li.track')[focusIndex]; if (r) r.focus(); }
  }

  return { show() { load(); }, hide() {} };
}
