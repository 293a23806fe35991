// The mail view: sidebar, message list and message, kept fresh by a light poll while the view is visible
// (the API has no change feed for the store; a page of 100 is one small request), and .eml delivery by file
// picker or by dropping files anywhere on the view.
import { h, icon, replace } from './dom.js';
import { api } from './api.js';
import { count } from './format.js';
import { errorToast, toast } from './toast.js';
import { Sidebar, mailboxHref } from './mailboxes.js';
import { MessageList } from './messages.js';
import { MessageView } from './message.js';

const POLL_MS = 1500;

export class MailView {
  constructor(root) {
    this.root = root;
    this.user = null;
    this.mailbox = null;
    this.uid = null;
    this.sidebar = new Sidebar(root.querySelector('#sidebar'), { onReset: () => this.refresh(true) });
    this.list = new MessageList(root.querySelector('#list-pane'), {
      onOpen: (uid) => { location.hash = `${mailboxHref(this.user, this.mailbox)}/${uid}`; },
      onDeliverFiles: (files) => this.deliver(files),
      mailboxInfo: () => this.sidebar.mailbox(this.user, this.mailbox),
    });
    this.view = new MessageView(root.querySelector('#message-pane'), {
      onClose: () => { location.hash = mailboxHref(this.user, this.mailbox); },
      onFlags: (uid, flags) => { this.list.updateFlags(uid, flags); this.sidebar.load().catch(() => {}); },
      onDeleted: () => { location.hash = mailboxHref(this.user, this.mailbox); this.refresh(); },
    });
    this.view.empty();
    this.installDrop();
    document.addEventListener('toggle-sidebar', (e) => this.toggleSidebar(e.detail));
    // On narrow screens the sidebar is a drawer: picking a mailbox (the open one too) closes it.
    root.querySelector('#sidebar').addEventListener('click', (e) => {
      if (e.target.closest('a.box')) this.closeSidebar();
    });
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.root.classList.contains('sidebar-open')) {
        this.closeSidebar();
        this.root.querySelector('#sidebar-toggle')?.focus();
        e.preventDefault();
        return;
      }
      if (e.key === 'Escape' && this.uid !== null && !e.defaultPrevented) this.view.onClose();
    });
  }

  /** Shows `user`/`mailbox` (defaults: the first user's INBOX) with message `uid` open, or none. */
  async show(user, mailbox, uid) {
    if (!user || !mailbox) {
      let users = this.sidebar.users;
      if (!users.length) {
        try {
          users = await this.sidebar.load();
        } catch {
          return; // Unauthorized or unreachable: the token prompt or a toast says so.
        }
      }
      const first = users[0];
      if (!first) return;
      const box = first.mailboxes.find((m) => m.name.toUpperCase() === 'INBOX') ?? first.mailboxes[0];
      location.replace(mailboxHref(first.user.name, box?.name ?? 'INBOX'));
      return;
    }
    this.user = user;
    this.mailbox = mailbox;
    this.uid = uid;
    this.root.classList.toggle('has-message', uid !== null);
    this.closeSidebar();
    this.sidebar.select(user, mailbox);
    this.sidebar.load().catch(errorToast);
    await this.list.show(user, mailbox, uid);
    if (uid !== null) await this.view.show(user, mailbox, uid);
    else this.view.empty();
  }

  start() {
    this.stop();
    let tick = 0;
    this.timer = setInterval(() => {
      if (document.hidden) return;
      // The open page every tick; the sidebar (one request per user) every other one.
      if (tick++ % 2 === 0) this.refresh();
      else this.list.load();
    }, POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async refresh(reopen = false) {
    await Promise.all([this.sidebar.load().catch(() => {}), this.list.load()]);
    if (reopen && this.uid !== null) {
      this.view.key = null;
      await this.view.show(this.user, this.mailbox, this.uid);
    }
  }

  closeSidebar() {
    this.root.classList.remove('sidebar-open');
    this.root.querySelector('#sidebar-toggle')?.setAttribute('aria-expanded', 'false');
  }

  toggleSidebar(button) {
    const open = this.root.classList.toggle('sidebar-open');
    button?.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) this.root.querySelector('#sidebar a.box')?.focus();
  }

  async deliver(files) {
    const [user, mailbox] = [this.user, this.mailbox];
    if (!user) return;
    const uids = [];
    for (const file of files) {
      try {
        const answer = await api.deliver(user, mailbox, file);
        uids.push(answer?.uid);
      } catch (e) {
        errorToast(new Error(`${file.name}: ${e.message}`));
      }
    }
    if (uids.length) {
      toast(`Delivered ${count(uids.length, 'message', 'messages')} to ${mailbox}.`);
      await this.refresh();
    }
  }

  installDrop() {
    const overlay = this.root.querySelector('#drop-overlay');
    const card = this.root.querySelector('#drop-card');
    let depth = 0;
    const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const hide = () => { depth = 0; overlay.hidden = true; };
    this.root.addEventListener('dragenter', (e) => {
      if (!hasFiles(e) || !this.user) return;
      e.preventDefault();
      depth++;
      replace(card, icon('upload'), h('strong', {}, 'Drop .eml files to deliver'),
        h('span', { class: 'muted' }, `to ${this.user} / ${this.mailbox}`));
      overlay.hidden = false;
    });
    this.root.addEventListener('dragover', (e) => {
      if (!hasFiles(e) || !this.user) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    this.root.addEventListener('dragleave', (e) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    });
    this.root.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      hide();
      const files = [...e.dataTransfer.files];
      if (files.length) this.deliver(files);
    });
  }
}
