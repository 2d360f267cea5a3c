// @ts-check
// <kindling-demo experiment="…" [data="…"] [hide="metrics,settings"] [readonly] [run]>: the
// custom-element way to embed a demo. It frames embed.html (same hash parameters) so that each
// demo has its own worker, state and URL, and nothing it does reaches the host page.
const EMBED = new URL('../../embed.html', import.meta.url);
const PARAMS = ['experiment', 'data', 'hide', 'readonly', 'run'];

class KindlingDemo extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const params = new URLSearchParams();
    for (const name of PARAMS) {
      if (!this.hasAttribute(name)) continue;
      const value = this.getAttribute(name);
      params.set(name, ['readonly', 'run'].includes(name) ? '1' : value ?? '');
    }
    const frame = document.createElement('iframe');
    frame.src = `${EMBED.href}#${params}`;
    frame.title = this.getAttribute('title') ?? 'Kindling demo';
    frame.loading = 'lazy';
    frame.style.cssText = `border:0;width:100%;height:${Number(this.getAttribute('height')) || 460}px`;
    this.attachShadow({ mode: 'open' }).append(frame);
  }
}

if (!customElements.get('kindling-demo')) customElements.define('kindling-demo', KindlingDemo);
