// The message list of one mailbox: newest first, a page at a time, refreshed in place (the focused row keeps
// its focus). Keyboard: Up/Down/Home/End move, Enter or Space opens, PageUp/PageDown change the page.
import { h, icon, replace } from './dom.js';
import { count, longDate, sender, shortDate, size } from './format.js';
import { api } from './api.js';

export const PAGE_SIZE = 100;

export function flagIcons(flags, hasAttachments) {
  const set = new Set(flags ?? []);
  return [
    set.has('\\Flagged') ? h('span', { class: 'flag flag-flagged', title: 'Flagged' }, icon('star')) : null,
    set.has('\\Answered') ? h('span', { class: 'flag flag-answered', title: 'Answered' }, icon('reply')) : null,
    set.has('\\Draft') ? h('span', { class: 'flag flag-draft', title: 'Draft' }, icon('draft')) : null,
    set.has('\\Deleted') ? h('span', { class: 'flag flag-deleted', title: 'Marked deleted' }, icon('trash')) : null,
    hasAttachments ? h('span', { class: 'flag flag-attachment', title: 'Has attachments' }, icon('clip')) : null,
  ];
}

export class MessageList {
  constructor(el, { onOpen, onDeliverFiles, mailboxInfo }) {
    this.el = el;
    this.mailboxInfo = mailboxInfo;
    this.onOpen = onOpen;
    this.onDeliverFiles = onDeliverFiles;
    this.user = null;
    this.mailbox = null;
    this.offset = 0;
    this.page = null;
    this.snapshot = '';
    this.selectedUid = null;
    this.focusUid = null;
  }

  show(user, mailbox, selectedUid) {
    const changed = user !== this.user || mailbox !== this.mailbox;
    this.user = user;
    this.mailbox = mailbox;
    this.selectedUid = selectedUid;
    if (changed) {
      this.offset = 0;
      this.page = null;
      this.focusUid = null;
      this.snapshot = '';
      this.render();
    } else {
      this.markSelected();
    }
    return this.load();
  }

  async load() {
    if (!this.user) return;
    const [user, mailbox, offset] = [this.user, this.mailbox, this.offset];
    let page;
    try {
      page = await api.messages(user, mailbox, offset, PAGE_SIZE);
    } catch (e) {
      if (user === this.user && mailbox === this.mailbox) {
        this.page = { error: e.message };
        this.snapshot = '';
        this.render();
      }
      return;
    }
    if (user !== this.user || mailbox !== this.mailbox || offset !== this.offset) return;
    if (page.total > 0 && offset >= page.total) {
      this.offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      return this.load();
    }
    const snapshot = JSON.stringify(page);
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.page = page;
    this.render();
  }

  /** Updates one row's flags after a change made in the message view, without waiting for a reload. */
  updateFlags(uid, flags) {
    const message = this.page?.messages?.find((m) => m.uid === uid);
    if (!message) return;
    message.flags = flags;
    this.snapshot = '';
    this.render();
  }

  goTo(offset) {
    this.offset = Math.max(0, offset);
    this.focusUid = null;
    this.load().then(() => this.el.querySelector('.msg[tabindex="0"]')?.focus());
  }

  render() {
    const started = performance.now();
    const hadFocus = this.el.contains(document.activeElement) && document.activeElement.classList.contains('msg');
    const page = this.page;
    const total = page?.total ?? 0;
    const messages = page?.messages ?? [];
    const unread = this.mailboxInfo()?.unseen ?? 0;
    const fileInput = h('input', {
      type: 'file', accept: '.eml,message/rfc822', multiple: true, class: 'visually-hidden',
      id: 'deliver-file', tabindex: '-1', aria: { hidden: 'true' },
      on: {
        change: () => {
          const files = [...fileInput.files];
          fileInput.value = '';
          if (files.length) this.onDeliverFiles(files);
        },
      },
    });
    const head = h('div', { class: 'pane-head' },
      h('button', {
        type: 'button', class: 'icon-button only-narrow', id: 'sidebar-toggle',
        aria: { label: 'Show mailboxes', expanded: 'false', controls: 'sidebar' },
        on: { click: (e) => document.dispatchEvent(new CustomEvent('toggle-sidebar', { detail: e.currentTarget })) },
      }, h('span', { class: 'burger', aria: { hidden: 'true' } })),
      h('div', { class: 'pane-title' },
        h('h1', { id: 'list-title', title: this.mailbox ?? '' }, this.mailbox ?? 'No mailbox'),
        h('p', { class: 'muted small', id: 'list-summary' }, this.user
          ? `${this.user} · ${count(total, 'message', 'messages')}${unread ? ` · ${unread} unread` : ''}`
          : '')),
      h('button', {
        type: 'button', class: 'button', id: 'deliver-button',
        title: 'Deliver .eml files to this mailbox (or drop them anywhere on the page)',
        on: { click: () => fileInput.click() },
      }, icon('upload'), h('span', {}, 'Deliver .eml')),
      fileInput);

    let body;
    if (!this.user) {
      body = h('p', { class: 'empty-note' }, 'Choose a mailbox.');
    } else if (page?.error) {
      body = h('p', { class: 'empty-note error-text' }, page.error);
    } else if (!page) {
      body = h('p', { class: 'empty-note muted' }, 'Loading…');
    } else if (!messages.length) {
      body = h('div', { class: 'empty-note' },
        h('p', {}, 'This mailbox is empty.'),
        h('p', { class: 'muted small' }, 'Drop an .eml file here to deliver it.'));
    } else {
      body = h('ul', {
        class: 'msglist', role: 'listbox', id: 'message-list',
        aria: { label: `Messages in ${this.mailbox}` },
        on: { keydown: (e) => this.onKey(e) },
      }, messages.map((m) => this.renderRow(m)));
    }

    const first = total ? this.offset + 1 : 0;
    const last = Math.min(this.offset + PAGE_SIZE, total);
    const pager = total > PAGE_SIZE ? h('nav', { class: 'pager', aria: { label: 'Pages' } },
      h('button', {
        type: 'button', class: 'button', disabled: this.offset === 0,
        aria: { label: 'Newer messages' }, on: { click: () => this.goTo(this.offset - PAGE_SIZE) },
      }, '‹ Newer'),
      h('span', { class: 'muted small', id: 'pager-range' }, `${first}–${last} of ${total}`),
      h('button', {
        type: 'button', class: 'button', disabled: last >= total,
        aria: { label: 'Older messages' }, on: { click: () => this.goTo(this.offset + PAGE_SIZE) },
      }, 'Older ›')) : null;

    replace(this.el, head, h('div', { class: 'list-scroll' }, body), pager);
    this.ensureFocusable();
    if (hadFocus) this.el.querySelector('.msg[tabindex="0"]')?.focus();
    // User Timing entry, for measuring how long a page takes to draw (performance.getEntriesByName).
    performance.measure('imapmock:message-list', { start: started });
  }

