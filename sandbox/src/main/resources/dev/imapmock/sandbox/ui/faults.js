// The fault rules: each with how often it fired and a button to remove it, a form that adds one in the
// fault-file line format (docs/faults.md), and a few examples that fill the form.
import { h, replace } from './dom.js';
import { api } from './api.js';
import { count } from './format.js';
import { errorToast, toast } from './toast.js';

const EXAMPLES = [
  'on LOGIN respond NO [UNAVAILABLE] Down for maintenance',
  'on SELECT nth 2 respond NO [UNAVAILABLE] Try later',
  'on FETCH delay 500ms',
  'on UID FETCH times 3 in-literal 100 reset',
  'on NOOP after-tagged inject * 3 EXISTS',
  'on APPEND over-quota',
  'greeting bye Too many connections',
];

export class FaultsView {
  constructor(root, { onCount }) {
    this.root = root;
    this.onCount = onCount;
    this.snapshot = '';
    this.rules = [];
    this.build();
  }

  build() {
    this.input = h('input', {
      type: 'text', class: 'input mono', id: 'fault-line', name: 'rule', required: true,
      autocomplete: 'off', spellcheck: 'false', placeholder: 'on SELECT nth 2 respond NO [UNAVAILABLE] Try later',
      aria: { describedby: 'fault-help fault-error' },
    });
    this.error = h('p', { class: 'form-error', id: 'fault-error', role: 'alert' });
    const form = h('form', {
      class: 'fault-form', id: 'fault-form', aria: { label: 'Add a fault rule' },
      on: { submit: (e) => { e.preventDefault(); this.add(); } },
    },
    h('label', { for: 'fault-line' }, 'New rule'),
    h('div', { class: 'input-row' }, this.input,
      h('button', { type: 'submit', class: 'primary', id: 'fault-add' }, 'Add rule')),
    this.error,
    h('p', { class: 'muted small', id: 'fault-help' },
      'One line of a fault file: a target, conditions, then one effect. Examples:'),
    h('div', { class: 'examples' }, EXAMPLES.map((line) => h('button', {
      type: 'button', class: 'example mono', title: 'Put this rule in the form',
      on: { click: () => { this.input.value = line; this.input.focus(); } },
    }, line))));
    this.removeAll = h('button', {
      type: 'button', class: 'button danger-outline', id: 'fault-remove-all',
      on: { click: () => this.clearAll() },
    }, 'Remove all');
    this.list = h('div', { class: 'fault-list', id: 'fault-list' });
    replace(this.root, h('div', { class: 'faults-wrap' },
      h('div', { class: 'pane-head' },
        h('div', { class: 'pane-title' }, h('h1', {}, 'Fault rules'),
          h('p', { class: 'muted small', id: 'fault-summary' }, '')),
        this.removeAll),
      this.list,
      form));
  }

  async load() {
    let rules;
    try {
      rules = await api.faults();
    } catch (e) {
      replace(this.list, h('p', { class: 'error-text' }, e.message));
      return;
    }
    this.onCount(rules.length);
    const snapshot = JSON.stringify(rules);
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.rules = rules;
    this.render();
  }

  render() {
    const focusedId = document.activeElement?.dataset?.faultId;
    this.root.querySelector('#fault-summary').textContent = this.rules.length
      ? `${count(this.rules.length, 'rule', 'rules')} · every matching rule fires, in this order`
      : '';
    this.removeAll.disabled = this.rules.length === 0;
    replace(this.list, this.rules.length
      ? h('table', { class: 'fault-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Rule'),
          h('th', { scope: 'col', class: 'num' }, 'Fired'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, this.rules.map((rule) => h('tr', {
          class: ['fault-rule', rule.fired > 0 && 'has-fired'], dataset: { id: rule.id },
        },
        h('td', {}, h('code', { class: 'rule-text' }, rule.rule)),
        h('td', { class: 'num' }, h('span', { class: ['fired', rule.fired > 0 && 'fired-some'] }, String(rule.fired ?? 0))),
        h('td', { class: 'actions-cell' }, h('button', {
          type: 'button', class: 'button small-button remove-fault', dataset: { faultId: rule.id },
          aria: { label: `Remove rule ${rule.rule}` },
          on: { click: () => this.remove(rule) },
        }, 'Remove'))))))
      : h('div', { class: 'empty-note' },
        h('p', {}, 'No fault rules: the server behaves.'),
        h('p', { class: 'muted small' }, 'Add one below; it applies to the next matching command.')));
    if (focusedId) this.list.querySelector(`[data-fault-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  async add() {
    const line = this.input.value.trim();
    this.error.textContent = '';
    this.input.removeAttribute('aria-invalid');
    if (!line) return;
    try {
      const rule = await api.addFault(line);
      this.input.value = '';
      toast(`Rule added: ${rule?.rule ?? line}`);
      await this.load();
    } catch (e) {
      this.error.textContent = e.message;
      this.input.setAttribute('aria-invalid', 'true');
      this.input.focus();
    }
  }

  async remove(rule) {
    try {
      await api.removeFault(rule.id);
      toast(`Rule removed: ${rule.rule}`);
      await this.load();
      (this.list.querySelector('.remove-fault') ?? this.input).focus();
    } catch (e) {
      errorToast(e);
    }
  }

  async clearAll() {
    try {
      await api.removeAllFaults();
      toast('All fault rules removed.');
      await this.load();
      this.input.focus();
    } catch (e) {
      errorToast(e);
    }
  }
}
