// DOM building for data that comes from the API. Everything the API returns is hostile input (fixtures may
// hold any mail), so text only ever becomes text nodes and attribute values; nothing here parses HTML.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Creates an element. `props`: `class` (string or array), `text`, `on` ({event: handler}), `dataset`,
 * `aria` ({label: ...} => aria-label), `href` (checked by safeHref), and plain attributes; children are
 * nodes, strings (text nodes), arrays, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) el.dataset[name] = String(data);
    } else if (key === 'aria') {
      for (const [name, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) el.setAttribute(`aria-${name}`, String(data));
      }
    } else if (key === 'href') {
      const href = safeHref(value);
      if (href) el.setAttribute('href', href);
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error(`h(): refusing attribute ${key}`);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * The URL when it is same-origin or uses a scheme that can't run script (http, https, mailto), else null:
 * `javascript:`, `data:`, `vbscript:` and the rest never become a link.
 */
export function safeHref(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value, document.baseURI);
    if (url.origin === location.origin || SAFE_SCHEMES.has(url.protocol)) return url.href;
  } catch {
    // Not a URL: no link.
  }
  return null;
}

/**
 * Text with its http(s) URLs and e-mail addresses as links that open outside the viewer; everything
 * else (a `javascript:` URL included) stays plain text.
 */
export function linkify(text) {
  const nodes = [];
  const pattern = /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const target = match[0].includes('://') ? match[0] : `mailto:${match[0]}`;
    const href = safeHref(target);
    nodes.push(href
      ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, match[0])
      : document.createTextNode(match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

const SVG = 'http://www.w3.org/2000/svg';
const ICONS = {
  star: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z',
  reply: 'M10 8V4L3 11l7 7v-4.1c4.6 0 7.9 1.5 10 4.6-.8-4.6-3.6-9.2-10-10.5z',
  clip: 'M16.5 6.5l-7.8 7.8a2 2 0 002.8 2.8l8-8a4 4 0 00-5.7-5.7l-8.2 8.2a6 6 0 008.5 8.5l6.6-6.6',
  draft: 'M4 17.3V20h2.7l9.9-9.9-2.7-2.7zM19.7 7a1 1 0 000-1.4l-1.3-1.3a1 1 0 00-1.4 0l-1.1 1.1 2.7 2.7z',
  trash: 'M6 7h12l-1 13H7zM9 4h6l1 2H8z',
  dot: 'M12 8a4 4 0 110 8 4 4 0 010-8z',
  upload: 'M12 3l5 5h-3v6h-4V8H7zM5 17h14v3H5z',
  sun: 'M12 7a5 5 0 110 10 5 5 0 010-10zM11 1h2v3h-2zM11 20h2v3h-2zM1 11h3v2H1zM20 11h3v2h-3z',
  moon: 'M20 15.3A8.5 8.5 0 018.7 4a8.5 8.5 0 1011.3 11.3z',
  back: 'M15.5 4.5L8 12l7.5 7.5-1.5 1.5-9-9 9-9z',
};

/** A small inline icon, hidden from assistive technology (the element next to it carries the words). */
export function icon(name, extraClass) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', extraClass ? `icon icon-${name} ${extraClass}` : `icon icon-${name}`);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.appendChild(path);
  return svg;
}
