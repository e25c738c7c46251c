// Small DOM helpers: element builder, toasts, accessible modals (focus trap, Esc, focus restored).

/** el('button.primary', {onclick, type: 'button'}, 'text', child...) */
export function el(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const e = document.createElement(tag || 'div');
  if (classes.length) e.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Replaces node's children, skipping null/false entries (replaceChildren would print them as text). */
export function fill(node, ...kids) {
  node.replaceChildren(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  return node;
}

export function button(label, onclick, { cls = '', title, icon } = {}) {
  return el('button' + (cls ? '.' + cls.split(' ').join('.') : ''),
    { type: 'button', onclick, title: title || undefined, 'aria-label': title || undefined }, icon ? icon + ' ' : '', label);
}

/** An SVG icon from the widget's set (window.SoundboxRadio.ICONS). */
export function icon(name) { return window.SoundboxRadio.icon(name); }

export function setIcon(btn, name) { window.SoundboxRadio.setIcon(btn, name); }

export function iconButton(name, title, onclick, cls = '') {
  return el('button.icon' + (cls ? '.' + cls : ''), { type: 'button', title, 'aria-label': title, onclick }, icon(name));
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const t = el('div.toast.' + kind, { role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(t);
  setTimeout(() => t.classList.add('leaving'), 4500);
  setTimeout(() => t.remove(), 5000);
}

/** Shows an error (an ApiError's problem detail) as a toast. */
export function fail(e) {
  const msg = e && e.message ? e.message : String(e);
  toast(msg, 'error');
  if (e && e.status >= 500) console.warn(e);
}

export function duration(s) {
  if (!isFinite(s) || s <= 0) return '';
  const m = Math.floor(s / 60);
  const r = Math.round(s % 60);
  return m + ':' + String(r).padStart(2, '0');
}

export function ago(iso) {
  const t = Date.parse(iso);
  if (!t) return '';
  const s = (Date.now() - t) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return new Date(t).toLocaleDateString();
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Opens a modal dialog built by build(body, close); resolves with the value passed to close().
 * Focus moves into the dialog, Tab cycles inside it, Esc closes it, focus returns to the opener.
 */
export function modal(title, build) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const heading = el('h2', { id: 'modal-title-' + Date.now() }, title);
    const body = el('div.modal-body');
    const closeBtn = iconButton('close', 'Close', () => close(undefined), 'modal-close');
    const dialog = el('div.modal', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': heading.id },
      el('div.modal-head', {}, heading, closeBtn), body);
    const backdrop = el('div.backdrop', {}, dialog);
    let done = false;
    function close(value) {
      if (done) return;
      done = true;
      backdrop.remove();
      document.removeEventListener('keydown', onKey, true);
      if (opener && opener.focus) opener.focus();
      resolve(value);
    }
    function onKey(ev) {
      if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); close(undefined); return; }
      if (ev.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((x) => x.offsetParent !== null);
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
      else if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
      else if (!dialog.contains(document.activeElement)) { ev.preventDefault(); first.focus(); }
    }
    backdrop.addEventListener('mousedown', (ev) => { if (ev.target === backdrop) close(undefined); });
    build(body, close);
    document.getElementById('modals').append(backdrop);
    document.addEventListener('keydown', onKey, true);
    const focus = body.querySelector('[autofocus]') || body.querySelector(FOCUSABLE) || closeBtn;
    focus.focus();
  });
}

export function confirmDialog(title, text, okLabel = 'OK') {
  return modal(title, (body, close) => {
    body.append(el('p', {}, text), el('div.actions', {},
      button('Cancel', () => close(false)), button(okLabel, () => close(true), { cls: 'primary' })));
  });
}

export function promptDialog(title, label, { value = '', maxlength = 100 } = {}) {
  return modal(title, (body, close) => {
    const input = el('input', { type: 'text', value, maxlength: String(maxlength), autofocus: true, 'aria-label': label });
    const form = el('form', { onsubmit: (ev) => { ev.preventDefault(); close(input.value.trim() || undefined); } },
      el('label', {}, label, input),
      el('div.actions', {}, button('Cancel', () => close(undefined)), el('button.primary', { type: 'submit' }, 'OK')));
    body.append(form);
  });
}
