// Short notices in the page's polite live region; errors stay a little longer.
import { h } from './dom.js';

export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  const item = h('div', { class: ['toast', `toast-${kind}`] }, message);
  region.appendChild(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

export function errorToast(error) {
  toast(error instanceof Error ? error.message : String(error), 'error');
}
