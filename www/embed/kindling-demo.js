// @ts-check
// <kindling-demo experiment="…" [data="…"] [hide="metrics,settings"] [readonly] [run] [lang]>: the
// custom-element way to embed a demo. It frames embed.html (same hash parameters) so that each
// demo has its own worker, state and URL, and nothing it does reaches the host page. Its language
// is the element's own (its `lang`, or its page's): Chinese (`zh…`) or English (`en…`); others
// leave it to the reader's browser. The frame takes the height its demo reports (`kindling-size`
// messages from that frame only); `height` is the height until then. This module may be loaded
// from another origin (a blog): docs/EMBEDDING.md.
const EMBED = new URL('../../embed.html', import.meta.url);
const PARAMS = ['experiment', 'data', 'hide', 'readonly', 'run'];

class KindlingDemo extends HTMLElement {
  /** @type {HTMLIFrameElement | null} */
  frame = null;

  /** Follows the height the framed demo reports. @param {MessageEvent} event */
  onSize = (event) => {
    const height = event.data?.type === 'kindling-size' ? Number(event.data.height) : NaN;
    if (!this.frame || event.source !== this.frame.contentWindow || !Number.isFinite(height)) return;
    this.frame.style.height = `${Math.min(Math.max(Math.round(height), 120), 4000)}px`;
    this.frame.dataset.sized = 'true';
  };

  connectedCallback() {
    window.addEventListener('message', this.onSize);
    if (this.shadowRoot) return;
    const params = new URLSearchParams();
    for (const name of PARAMS) {
      if (!this.hasAttribute(name)) continue;
      const value = this.getAttribute(name);
      params.set(name, ['readonly', 'run'].includes(name) ? '1' : value ?? '');
    }
    const frame = document.createElement('iframe');
    const lang = /^(zh|en)\b/i.exec(this.closest('[lang]')?.getAttribute('lang') ?? '')?.[1].toLowerCase();
    frame.src = `${EMBED.href}${lang ? `?lang=${lang}` : ''}#${params}`;
    frame.title = this.getAttribute('title') ?? (lang === 'zh' ? 'Kindling 演示' : 'Kindling demo');
    frame.loading = 'lazy';
    frame.style.cssText = `border:0;width:100%;height:${Number(this.getAttribute('height')) || 460}px`;
    this.frame = frame;
    this.attachShadow({ mode: 'open' }).append(frame);
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onSize);
  }
}

if (!customElements.get('kindling-demo')) customElements.define('kindling-demo', KindlingDemo);
