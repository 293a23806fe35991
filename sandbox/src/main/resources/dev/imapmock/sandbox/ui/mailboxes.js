// The sidebar: every user, each with its mailboxes and their counts; the current mailbox is marked.
import { h, replace } from './dom.js';
import { count } from './format.js';
import { api } from './api.js';
import { errorToast, toast } from './toast.js';

export function mailboxHref(user, mailbox) {
  return `#/mail/${encodeURIComponent(user)}/${encodeURIComponent(mailbox)}`;
}

function inboxFirst(mailboxes) {
  const rank = (m) => (m.name.toUpperCase() === 'INBOX' ? 0 : 1);
  return [...mailboxes].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class Sidebar {
  constructor(el, { onReset }) {
    this.el = el;
    this.onReset = onReset;
    this.snapshot = '';
    this.current = { user: null, mailbox: null };
    this.users = [];
  }

  /** Loads users and all their mailboxes; answers them as [{user, mailboxes}]. */
  async load() {
    const users = await api.users();
    const withBoxes = await Promise.all(users.map(async (user) => {
      try {
        return { user, mailboxes: inboxFirst(await api.mailboxes(user.name)) };
      } catch {
        return { user, mailboxes: [] };
      }
    }));
    this.users = withBoxes;
    const snapshot = JSON.stringify([withBoxes, this.current]);
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.render();
    }
    return withBoxes;
  }

  select(user, mailbox) {
    this.current = { user, mailbox };
    this.snapshot = '';
    this.render();
  }

  mailbox(user, name) {
    return this.users.find((u) => u.user.name === user)?.mailboxes.find((m) => m.name === name) ?? null;
  }

  render() {
    const list = h('ul', { class: 'users' }, this.users.map(({ user, mailboxes }) => h('li', { class: 'user' },
      h('div', { class: 'user-head' },
        h('span', { class: 'avatar', aria: { hidden: 'true' } }, (user.name || '?').slice(0, 1).toUpperCase()),
        h('span', { class: 'user-name', title: user.name }, user.name),
        h('span', { class: 'muted small', title: count(user.messages ?? 0, 'message', 'messages') },
          String(user.messages ?? ''))),
      h('ul', { class: 'boxes', aria: { label: `Mailboxes of ${user.name}` } },
        mailboxes.map((box) => this.renderBox(user.name, box))))));
    const reset = h('button', {
      type: 'button', class: 'ghost small-button', title: 'Put every mailbox back as the sandbox was seeded',
      on: { click: () => this.reset(reset) },
    }, 'Reset to seeded state');
    replace(this.el,
      h('h2', { class: 'side-title' }, 'Mailboxes'),
      this.users.length ? list : h('p', { class: 'muted empty-note' }, 'No users.'),
      h('div', { class: 'side-foot' }, reset));
  }

  renderBox(user, box) {
    const delimiter = box.delimiter || '/';
    const depth = box.name.split(delimiter).length - 1;
    const leaf = depth ? box.name.slice(box.name.lastIndexOf(delimiter) + 1) : box.name;
    const active = this.current.user === user && this.current.mailbox === box.name;
    return h('li', {},
      h('a', {
        class: ['box', active && 'active', `depth-${Math.min(depth, 4)}`],
        href: mailboxHref(user, box.name),
        title: box.name,
        aria: { current: active ? 'page' : null },
        dataset: { user, mailbox: box.name },
      },
      h('span', { class: 'box-name' }, leaf),
      box.unseen ? h('span', { class: 'pill', title: count(box.unseen, 'unread message', 'unread messages') },
        String(box.unseen)) : null,
      h('span', { class: 'box-count', title: count(box.messages ?? 0, 'message', 'messages') },
        String(box.messages ?? 0))));
  }

  async reset(button) {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = 'Click again to reset everything';
      button.classList.add('danger');
      setTimeout(() => {
        if (!button.isConnected) return;
        button.dataset.armed = 'false';
        button.textContent = 'Reset to seeded state';
        button.classList.remove('danger');
      }, 4000);
      return;
    }
    try {
      await api.reset();
      toast('Back to the seeded state.');
      this.onReset();
    } catch (e) {
      errorToast(e);
    }
  }
}
