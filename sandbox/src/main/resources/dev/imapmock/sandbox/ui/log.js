// The live command log: every journal entry as it happens, per connection or all together, with the
// ones a fault fired on highlighted. Passwords arrive masked from the API and are shown as they come.
import { h, replace } from './dom.js';
import { api } from './api.js';
import { clock, longDate } from './format.js';
import { errorToast, toast } from './toast.js';

// IMAP and SMTP connections are numbered apart: an SMTP one is keyed "smtp-N" and shown as "SMTP #N".
const connKey = (e) => (e.protocol === 'SMTP' ? `smtp-${e.connection}` : e.connection);
const connLabel = (key) => (typeof key === 'string' ? `SMTP #${key.slice(5)}` : `#${key}`);
const connColour = (key) => `conn-${Number(String(key).replace('smtp-', '')) % 8}`;

const MAX_ROWS = 1000;

function argumentsText(args) {
  if (Array.isArray(args)) return args.join(' ');
  return args === null || args === undefined ? '' : String(args);
}

/** The response without the status word the Result column already shows ("OK Logged in" => "Logged in"). */
function responseText(e) {
  const response = String(e.response);
  const status = String(e.outcome ?? '');
  return status && response.startsWith(`${status} `) ? response.slice(status.length + 1) : response;
}

function outcomeClass(outcome) {
  const o = String(outcome ?? '').toUpperCase();
  if (o === 'OK') return 'ok';
  if (o === 'NO') return 'no';
  if (o === 'BAD') return 'bad';
  return o ? 'other' : 'pending';
}

export class LogView {
  constructor(root, feed) {
    this.root = root;
    this.feed = feed;
    this.connection = null;
    this.query = '';
    this.faultsOnly = false;
    this.follow = true;
    this.build();
    feed.subscribe((change) => this.onChange(change));
  }

