// The dev server (scripts/serve.mjs, issue 13 item 2) against hostile request paths: each gets a
// 400/404 answer, nothing outside the served root is read, and the server keeps answering.
// Run: node --test tests/node/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, serve } from '../../scripts/serve.mjs';

// tmp/site is served; tmp/site-secret is a sibling whose name starts with the root's name.
const tmp = mkdtempSync(join(tmpdir(), 'kindling-serve-'));
const root = join(tmp, 'site');
mkdirSync(join(root, 'sub'), { recursive: true });
mkdirSync(join(tmp, 'site-secret'));
writeFileSync(join(root, 'index.html'), '<p>home</p>');
writeFileSync(join(root, 'sub', 'a.wasm'), Buffer.from([0, 97, 115, 109]));
writeFileSync(join(root, 'sub', 'm.mjs'), 'export {};');
writeFileSync(join(tmp, 'site-secret', 'secret.txt'), 'SECRET');
symlinkSync(join(tmp, 'site-secret'), join(root, 'link'));

let server;
let port;
before(async () => { ({ server } = await serve(0, '127.0.0.1', root)); port = server.address().port; });
after(() => { server.close(); rmSync(tmp, { recursive: true }); });

/** Sends `path` exactly as written (no normalisation by a URL parser) and collects the answer. */
function get(path, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function stillServes() {
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.equal(res.body, '<p>home</p>');
}

test('GET // is answered (the root) and the server keeps going', async () => {
  const res = await get('//');
  assert.equal(res.status, 200);
  assert.equal(res.body, '<p>home</p>');
  await stillServes();
});

test('a malformed percent-escape is a 400, not a crash', async () => {
  const res = await get('/%E0%A4%A');
  assert.equal(res.status, 400);
  assert.match(res.body, /malformed percent-escape/);
  await stillServes();
});

test('a sibling folder whose name starts with the root name cannot be read', async () => {
  for (const path of ['/..%2fsite-secret/secret.txt', '/../site-secret/secret.txt', '/%2e%2e/site-secret/secret.txt',
    '/sub/..%2f..%2fsite-secret%2fsecret.txt', '/link/secret.txt']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.body, 'not found', path);
  }
  await stillServes();
});

test('a NUL in the path and a request target that is not a path are 400s', async () => {
  assert.equal((await get('/index.html%00.png')).status, 400);
  assert.equal((await get('*', 'OPTIONS')).status, 405);
  await stillServes();
});

test('files carry their MIME type, nosniff, the CSP and the isolation headers; errors too', async () => {
  const wasm = await get('/sub/a.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal((await get('/sub/m.mjs?v=1')).headers['content-type'], 'text/javascript; charset=utf-8');
  for (const res of [wasm, await get('/missing.js'), await get('/%E0%A4%A')]) {
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], CSP);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
  }
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
});
