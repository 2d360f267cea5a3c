// @ts-check
// Registers the service worker (sw.js, beside index.html) that keeps the playground working
// offline after one visit; on every visit asks it to cache files a rebuild added, and the lazily
// imported libraries this page loaded (mermaid's chunks, which no list can name ahead).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const ready = navigator.serviceWorker.register(new URL('../sw.js', import.meta.url))
    .then(() => navigator.serviceWorker.ready);
  ready.then((registration) => registration.active?.postMessage('precache'))
    .catch(() => {}); // no offline copy (a private window, a host without it): the page works online as before
  new PerformanceObserver((list) => {
    const urls = list.getEntries().map((e) => e.name).filter((url) => url.startsWith(`${location.origin}/`) && url.includes('/node_modules/'));
    if (urls.length) ready.then((registration) => registration.active?.postMessage({ cache: urls })).catch(() => {});
  }).observe({ type: 'resource', buffered: true });
}
