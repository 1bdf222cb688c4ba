// Element building for every view. Text is only ever set as text nodes: no HTML parsing,
// so untrusted strings (SMS bodies, contact names, links) can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element.
 * @param {string} tag
 * @param {Record<string, unknown>} [props] attributes; `class`, `dataset`, `on<Event>` handlers,
 *   `true` for boolean attributes; `null`, `undefined` and `false` are skipped.
 * @param {...unknown} children strings/numbers (as text), nodes, arrays, or nothing.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** An icon from the sprite, hidden from assistive technology (its button carries the label). */
export function icon(name) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS(SVG_NS, 'use');
  use.setAttribute('href', `icons.svg#${name}`);
  svg.appendChild(use);
  return svg;
}

/** Replaces all children of `el`. */
export function replaceChildren(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) el.dataset[name] = String(data);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}
