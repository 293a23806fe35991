// Entry point: the token from the fragment, the header, the theme, and a hash router over four views:
//   #/mail[/USER/MAILBOX[/UID]]   #/log[/CONNECTION]   #/faults   #/checks
import { adoptTokenFromFragment, api, listeners, setToken } from './api.js';
import { h, icon, replace } from './dom.js';
import { JournalFeed } from './journal.js';
import { MailView } from './mail.js';
import { LogView } from './log.js';
import { FaultsView } from './faults.js';
import { ChecksView } from './checks.js';

const THEME_KEY = 'imapmock.theme';

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  const decoded = parts.map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const [view, ...rest] = decoded;
  if (view === 'log') return { view: 'log', connection: rest[0] && /^\d+$/.test(rest[0]) ? Number(rest[0]) : rest[0] && /^smtp-\d+$/.test(rest[0]) ? rest[0] : null };
  if (view === 'faults') return { view: 'faults' };
  if (view === 'checks') return { view: 'checks' };
  const uid = rest[2] && /^\d+$/.test(rest[2]) ? Number(rest[2]) : null;
  return { view: 'mail', user: rest[0] ?? null, mailbox: rest[1] ?? null, uid };
}

// The chosen theme, or without a choice the system's; always written to data-theme, which is what
// the style sheet's dark palette keys on.
function applyTheme(theme) {
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  const button = document.getElementById('theme-toggle');
  replace(button, icon(dark ? 'sun' : 'moon'));
  button.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
  button.title = button.getAttribute('aria-label');
}

function installTheme() {
  applyTheme(localStorage.getItem(THEME_KEY));
  document.getElementById('theme-toggle').addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    applyTheme(next);
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(localStorage.getItem(THEME_KEY)));
}

async function showServer() {
  const el = document.getElementById('server-info');
  try {
    const server = await api.server();
    const endpoint = (label, hp) => hp ? h('span', { class: 'endpoint', title: `${label} ${hp.host}:${hp.port}` },
      h('span', { class: 'endpoint-label' }, label), h('code', {}, `${hp.host}:${hp.port}`)) : null;
    replace(el, endpoint('IMAP', server.imap), endpoint('IMAPS', server.imaps), endpoint('SMTP', server.smtp),
      server.version ? h('span', { class: 'muted small version' }, `v${server.version}`) : null);
  } catch {
    replace(el);
  }
}

function installAuth(start) {
  const overlay = document.getElementById('auth');
  const form = document.getElementById('auth-form');
  listeners.unauthorized = () => {
    if (!overlay.hidden) return;
    overlay.hidden = false;
    document.getElementById('auth-token').focus();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(document.getElementById('auth-token').value.trim());
    overlay.hidden = true;
    start();
  });
}

function main() {
  adoptTokenFromFragment();
  installTheme();
  const feed = new JournalFeed();
  const mail = new MailView(document.getElementById('view-mail'));
  const log = new LogView(document.getElementById('view-log'), feed);
  const badge = document.getElementById('fault-count');
  const faults = new FaultsView(document.getElementById('view-faults'), {
    onCount: (n) => { badge.hidden = n === 0; badge.textContent = String(n); },
  });
  const checks = new ChecksView(document.getElementById('view-checks'));
  let faultTimer = null;

  const route = () => {
    const r = parseRoute();
    for (const view of ['mail', 'log', 'faults', 'checks']) {
      document.getElementById(`view-${view}`).hidden = view !== r.view;
      const link = document.querySelector(`.tabs-nav a[data-view="${view}"]`);
      if (view === r.view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = { mail: r.mailbox ? `${r.mailbox} · ImapMock sandbox` : 'ImapMock sandbox',
      log: 'Live log · ImapMock sandbox', faults: 'Faults · ImapMock sandbox',
      checks: 'Client checks · ImapMock sandbox' }[r.view];
    clearInterval(faultTimer);
    if (r.view === 'mail') {
      mail.start();
      mail.show(r.user, r.mailbox, r.uid);
    } else {
      mail.stop();
    }
    if (r.view === 'log') log.show(r.connection);
    if (r.view === 'faults') {
      faults.load();
      faultTimer = setInterval(() => { if (!document.hidden) faults.load(); }, 2000);
    }
    if (r.view === 'checks') checks.load();
  };

  const start = () => {
    showServer();
    feed.start();
    faults.load();
    route();
  };
  installAuth(start);
  window.addEventListener('hashchange', route);
  feed.subscribe((change) => {
    // A fault fired: its count changed.
    if (change.added?.some((e) => e.fault)) faults.load();
  });
  start();
}

main();
