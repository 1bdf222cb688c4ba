// A minimal DOM for node --test: enough of Document/Element for ringdesk's views, with
// textContent semantics that match the browser (text is never parsed as markup).
// Install with `installFakeDom()` before importing view modules.

class Node {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }
  get firstChild() { return this.childNodes[0] ?? null; }
  appendChild(child) {
    if (child.parentNode) child.parentNode.removeChild(child);
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  removeChild(child) {
    const i = this.childNodes.indexOf(child);
    if (i < 0) throw new Error('not a child');
    this.childNodes.splice(i, 1);
    child.parentNode = null;
    return child;
  }
  remove() { this.parentNode?.removeChild(this); }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(value) {
    this.childNodes = [];
    if (value !== '' && value != null) this.appendChild(new Text(this.ownerDocument, String(value)));
  }
}

class Text extends Node {
  constructor(doc, data) { super(doc); this.data = data; this.nodeType = 3; }
  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
}

class Element extends Node {
  constructor(doc, tagName, namespaceURI = null) {
    super(doc);
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.namespaceURI = namespaceURI;
    this.attributes = new Map();
    this.listeners = new Map();
    this.value = '';
    this.disabled = false;
    this.style = {};
    this.scrollTop = 0;
    this.clientHeight = 600;
    const el = this;
    this.dataset = new Proxy({}, {
      get: (_, key) => el.getAttribute(`data-${String(key)}`) ?? undefined,
      set: (_, key, v) => { el.setAttribute(`data-${String(key)}`, String(v)); return true; },
      ownKeys: () => [...el.attributes.keys()].filter((k) => k.startsWith('data-')).map((k) => k.slice(5)),
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
    });
  }
  get children() { return this.childNodes.filter((c) => c instanceof Element); }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
    if (name === 'disabled') this.disabled = true;
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }
  get id() { return this.getAttribute('id') ?? ''; }
  get className() { return this.getAttribute('class') ?? ''; }
  set className(value) { this.setAttribute('class', value); }
  get hidden() { return this.hasAttribute('hidden'); }
  set hidden(value) { if (value) this.setAttribute('hidden', ''); else this.removeAttribute('hidden'); }
  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }
  dispatchEvent(event) {
    event.target ??= this;
    event.defaultPrevented ??= false;
    event.preventDefault ??= () => { event.defaultPrevented = true; };
    for (let node = this; node; node = node.parentNode) {
      for (const fn of node.listeners?.get(event.type) ?? []) fn(event);
    }
    return !event.defaultPrevented;
  }
  focus() { this.ownerDocument.activeElement = this; }
  click() { if (!this.disabled) this.dispatchEvent({ type: 'click' }); }
  setSelectionRange(start, end) { this.selectionStart = start; this.selectionEnd = end; }
  querySelector() { return null; }
}

class Document extends Node {
  constructor() {
    super(null);
    this.ownerDocument = this;
    this.activeElement = null;
    this.listeners = new Map();
    this.body = new Element(this, 'body');
    this.appendChild(this.body);
  }
  createElement(tag) { return new Element(this, tag); }
  createElementNS(ns, tag) { return new Element(this, tag, ns); }
  createTextNode(data) { return new Text(this, data); }
  getElementById(id) { return findAll(this, (el) => el.id === id)[0] ?? null; }
  addEventListener(type, fn) { Element.prototype.addEventListener.call(this, type, fn); }
  dispatchEvent(event) { return Element.prototype.dispatchEvent.call(this, event); }
}

/** Every element under `root` (depth first) for which `predicate` holds. */
export function findAll(root, predicate) {
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child instanceof Element) {
        if (predicate(child)) out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

/** The element whose accessible name (aria-label, or a <label for>) is `name`. */
export function byLabel(root, name) {
  const direct = findAll(root, (el) => el.getAttribute('aria-label') === name);
  if (direct.length) return direct[0];
  const label = findAll(root, (el) => el.tagName === 'LABEL' && el.textContent === name)[0];
  return label ? findAll(root, (el) => el.id === label.getAttribute('for'))[0] ?? null : null;
}

/** Installs a fresh fake `document` as a global and returns it. */
export function installFakeDom() {
  const doc = new Document();
  globalThis.document = doc;
  return doc;
}
