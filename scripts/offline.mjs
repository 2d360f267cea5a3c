// Writes offline.json: the files the service worker (sw.js) precaches so that after one visit the
// playground works offline — the two pages, the manifest, www/ (modules, styles, icons, built-in
// data; not www/bench/) and every pkg*/ package the build made (pkg/, a later pkg-chart/ or
// pkg-page/ alike), except pkg-bench/ (bench.html's). Run by scripts/build.sh after the packages.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEEP = /\.(html|js|mjs|css|csv|json|wasm|png|svg|webmanifest)$/;
const SKIP = new Set(['www/bench', 'pkg-bench']);

/** The files under `dir` (a path relative to the root) worth caching, as root-relative URLs. */
function walk(dir) {
  if (SKIP.has(dir) || !existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).sort().flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
    return KEEP.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const packages = readdirSync(ROOT).filter((name) => /^pkg/.test(name) && statSync(join(ROOT, name)).isDirectory());
const files = ['index.html', 'embed.html', 'manifest.webmanifest', ...walk('www'), ...packages.flatMap(walk)]
  .filter((f) => existsSync(join(ROOT, f)))
  .map((f) => f.split(sep).join('/'));
writeFileSync(join(ROOT, 'offline.json'), `${JSON.stringify({ files }, null, 1)}\n`);
console.log(`offline: ${files.length} files listed in ${relative(process.cwd(), join(ROOT, 'offline.json')) || 'offline.json'}`);
