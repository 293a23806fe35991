// The command journal as it happens: the recent entries from GET /api/journal, then every new one from the
// SSE stream. Entries are keyed by id, so an entry sent again (say, once its outcome is known) replaces the
// first; after the stream reconnects, the gap is filled from GET /api/journal?since=.
import { api } from './api.js';

const MAX_ENTRIES = 5000;

// Ids are "CONNECTION.INDEX" ("smtp-CONNECTION.INDEX" for SMTP); the journal's order is the time of
// recording, then the id's numbers.
function inJournalOrder(a, b) {
  const ta = Date.parse(a.time) || 0;
  const tb = Date.parse(b.time) || 0;
  if (ta !== tb) return ta - tb;
  const [ca, ia] = String(a.id).replace('smtp-', '').split('.').map(Number);
  const [cb, ib] = String(b.id).replace('smtp-', '').split('.').map(Number);
  return ca - cb || ia - ib;
}

export class JournalFeed {
  constructor() {
    this.entries = [];
    this.byId = new Map();
    this.state = 'connecting';
    this.subscribers = new Set();
    this.source = null;
  }

  subscribe(fn) {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  notify(change) {
    for (const fn of this.subscribers) fn(change);
  }

  async start() {
    this.open();
    await this.backfill();
  }

  open() {
    this.source?.close();
    const source = new EventSource(api.streamUrl());
    this.source = source;
    source.addEventListener('open', () => {
      const wasDown = this.state === 'down';
      this.setState('live');
      if (wasDown) this.backfill();
    });
    source.addEventListener('error', () => {
      this.setState(source.readyState === EventSource.CLOSED ? 'closed' : 'down');
      if (source.readyState === EventSource.CLOSED) {
        // The server cut us off (say, as a slow reader); come back in a moment.
        setTimeout(() => { if (this.source === source) this.open(); }, 2000);
      }
    });
    const onEntry = (event) => {
      try { this.add([JSON.parse(event.data)]); } catch { /* not an entry */ }
    };
    // Cut off for reading too slowly: the response ends and EventSource reconnects; the backfill on
    // reconnecting brings what was missed.
    source.addEventListener('overflow', () => this.setState('down'));
    source.addEventListener('command', onEntry);
    source.addEventListener('message', onEntry);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.notify({ state });
  }

  async backfill() {
    const last = this.entries[this.entries.length - 1];
    const query = last?.time ? { since: last.time, limit: 1000 } : { limit: 500 };
    try {
      const list = await api.journal(query);
      if (Array.isArray(list)) this.add(list);
    } catch {
      // The stream still brings what comes next.
    }
  }

  add(list) {
    const added = [];
    let updated = false;
    for (const entry of list) {
      if (!entry || entry.id === undefined) continue;
      const known = this.byId.get(entry.id);
      if (known) {
        Object.assign(known, entry);
        updated = true;
        continue;
      }
      this.byId.set(entry.id, entry);
      this.entries.push(entry);
      added.push(entry);
    }
    if (added.length && added.length !== this.entries.length) this.entries.sort(inJournalOrder);
    let dropped = 0;
    while (this.entries.length > MAX_ENTRIES) {
      this.byId.delete(this.entries.shift().id);
      dropped++;
    }
    if (added.length || updated || dropped) this.notify({ added, updated, dropped });
  }

  clear() {
    this.entries = [];
    this.byId.clear();
    this.notify({ cleared: true });
  }
}