  renderRow(m) {
    const flags = m.flags ?? [];
    const selected = m.uid === this.selectedUid;
    return h('li', {
      role: 'option', id: `msg-${m.uid}`, tabindex: '-1',
      class: ['msg', !flags.includes('\\Seen') && 'unread', flags.includes('\\Flagged') && 'flagged',
        flags.includes('\\Deleted') && 'deleted'],
      aria: { selected: selected ? 'true' : 'false' },
      dataset: { uid: m.uid },
      on: {
        click: () => this.open(m.uid),
        focus: () => { this.focusUid = m.uid; this.ensureFocusable(); },
      },
    },
    h('span', { class: 'msg-dot' }, flags.includes('\\Seen') ? null
      : h('span', { class: 'flag flag-unread', title: 'Unread' }, icon('dot'))),
    h('span', { class: 'msg-flags' }, flagIcons(flags, m.hasAttachments)),
    h('span', { class: 'msg-from', title: (m.from ?? []).map((a) => a.address).filter(Boolean).join(', ') },
      sender(m.from) || '(no sender)'),
    h('span', { class: 'msg-subject' }, m.subject || '(no subject)'),
    h('time', { class: 'msg-date', datetime: m.internalDate ?? '', title: longDate(m.date || m.internalDate) },
      shortDate(m.date || m.internalDate)),
    h('span', { class: 'msg-size' }, size(m.size)));
  }

  /** Exactly one row is in the tab order: the focused one, else the selected one, else the first. */
  ensureFocusable() {
    const rows = [...this.el.querySelectorAll('.msg')];
    if (!rows.length) return;
    const target = rows.find((r) => Number(r.dataset.uid) === this.focusUid)
      ?? rows.find((r) => Number(r.dataset.uid) === this.selectedUid) ?? rows[0];
    for (const row of rows) row.tabIndex = row === target ? 0 : -1;
  }

  markSelected() {
    for (const row of this.el.querySelectorAll('.msg')) {
      row.setAttribute('aria-selected', Number(row.dataset.uid) === this.selectedUid ? 'true' : 'false');
    }
    this.ensureFocusable();
  }

  open(uid) {
    this.focusUid = uid;
    this.onOpen(uid);
  }

  onKey(event) {
    const rows = [...this.el.querySelectorAll('.msg')];
    const index = rows.indexOf(document.activeElement);
    const move = (i) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (row) {
        row.focus();
        row.scrollIntoView({ block: 'nearest' });
      }
    };
    switch (event.key) {
      case 'ArrowDown': case 'j': move(index + 1); break;
      case 'ArrowUp': case 'k': move(index - 1); break;
      case 'Home': move(0); break;
      case 'End': move(rows.length - 1); break;
      case 'Enter': case ' ':
        if (index >= 0) this.open(Number(rows[index].dataset.uid));
        break;
      case 'PageDown':
        if (this.page && this.offset + PAGE_SIZE < this.page.total) this.goTo(this.offset + PAGE_SIZE);
        break;
      case 'PageUp':
        if (this.offset > 0) this.goTo(this.offset - PAGE_SIZE);
        break;
      default: return;
    }
    event.preventDefault();
  }
}
