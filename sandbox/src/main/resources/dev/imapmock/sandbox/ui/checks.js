// The client checks' report (docs/client-checks.md): what the connected clients did wrong or wastefully,
// grouped by kind, each finding with its rule id, RFC section, connection, command, explanation and count.
// Loaded when the view is opened and by its Refresh button; the report only grows between loads.
import { h, replace } from './dom.js';
import { api } from './api.js';
import { count } from './format.js';

const KINDS = [
  { kind: 'violation', title: 'Violations', hint: 'The client broke an RFC rule: a stricter server may refuse or misread it.' },
  { kind: 'wasteful', title: 'Wasteful patterns', hint: 'Legal, but slow against a real server.' },
  { kind: 'note', title: 'Notes', hint: 'Worth knowing, not wrong.' },
];

export class ChecksView {
  constructor(root) {
    this.root = root;
    this.build();
  }

  build() {
    this.summary = h('p', { class: 'muted small', id: 'checks-summary' }, '');
    this.refresh = h('button', {
      type: 'button', class: 'button', id: 'checks-refresh', on: { click: () => this.load() },
    }, 'Refresh');
    this.list = h('div', { class: 'checks-list', id: 'checks-list', aria: { live: 'polite' } });
    replace(this.root, h('div', { class: 'checks-wrap' },
      h('div', { class: 'pane-head' },
        h('div', { class: 'pane-title' }, h('h1', {}, 'Client checks'), this.summary),
        this.refresh),
      this.list));
  }

  async load() {
    let report;
    try {
      report = await api.clientReport();
    } catch (e) {
      replace(this.list, h('p', { class: 'error-text' }, e.message));
      return;
    }
    this.render(report);
  }

  render(report) {
    const findings = report.findings ?? [];
    this.summary.textContent = findings.length
      ? `${count(report.violations, 'violation', 'violations')} · ${count(report.wasteful, 'wasteful pattern', 'wasteful patterns')}`
        + ` · ${count(report.notes, 'note', 'notes')}`
      : '';
    if (findings.length === 0) {
      replace(this.list, h('div', { class: 'empty-note', id: 'checks-empty' },
        h('p', {}, 'No findings: the clients so far broke no rule and wasted nothing.'),
        h('p', { class: 'muted small' }, 'Connect a client, then press Refresh.')));
      return;
    }
    replace(this.list, KINDS.map(({ kind, title, hint }) => {
      const ofKind = findings.filter((f) => f.kind === kind);
      if (ofKind.length === 0) return null;
      return h('section', { class: ['check-group', `check-${kind}`], dataset: { kind }, aria: { label: title } },
        h('h2', { class: 'check-group-title' }, `${title} (${ofKind.length})`),
        h('p', { class: 'muted small check-hint' }, hint),
        h('table', { class: 'check-table' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Rule'),
            h('th', { scope: 'col' }, 'Connection'),
            h('th', { scope: 'col' }, 'Command and explanation'),
            h('th', { scope: 'col', class: 'num' }, 'Count'))),
          h('tbody', {}, ofKind.map((f) => h('tr', { class: 'finding', dataset: { rule: f.rule } },
            h('td', {}, h('code', { class: 'finding-rule' }, f.rule),
              h('div', { class: 'muted small finding-rfc' }, f.rfc)),
            h('td', { class: 'finding-connection' }, h('a', { href: `#/log/${f.connection}` }, `#${f.connection}`)),
            h('td', {}, h('code', { class: 'finding-command' }, f.command),
              h('div', { class: 'finding-explanation' }, f.explanation)),
            h('td', { class: 'num finding-count' }, String(f.count)))))));
    }));
  }
}
