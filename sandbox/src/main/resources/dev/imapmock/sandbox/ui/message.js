// One message: its envelope, flag toggles, attachments and four tabs (HTML, text, headers, source). The
// HTML part is never put into this page: it is shown in an <iframe sandbox> (no scripts, no same-origin,
// no forms, no navigation of the page) whose source, .../html, is served with a CSP that blocks every
// remote load; the raw source and the text part are text nodes.
import { h, icon, linkify, replace } from './dom.js';
import { addresses, longDate, size } from './format.js';
import { api } from './api.js';
import { errorToast, toast } from './toast.js';

const SYSTEM_FLAGS = [
  ['\\Seen', 'Seen'],
  ['\\Flagged', 'Flagged'],
  ['\\Answered', 'Answered'],
  ['\\Draft', 'Draft'],
  ['\\Deleted', 'Deleted'],
];
const RAW_LIMIT = 2 * 1024 * 1024;

function attachmentsOf(parts, out = []) {
  for (const part of parts ?? []) {
    if (part.parts?.length) {
      attachmentsOf(part.parts, out);
    } else if (part.filename || (part.disposition ?? '').toLowerCase() === 'attachment') {
      out.push(part);
    }
  }
  return out;
}

async function download(blobPromise, filename) {
  const blob = await blobPromise;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename || 'download', class: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export class MessageView {
  constructor(el, { onClose, onFlags, onDeleted }) {
    this.el = el;
    this.onClose = onClose;
    this.onFlags = onFlags;
    this.onDeleted = onDeleted;
    this.key = null;
    this.message = null;
    this.tab = null;
  }

  empty() {
    this.key = null;
    this.message = null;
    replace(this.el, h('div', { class: 'empty-note placeholder' },
      h('p', {}, 'No message open.'),
      h('p', { class: 'muted small' }, 'Pick one from the list; ↑ ↓ move, Enter opens.')));
  }

  async show(user, mailbox, uid) {
    const key = `${user}\u0000${mailbox}\u0000${uid}`;
    if (key === this.key && this.message) return;
    this.key = key;
    this.user = user;
    this.mailbox = mailbox;
    this.uid = uid;
    replace(this.el, h('p', { class: 'empty-note muted' }, 'Loading…'));
    try {
      const message = await api.message(user, mailbox, uid);
      if (this.key !== key) return;
      this.message = message;
      this.tab = message.hasHtml ? 'html' : 'text';
      this.render();
    } catch (e) {
      if (this.key !== key) return;
      this.message = null;
      replace(this.el, this.toolbar(null), h('p', { class: 'empty-note error-text' }, e.message));
    }
  }

  toolbar(m) {
    const back = h('button', {
      type: 'button', class: 'button only-stacked', id: 'back-to-list',
      on: { click: () => this.onClose() },
    }, icon('back'), h('span', {}, 'Messages'));
    if (!m) return h('div', { class: 'msg-toolbar' }, back);
    const flags = new Set(m.flags ?? []);
    const toggles = h('div', { class: 'flag-toggles', role: 'group', aria: { label: 'Flags' } },
      SYSTEM_FLAGS.map(([flag, label]) => h('button', {
        type: 'button', class: ['toggle', `toggle-${label.toLowerCase()}`],
        aria: { pressed: flags.has(flag) ? 'true' : 'false' },
        title: `${flags.has(flag) ? 'Clear' : 'Set'} ${flag}`,
        dataset: { flag },
        on: { click: (e) => this.toggle(flag, e.currentTarget) },
      }, label)));
    const remove = h('button', {
      type: 'button', class: 'button danger-outline', id: 'delete-message',
      on: { click: (e) => this.remove(e.currentTarget) },
    }, icon('trash'), h('span', {}, 'Delete'));
    const raw = h('button', {
      type: 'button', class: 'button', id: 'download-eml', title: 'Download the message as an .eml file',
      on: { click: () => download(api.rawBlob(this.user, this.mailbox, this.uid), `message-${this.uid}.eml`).catch(errorToast) },
    }, '.eml');
    return h('div', { class: 'msg-toolbar' }, back, toggles, h('div', { class: 'spacer' }), raw, remove);
  }

  render() {
    const m = this.message;
    const keywords = (m.flags ?? []).filter((f) => !f.startsWith('\\'));
    const attachments = attachmentsOf(m.parts);
    const envelope = h('dl', { class: 'envelope' },
      h('dt', {}, 'From'), h('dd', { class: 'env-from' }, addresses(m.from) || '—'),
      h('dt', {}, 'To'), h('dd', {}, addresses(m.to) || '—'),
      m.cc?.length ? [h('dt', {}, 'Cc'), h('dd', {}, addresses(m.cc))] : null,
      h('dt', {}, 'Date'), h('dd', {}, longDate(m.date) || '—'),
      h('dt', {}, 'Received'), h('dd', { class: 'muted' },
        `${longDate(m.internalDate)} · UID ${m.uid} · ${size(m.size)}`),
      keywords.length ? [h('dt', {}, 'Keywords'),
        h('dd', {}, keywords.map((k) => h('span', { class: 'chip' }, k)))] : null);
    const files = attachments.length ? h('ul', { class: 'attachments', aria: { label: 'Attachments' } },
      attachments.map((part) => h('li', {},
        h('button', {
          type: 'button', class: 'attachment',
          title: `Download ${part.filename || `part ${part.part}`}`,
          on: { click: () => download(api.part(this.user, this.mailbox, this.uid, part.part), part.filename).catch(errorToast) },
        },
        icon('clip'),
        h('span', { class: 'att-name' }, part.filename || `part ${part.part}`),
        h('span', { class: 'muted small' }, `${part.contentType ?? ''} · ${size(part.size)}`))))) : null;

    const tabs = [
      m.hasHtml ? ['html', 'HTML'] : null,
      ['text', 'Text'],
      ['headers', 'Headers'],
      ['source', 'Source'],
    ].filter(Boolean);
    const tablist = h('div', { class: 'tabs', role: 'tablist', aria: { label: 'Message parts' },
      on: { keydown: (e) => this.onTabKey(e, tabs) } },
    tabs.map(([id, label]) => h('button', {
      type: 'button', role: 'tab', id: `tab-${id}`, class: 'tab',
      aria: { selected: this.tab === id ? 'true' : 'false', controls: 'msg-panel' },
      tabindex: this.tab === id ? '0' : '-1',
      on: { click: () => this.selectTab(id) },
    }, label)));
    this.panel = h('div', { class: 'tab-panel', id: 'msg-panel', role: 'tabpanel',
      aria: { labelledby: `tab-${this.tab}` }, tabindex: '0' });

    replace(this.el,
      this.toolbar(m),
      h('div', { class: 'msg-scroll' },
        h('h2', { class: 'msg-title', id: 'message-subject' }, m.subject || '(no subject)'),
        envelope, files, tablist, this.panel));
    this.renderPanel();
  }

  selectTab(id) {
    this.tab = id;
    for (const tab of this.el.querySelectorAll('[role=tab]')) {
      const on = tab.id === `tab-${id}`;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `tab-${id}`);
    this.renderPanel();
  }

  onTabKey(event, tabs) {
    const ids = tabs.map(([id]) => id);
    const i = ids.indexOf(this.tab);
    let next;
    if (event.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (event.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (event.key === 'Home') next = ids[0];
    else if (event.key === 'End') next = ids[ids.length - 1];
    else return;
    event.preventDefault();
    this.selectTab(next);
    this.el.querySelector(`#tab-${next}`)?.focus();
  }

  renderPanel() {
    const m = this.message;
    switch (this.tab) {
      case 'html': {
        const frame = h('iframe', {
          class: 'html-frame', id: 'html-frame', title: 'HTML part of the message (scripts and remote content blocked)',
          sandbox: '', referrerpolicy: 'no-referrer', src: api.htmlUrl(this.user, this.mailbox, this.uid),
        });
        replace(this.panel,
          h('p', { class: 'note small' }, 'Shown sandboxed: scripts, forms and remote images are blocked.'),
          frame);
        break;
      }
      case 'text':
        replace(this.panel, typeof m.text === 'string'
          ? h('pre', { class: 'text-part', id: 'text-part' }, linkify(m.text))
          : h('p', { class: 'muted' }, 'This message has no text/plain part.'));
        break;
      case 'headers':
        replace(this.panel, h('table', { class: 'headers-table' },
          h('tbody', {}, (m.headers ?? []).map((hd) => h('tr', {},
            h('th', { scope: 'row' }, hd.name), h('td', {}, hd.value))))));
        break;
      case 'source': {
        const pre = h('pre', { class: 'raw-source', id: 'raw-source' }, 'Loading…');
        replace(this.panel, pre);
        const key = this.key;
        api.raw(this.user, this.mailbox, this.uid).then((text) => {
          if (this.key !== key) return;
          pre.textContent = text.length > RAW_LIMIT
            ? `${text.slice(0, RAW_LIMIT)}\n\n[… ${size(text.length - RAW_LIMIT)} more; download the .eml for all of it]`
            : text;
        }, (e) => { pre.textContent = e.message; });
        break;
      }
      default:
        break;
    }
  }

  async toggle(flag, button) {
    const on = button.getAttribute('aria-pressed') === 'true';
    button.disabled = true;
    try {
      const answer = await api.flags(this.user, this.mailbox, this.uid, on ? [] : [flag], on ? [flag] : []);
      const flags = Array.isArray(answer?.flags) ? answer.flags
        : (on ? (this.message.flags ?? []).filter((f) => f !== flag) : [...(this.message.flags ?? []), flag]);
      this.message.flags = flags;
      for (const b of this.el.querySelectorAll('.flag-toggles .toggle')) {
        b.setAttribute('aria-pressed', flags.includes(b.dataset.flag) ? 'true' : 'false');
        b.title = `${flags.includes(b.dataset.flag) ? 'Clear' : 'Set'} ${b.dataset.flag}`;
      }
      this.onFlags(this.uid, flags);
    } catch (e) {
      errorToast(e);
    } finally {
      button.disabled = false;
      button.focus();
    }
  }

  async remove(button) {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.lastChild.textContent = 'Confirm delete';
      button.classList.add('danger');
      setTimeout(() => {
        if (!button.isConnected) return;
        button.dataset.armed = 'false';
        button.lastChild.textContent = 'Delete';
        button.classList.remove('danger');
      }, 4000);
      return;
    }
    try {
      await api.remove(this.user, this.mailbox, this.uid);
      toast(`Message ${this.uid} deleted.`);
      this.onDeleted(this.uid);
    } catch (e) {
      errorToast(e);
    }
  }
}
