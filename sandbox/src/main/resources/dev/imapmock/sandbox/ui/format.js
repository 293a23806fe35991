// Formatting of API values for display; every function accepts missing or odd values without throwing.

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dated = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function parse(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A short date for a list: the time today, the day this year, else the date. */
export function shortDate(iso) {
  const date = parse(iso);
  if (!date) return '';
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (date.getFullYear() === now.getFullYear()) return day.format(date);
  return dated.format(date);
}

export function longDate(iso) {
  const date = parse(iso);
  return date ? full.format(date) : (iso ?? '');
}

/** HH:MM:SS.mmm in local time, for the command log. */
export function clock(iso) {
  const date = parse(iso);
  if (!date) return '';
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function size(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function address(a) {
  if (!a) return '';
  if (a.name && a.address) return `${a.name} <${a.address}>`;
  return a.name || a.address || '';
}

/** The display name of the first address (for lists), or its address. */
export function sender(list) {
  const first = Array.isArray(list) ? list[0] : null;
  if (!first) return '';
  return first.name || first.address || '';
}

export function addresses(list) {
  return Array.isArray(list) ? list.map(address).filter(Boolean).join(', ') : '';
}

export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