  build() {
    this.chips = h('div', { class: 'conn-chips', role: 'group', aria: { label: 'Connections' } });
    this.filter = h('input', {
      type: 'search', class: 'input', id: 'log-filter', placeholder: 'Filter: command, user, text…',
      aria: { label: 'Filter the log' },
      on: { input: () => { this.query = this.filter.value.trim().toLowerCase(); this.renderRows(); } },
    });
    const faultsOnly = h('input', {
      type: 'checkbox', id: 'log-faults-only',
      on: { change: (e) => { this.faultsOnly = e.target.checked; this.renderRows(); } },
    });
    const follow = h('input', {
      type: 'checkbox', id: 'log-follow', checked: true,
      on: { change: (e) => { this.follow = e.target.checked; if (this.follow) this.scrollToEnd(); } },
    });
    const clear = h('button', {
      type: 'button', class: 'button', id: 'log-clear', title: 'Empty the server journal',
      on: { click: () => this.clear() },
    }, 'Clear journal');
    this.status = h('span', { class: 'stream-state', id: 'stream-state', role: 'status' });
    this.body = h('tbody', { id: 'log-rows' });
    this.empty = h('p', { class: 'empty-note muted' }, 'No commands yet. Connect an IMAP client and they appear here as they happen.');
    this.scroller = h('div', { class: 'log-scroll', tabindex: '0', aria: { label: 'Command log' } },
      h('table', { class: 'log-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'col-time' }, 'Time'),
          h('th', { scope: 'col', class: 'col-conn' }, 'Conn'),
          h('th', { scope: 'col', class: 'col-user' }, 'User'),
          h('th', { scope: 'col', class: 'col-cmd' }, 'Command'),
          h('th', { scope: 'col', class: 'col-outcome' }, 'Result'),
          h('th', { scope: 'col', class: 'col-resp' }, 'Response'))),
        this.body),
      this.empty);
    this.scroller.addEventListener('scroll', () => {
      const atEnd = this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - 8;
      if (this.follow !== atEnd && this.followBox) {
        this.follow = atEnd;
        this.followBox.checked = atEnd;
      }
    });
    this.followBox = follow;
    replace(this.root,
      h('div', { class: 'log-head' },
        h('div', { class: 'pane-title' }, h('h1', {}, 'Live command log'), this.status),
        h('div', { class: 'log-tools' },
          this.filter,
          h('label', { class: 'check' }, faultsOnly, 'Faults only'),
          h('label', { class: 'check' }, follow, 'Follow'),
          clear)),
      this.chips,
      this.scroller);
    this.renderState();
  }

  show(connection) {
    this.connection = connection;
    this.renderChips();
    this.renderRows();
  }

  onChange(change) {
    if (change.state) return this.renderState();
    if (change.cleared || change.updated || change.dropped) {
      this.renderChips();
      return this.renderRows();
    }
    this.renderChips();
    const visible = change.added.filter((e) => this.matches(e));
    if (!visible.length) return;
    for (const entry of visible) this.body.appendChild(this.row(entry));
    while (this.body.childElementCount > MAX_ROWS) this.body.firstElementChild.remove();
    this.empty.hidden = true;
    if (this.follow) this.scrollToEnd();
  }

  renderState() {
    const state = this.feed.state;
    const text = { live: 'Live', connecting: 'Connecting…', down: 'Reconnecting…', closed: 'Disconnected' }[state] ?? state;
    this.status.textContent = text;
    this.status.className = `stream-state state-${state}`;
    const dot = document.getElementById('live-dot');
    if (dot) {
      dot.className = `live-dot state-${state}`;
      dot.title = text;
    }
  }

  connections() {
    const byConn = new Map();
    for (const e of this.feed.entries) {
      const key = connKey(e);
      const c = byConn.get(key) ?? { connection: key, user: null, count: 0, faults: 0 };
      c.count++;
      if (e.user ?? e.authentication?.user) c.user = e.user ?? e.authentication.user;
      if (e.fault) c.faults++;
      byConn.set(key, c);
    }
    const order = (k) => (typeof k === 'string' ? 1e9 + Number(k.slice(5)) : k);
    return [...byConn.values()].sort((a, b) => order(a.connection) - order(b.connection));
  }

  renderChips() {
    const chip = (value, label, extra) => h('button', {
      type: 'button', class: ['chip-button', extra?.faults && 'has-fault', value !== null && connColour(value)],
      aria: { pressed: this.connection === value ? 'true' : 'false' },
      dataset: { connection: value ?? 'all' },
      on: { click: () => { location.hash = value === null ? '#/log' : `#/log/${value}`; } },
    }, label, extra ? h('span', { class: 'chip-count' }, String(extra.count)) : null);
    replace(this.chips,
      chip(null, 'All connections'),
      this.connections().map((c) => chip(c.connection, `${connLabel(c.connection)}${c.user ? ` ${c.user}` : ''}`, c)));
  }

  matches(e) {
    if (this.connection !== null && connKey(e) !== this.connection) return false;
    if (this.faultsOnly && !e.fault) return false;
    if (!this.query) return true;
    const hay = [e.user, e.tag, e.command, argumentsText(e.arguments), e.outcome, e.response, e.fault]
      .filter(Boolean).join(' ').toLowerCase();
    return hay.includes(this.query);
  }

  renderRows() {
    const rows = this.feed.entries.filter((e) => this.matches(e)).slice(-MAX_ROWS).map((e) => this.row(e));
    replace(this.body, rows);
    this.empty.hidden = rows.length > 0;
    if (this.follow) this.scrollToEnd();
  }

  row(e) {
    const outcome = outcomeClass(e.outcome);
    return h('tr', {
      class: ['entry', e.fault && 'fault', `outcome-${outcome}`],
      dataset: { id: e.id, connection: connKey(e), command: e.command ?? '' },
    },
    h('td', { class: 'col-time', title: longDate(e.time) }, clock(e.time)),
    h('td', { class: 'col-conn' }, h('span', { class: ['conn-tag', connColour(connKey(e) ?? 0)] }, connLabel(connKey(e)))),
    h('td', { class: 'col-user' }, e.user ?? e.authentication?.user ?? ''),
    h('td', { class: 'col-cmd' },
      h('code', {},
        e.tag ? h('span', { class: 'tag' }, `${e.tag} `) : null,
        h('span', { class: 'cmd' }, e.command ?? ''),
        e.arguments ? h('span', { class: 'args' }, ` ${argumentsText(e.arguments)}`) : null)),
    h('td', { class: 'col-outcome' },
      h('span', { class: ['outcome', `outcome-${outcome}`] }, e.outcome ?? '…'),
      e.fault ? h('span', { class: 'fault-badge', title: `Fault fired: ${e.fault}` }, 'fault') : null),
    h('td', { class: 'col-resp' },
      e.fault ? h('div', { class: 'fault-text' }, `⚡ ${e.fault}`) : null,
      e.response ? h('span', {}, responseText(e)) : null));
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  async clear() {
    try {
      await api.clearJournal();
      this.feed.clear();
      toast('Journal cleared.');
    } catch (e) {
      errorToast(e);
    }
  }
}
