// @ts-check
// The flowchart as navigation: a row of step buttons (the keyboard and screen-reader path, with the
// stable `[data-testid=node-ID]` hooks) and the seed's mermaid diagram, rendered lazily from its
// source by the real mermaid library served from node_modules; its nodes are clickable too.
import { NODES, language, mermaidSource, say, showLabel } from './i18n.js';

/** @import {NodeId} from './types.js' */

const MERMAID_URL = new URL('../node_modules/mermaid/dist/mermaid.esm.min.mjs', import.meta.url);

export class Flowchart {
  /**
   * `list` holds the step buttons, `diagram` the mermaid SVG, `source` its text; `onSelect(id)`
   * opens a panel.
   * @param {{list: HTMLElement, diagram: HTMLElement, source: HTMLElement}} parts
   * @param {(id: NodeId) => void} onSelect
   */
  constructor({ list, diagram, source }, onSelect) {
    this.onSelect = onSelect;
    this.diagram = diagram;
    /** @type {Set<NodeId>} */
    this.done = new Set();
    /** @type {NodeId | null} */
    this.active = null;
    /** How many times the diagram was drawn (undefined before the first). @type {number | undefined} */
    this.renders = undefined;
    /** @type {Map<NodeId, SVGGElement>} */
    this.shapes = new Map();
    source.textContent = mermaidSource(language());
    this.buttons = new Map(NODES.map((n, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.testid = `node-${n.id}`;
      button.dataset.node = n.id;
      const num = document.createElement('span');
      num.className = 'step-num';
      num.textContent = String(i + 1);
      const text = document.createElement('span');
      showLabel(text, n.id);
      button.append(num, text);
      button.addEventListener('click', () => onSelect(n.id));
      li.append(button);
      list.append(li);
      return [n.id, button];
    }));
    list.addEventListener('keydown', (ev) => this.arrowKeys(ev));
  }

  /**
   * Left/right arrows move between the step buttons (Tab still leaves the list).
   * @param {KeyboardEvent} ev
   */
  arrowKeys(ev) {
    const order = [...this.buttons.values()];
    const at = order.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (at < 0) return;
    const delta = /** @type {Record<string, number>} */ ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 })[ev.key];
    if (!delta) return;
    ev.preventDefault();
    order[(at + delta + order.length) % order.length].focus();
  }

  /**
   * Marks `id` active (aria-current="step") in the list and the diagram.
   * @param {NodeId} id
   */
  setActive(id) {
    this.active = id;
    for (const [nid, b] of this.buttons) {
      if (nid === id) {
        b.setAttribute('aria-current', 'step');
        // On a phone the strip scrolls sideways: keep the open step in view.
        const strip = /** @type {HTMLOListElement} */ (b.closest('ol'));
        const item = /** @type {HTMLElement} */ (b.parentElement);
        if (strip.scrollWidth > strip.clientWidth) strip.scrollLeft = item.offsetLeft - strip.offsetLeft - 8;
      }
      else b.removeAttribute('aria-current');
    }
    this.paintDiagram();
  }

  /**
   * Marks `id` done (or not).
   * @param {NodeId} id
   */
  setDone(id, done = true) {
    if (done) this.done.add(id);
    else this.done.delete(id);
    this.buttons.get(id)?.classList.toggle('done', done);
    this.paintDiagram();
  }

  /** @param {NodeId | null} id the node the guide points at next */
  highlight(id) {
    for (const [nid, b] of this.buttons) b.classList.toggle('guide-next', nid === id);
  }

  /** Imports mermaid and draws the diagram in the current language; the step list works without it. */
  async render() {
    try {
      const { default: mermaid } = await import(MERMAID_URL.href);
      if (!this.renders) {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'base', fontFamily: 'var(--font)',
          themeVariables: { primaryColor: '#ffffff', primaryBorderColor: '#5b6475', lineColor: '#5b6475', fontSize: '14px' } });
      }
      this.renders = (this.renders ?? 0) + 1;
      const { svg } = await mermaid.render(`kindling-flow-${this.renders}`, mermaidSource(language()));
      // mermaid's own output (sanitised, strict mode), parsed as SVG — never HTML from user data.
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const el = document.importNode(doc.documentElement, true);
      el.removeAttribute('style');
      el.setAttribute('aria-hidden', 'true');
      this.diagram.replaceChildren(el);
      this.diagram.dataset.rendered = 'true';
      this.diagram.dataset.lang = language();
      this.wireDiagram(el);
    } catch (err) {
      this.diagram.dataset.rendered = 'failed';
      const p = document.createElement('p');
      p.className = 'note';
      say(p, 'flow.failed', { error: /** @type {Error} */ (err).message });
      this.diagram.replaceChildren(p);
    }
  }

  /** @param {Element} svg */
  wireDiagram(svg) {
    this.shapes = new Map();
    for (const n of NODES) {
      const g = /** @type {SVGGElement | null} */ (svg.querySelector(`g.node[id*="-${n.mermaid}-"]`));
      if (!g) continue;
      g.addEventListener('click', () => this.onSelect(n.id));
      g.dataset.node = n.id;
      this.shapes.set(n.id, g);
    }
    this.paintDiagram();
  }

  paintDiagram() {
    for (const [id, g] of this.shapes) {
      g.classList.toggle('flow-active', id === this.active);
      g.classList.toggle('flow-done', this.done.has(id));
    }
  }
}
