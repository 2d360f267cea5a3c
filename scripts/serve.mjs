// A small static file server for the playground (no dependencies). Serves the repository root on
// 127.0.0.1 with the right MIME types, cross-origin isolation headers (for precise timers), nosniff
// and a Content-Security-Policy. Bad request paths get 400/404; no request can stop the server.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** What the page, embed.html, bench.html, their module workers and the lazily imported mermaid and
 *  panels need, and nothing more: scripts only from this origin (no inline script, no eval), wasm
 *  compilation ('wasm-unsafe-eval'), inline styles (mermaid writes `<style>` into its SVG; bench.html
 *  and embed snippets carry a `style`), data: images (the blank favicon), same-origin frames (embeds). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every answer, files and errors alike. */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CSP,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What a page on another origin (a blog) loads to embed a demo: the `<kindling-demo>` module (a
 *  module script is a CORS request), embed.html (framed; a host with COEP require-corp needs its
 *  CORP to allow that) and the wasm packages. They get CORS for everyone and CORP cross-origin;
 *  everything else stays same-origin. docs/EMBEDDING.md says what the host page must set. */
export const EMBEDDABLE = /^\/(embed\.html|www\/embed\/[\w-]+\.(js|css)|pkg[\w-]*\/[\w-]+\.(js|wasm))$/;
const EMBED_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** The file under `root` that request target `url` names, or `{code, text}` when it names none:
 *  400 for a target that is not a decodable path, 404 for one that resolves outside `root`. */
export function fileFor(url, root) {
  const raw = String(url).split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { code: 400, text: 'bad request: the path has a malformed percent-escape' };
  }
  if (!path.startsWith('/') || path.includes('\0')) return { code: 400, text: 'bad request: the path must start with / and hold no NUL' };
  const file = resolve(root, `.${path}`);
  return inside(file, root) ? { file } : { code: 404, text: 'not found' };
}

/** Whether `file` is `root` itself or under it (a prefix bounded by a path separator, so a sibling
 *  folder `root-old` is not under `root`). */
const inside = (file, root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

async function handle(req, res, root) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed: use GET or HEAD', { Allow: 'GET, HEAD' });
  const found = fileFor(req.url, root);
  if (!found.file) return send(res, found.code, found.text);
  let file = found.file;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    // A symbolic link inside the root must not lead out of it either.
    if (!inside(await realpath(file), root)) return send(res, 404, 'not found');
    const body = await readFile(file);
    const embeddable = EMBEDDABLE.test(String(req.url).split(/[?#]/, 1)[0]) ? EMBED_HEADERS : {};
    res.writeHead(200, { ...COMMON, ...embeddable, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    send(res, 404, 'not found');
  }
}

function send(res, code, text, extra = {}) {
  if (res.headersSent) return res.destroy();
  res.writeHead(code, { ...COMMON, ...extra, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Starts the server on `port` (0 = any free port) for `root` (default: this repository);
 *  resolves to `{server, url}`. */
export function serve(port = 8080, host = '127.0.0.1', root = ROOT) {
  const dir = realpathSync(resolve(root));
  const server = createServer((req, res) => {
    handle(req, res, dir).catch(() => send(res, 500, 'internal error'));
  });
  return new Promise((ok) => server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.argv[2] ?? 8080));
  console.log(`Kindling is served at ${url} (Ctrl+C to stop)`);
}
