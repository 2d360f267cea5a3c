#!/usr/bin/env node
// Fails when the Rust files under src/ import each other in a cycle (issue 12): a file-level
// graph walk over `use` paths, small enough to read, with no tool to install.
//
// Usage: node scripts/check-cycles.mjs [CRATE_ROOT.rs ...]   (default: src/lib.rs src/bin/kindling/main.rs)
//        node scripts/check-cycles.mjs --self-test           (runs it on tests/fixtures/cycles/)
//
// Rules:
// 1. Modules come from `mod NAME;` (file NAME.rs or NAME/mod.rs beside a lib.rs, main.rs or
//    mod.rs, else in the folder named after the declaring file; `#[path = "..."]` relative to the
//    declaring file's folder) and inline `mod NAME { ... }` blocks (same file). A module marked
//    `#[cfg(test)]` is left out with everything in it: a test may drive its module through the
//    API above it. Other `#[cfg]`s count (the wasm shell is checked too).
// 2. Edges come from the paths a file writes outside comments and string literals: every `use`
//    tree (`use a::{b, c::d as e, *}`) and every path in code (`crate::x::f()`, `super::y::Z`,
//    `child::g()`, `Imported::method`) whose first segment is `crate`, `super`, `self`, a child
//    module or a name the file imports. Paths into other crates (std, ndarray, and `kindling::`
//    from the CLI) are not edges.
// 3. A path resolves to the file that defines its item: segments walk down modules; the first
//    segment that is not a module is an item, looked up in that module: defined there (fn,
//    struct, enum, trait, type, const, static, union, macro_rules) → that module's file; imported
//    there (`use`, `pub use`) → where that import points, recursively; reachable through a glob
//    import (`pub use x::*`) → there. A path that ends at a module is an edge to the module's
//    file; a glob import is an edge to the globbed module's file.
// 4. Not edges: a parent declaring `mod child;`; a `pub use` re-export (it only forwards: the
//    files that use the item get the edge to where it is defined); a file using itself.
// 5. Any strongly connected set of two or more files is a cycle: the script prints its files and
//    the paths behind each edge, and exits 1. A cycle listed in ALLOWED (exact files, with the
//    reason) is printed as known and does not fail; an ALLOWED entry whose cycle is gone is
//    printed so that it can be removed.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Code with comments, strings and char literals blanked (same length, newlines kept). */
export function stripCode(src) {
  let out = '';
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const c = src[i], d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += blank(src.slice(i, stop)); i = stop;
    } else if (c === '/' && d === '*') {
      let depth = 1, j = i + 2;
      while (j < src.length && depth > 0) {
        if (src[j] === '/' && src[j + 1] === '*') { depth++; j += 2; }
        else if (src[j] === '*' && src[j + 1] === '/') { depth--; j += 2; }
        else j++;
      }
      out += blank(src.slice(i, j)); i = j;
    } else if ((c === 'r' || (c === 'b' && d === 'r')) && /^b?r#*"/.test(src.slice(i, i + 40)) && !/\w/.test(src[i - 1] ?? '')) {
      const m = /^b?r(#*)"/.exec(src.slice(i));
      const close = '"' + m[1];
      const end = src.indexOf(close, i + m[0].length);
      const stop = end < 0 ? src.length : end + close.length;
      out += blank(src.slice(i, stop)); i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += blank(src.slice(i, j + 1)); i = j + 1;
    } else if (c === "'") {
      // A char literal ('x', '\n', '\u{1F600}', '"'); a lifetime ('a) is left alone.
      const m = /^'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'])'/u.exec(src.slice(i, i + 16));
      if (m) { out += blank(m[0]); i += m[0].length; } else { out += c; i++; }
    } else { out += c; i++; }
  }
  return out;
}

/** `use` trees as [segments, alias] pairs; alias `*` is a glob. `a::{b, c as d}` → [[a,b],b], [[a,c],d]. */
export function expandUse(tree, prefix = []) {
  tree = tree.trim();
  const brace = tree.indexOf('{');
  if (brace >= 0) {
    const head = tree.slice(0, brace).replace(/::\s*$/, '');
    const base = head ? [...prefix, ...head.split('::').map((s) => s.trim())] : prefix;
    const inner = tree.slice(brace + 1, tree.lastIndexOf('}'));
    const parts = [];
    let depth = 0, start = 0;
    for (let k = 0; k < inner.length; k++) {
      if (inner[k] === '{') depth++;
      else if (inner[k] === '}') depth--;
      else if (inner[k] === ',' && depth === 0) { parts.push(inner.slice(start, k)); start = k + 1; }
    }
    parts.push(inner.slice(start));
    return parts.filter((p) => p.trim()).flatMap((p) => expandUse(p, base));
  }
  const [path, alias] = tree.split(/\s+as\s+/);
  const segs = [...prefix, ...path.split('::').map((s) => s.trim()).filter(Boolean)];
  const last = segs[segs.length - 1];
  if (last === '*') return [[segs.slice(0, -1), '*']];
  if (last === 'self') return [[segs.slice(0, -1), alias?.trim() ?? segs[segs.length - 2]]];
  return [[segs, alias?.trim() ?? last]];
}

const ITEM = /\b(?:fn|struct|enum|trait|type|const|static|union)\s+([A-Za-z_]\w*)|\bmacro_rules!\s*([A-Za-z_]\w*)/g;

/** Reads a crate from `rootFile` into modules: {path, file, parent, children, items, uses, globs, refs}. */
export function loadCrate(rootFile) {
  const modules = new Map();
  const key = (path) => path.join('::');
  function addModule(path, file, parent, code, dirForChildren) {
    const mod = { path, file, parent, children: new Map(), items: new Set(), uses: new Map(), globs: [], refs: [] };
    modules.set(key(path), mod);
    parseBody(mod, code, dirForChildren);
    return mod;
  }
  function parseBody(mod, code, dir) {
    // Take out inline `mod NAME { ... }` blocks first (their contents belong to the child).
    const inline = /((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*\{/g;
    let own = '', last = 0, m;
    while ((m = inline.exec(code))) {
      let depth = 1, j = inline.lastIndex;
      while (j < code.length && depth > 0) { if (code[j] === '{') depth++; else if (code[j] === '}') depth--; j++; }
      own += code.slice(last, m.index);
      const body = code.slice(inline.lastIndex, j - 1);
      if (!isTest(m[1])) mod.children.set(m[2], addModule([...mod.path, m[2]], mod.file, mod, body, join(dir, m[2])).path);
      last = j; inline.lastIndex = j;
    }
    own += code.slice(last);
    const decl = /((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*;/g;
    while ((m = decl.exec(own))) {
      const name = m[2];
      if (isTest(m[1])) continue;
      const pathAttr = findPathAttr(mod.file, name);
      const file = pathAttr ? join(dirname(mod.file), pathAttr)
        : [join(dir, `${name}.rs`), join(dir, name, 'mod.rs')].find(existsSync);
      if (!file) throw new Error(`${mod.file}: mod ${name}; has no file (looked for ${join(dir, name)}.rs and ${join(dir, name, 'mod.rs')})`);
      const childDir = /(^|\/)(mod|lib|main)\.rs$/.test(file) ? dirname(file) : join(dirname(file), basename(file, '.rs'));
      mod.children.set(name, addModule([...mod.path, name], file, mod, stripCode(readFileSync(file, 'utf8')), childDir).path);
    }
    for (const it of own.matchAll(ITEM)) mod.items.add(it[1] ?? it[2]);
    for (const u of own.matchAll(/\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/g)) {
      for (const [segs, alias] of expandUse(u[2].replace(/^::/, ''))) {
        if (alias === '*') mod.globs.push(segs); else mod.uses.set(alias, segs);
        // A re-export only forwards (rule 4); a private import is a dependency.
        if (!u[1]) mod.refs.push({ segs, text: `use ${segs.join('::')}${alias === '*' ? '::*' : ''}`, glob: alias === '*' });
      }
    }
    const noUse = own.replace(/\buse\s+[^;]+;/g, '');
    for (const p of noUse.matchAll(/(?<![\w:$.])([A-Za-z_]\w*(?:::[A-Za-z_]\w*)+)/g)) {
      mod.refs.push({ segs: p[1].split('::'), text: p[1] });
    }
  }
  const pathAttrs = new Map();
  function findPathAttr(file, name) {
    if (!pathAttrs.has(file)) {
      const found = new Map();
      const src = stripComments(readFileSync(file, 'utf8'));
      for (const m of src.matchAll(/#\[\s*path\s*=\s*"([^"]+)"\s*\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*;/g)) found.set(m[2], m[1]);
      pathAttrs.set(file, found);
    }
    return pathAttrs.get(file).get(name);
  }
  const root = addModule([], rootFile, null, stripCode(readFileSync(rootFile, 'utf8')), dirname(rootFile));
  return { modules, root, key };
}

/** True when the attributes before a `mod` make it test-only (`#[cfg(test)]`). */
function isTest(attrs) {
  return /#\[\s*cfg\s*\(\s*test\s*\)\s*\]/.test(attrs ?? '');
}

function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** The file a path resolves to from module `mod` (null: another crate or unknown). */
export function resolve(crate, mod, segs, seen = new Set()) {
  const tag = `${crate.key(mod.path)}|${segs.join('::')}`;
  if (seen.has(tag)) return null;
  seen.add(tag);
  let cur, i = 0;
  if (segs[0] === 'crate') { cur = crate.root; i = 1; }
  else if (segs[0] === 'self' || segs[0] === 'super') {
    cur = mod;
    while (segs[i] === 'self' || segs[i] === 'super') { if (segs[i] === 'super') cur = cur.parent ?? cur; i++; }
  } else {
    const found = lookup(crate, mod, segs[0], seen);
    if (!found) return null;
    if (found.item) return found.file;
    cur = found.module; i = 1;
  }
  for (; i < segs.length; i++) {
    const found = lookup(crate, cur, segs[i], seen);
    if (!found) return cur.file;
    if (found.item) return found.file;
    cur = found.module;
  }
  return cur.file;
}

/** One name in module `mod`: a child module, an item defined there, or an import (followed). */
function lookup(crate, mod, name, seen) {
  if (mod.children.has(name)) return { module: crate.modules.get(crate.key(mod.children.get(name))) };
  if (mod.items.has(name)) return { item: true, file: mod.file };
  if (mod.uses.has(name)) {
    const target = mod.uses.get(name);
    const into = resolveModule(crate, mod, target, seen);
    if (into) return { module: into };
    const file = resolve(crate, mod, target, seen);
    return file ? { item: true, file } : null;
  }
  for (const g of mod.globs) {
    const src = resolveModule(crate, mod, g, seen);
    if (src && src !== mod) {
      const found = lookup(crate, src, name, seen);
      if (found) return found;
    }
  }
  return null;
}

/** The module a path names, or null when it names an item or leaves the crate. */
function resolveModule(crate, mod, segs, seen) {
  let cur, i = 0;
  if (segs[0] === 'crate') { cur = crate.root; i = 1; }
  else if (segs[0] === 'self' || segs[0] === 'super') {
    cur = mod;
    while (segs[i] === 'self' || segs[i] === 'super') { if (segs[i] === 'super') cur = cur.parent ?? cur; i++; }
  } else if (mod.children.has(segs[0])) { cur = crate.modules.get(crate.key(mod.children.get(segs[0]))); i = 1; }
  else if (mod.uses.has(segs[0]) && !seen.has(`mod|${crate.key(mod.path)}|${segs[0]}`)) {
    seen.add(`mod|${crate.key(mod.path)}|${segs[0]}`);
    cur = resolveModule(crate, mod, mod.uses.get(segs[0]), seen); i = 1;
    if (!cur) return null;
  } else return null;
  for (; i < segs.length; i++) {
    if (cur.children.has(segs[i])) { cur = crate.modules.get(crate.key(cur.children.get(segs[i]))); continue; }
    if (cur.uses.has(segs[i])) {
      const next = resolveModule(crate, cur, cur.uses.get(segs[i]), seen);
      if (next) { cur = next; continue; }
    }
    return null;
  }
  return cur;
}

/** File → Map(file → [path texts]) for one crate. */
export function edges(rootFile) {
  const crate = loadCrate(rootFile);
  const graph = new Map();
  for (const mod of crate.modules.values()) {
    if (!graph.has(mod.file)) graph.set(mod.file, new Map());
    for (const ref of mod.refs) {
      let file;
      if (ref.glob) file = resolveModule(crate, mod, ref.segs, new Set())?.file ?? null;
      else file = resolve(crate, mod, ref.segs);
      if (!file || file === mod.file) continue;
      const out = graph.get(mod.file);
      if (!out.has(file)) out.set(file, []);
      if (!out.get(file).includes(ref.text)) out.get(file).push(ref.text);
    }
  }
  return graph;
}

/** Strongly connected sets of two or more files (Tarjan), each sorted, in file order. */
export function cycles(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  [...graph.keys()].sort().forEach((v) => { if (!idx.has(v)) visit(v); });
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Cycles known and owned by another branch: [sorted files, why]. Remove an entry with its cycle. */
export const ALLOWED = [
  [['src/experiment.rs', 'src/experiment_check.rs'],
    'Experiment::validate calls experiment_check::validate, which reads Experiment; src/experiment*.rs is ' +
    'being moved into a folder on another branch (issue 12), which is where this cycle is to be broken'],
];

/** Checks crates; returns {failures, notes} (report lines; no failures = no unknown cycle). */
export function check(roots, base = process.cwd(), allowed = []) {
  const failures = [], notes = [], seen = new Set();
  for (const root of roots) {
    const graph = edges(root);
    for (const scc of cycles(graph)) {
      const files = scc.map((f) => relative(base, f));
      const known = allowed.find(([f]) => f.join() === files.join());
      if (known) {
        seen.add(known);
        notes.push(`known import cycle (allowed in scripts/check-cycles.mjs): ${files.join(', ')}: ${known[1]}`);
        continue;
      }
      failures.push(`import cycle among ${scc.length} files: ${files.join(', ')}`);
      for (const from of scc) {
        for (const [to, texts] of graph.get(from)) {
          if (scc.includes(to)) failures.push(`  ${relative(base, from)} -> ${relative(base, to)}: ${texts.join('; ')}`);
        }
      }
    }
  }
  for (const entry of allowed) {
    if (!seen.has(entry)) notes.push(`ALLOWED lists ${entry[0].join(', ')}, which no longer form a cycle: remove the entry`);
  }
  return { failures, notes };
}

function selfTest(repo) {
  const dir = join(repo, 'tests/fixtures/cycles');
  const bad = check([join(dir, 'cyclic/lib.rs')], dir).failures;
  const want = [
    'import cycle among 3 files: cyclic/a/mod.rs, cyclic/a/x.rs, cyclic/b.rs',
    '  cyclic/a/mod.rs -> cyclic/b.rs: crate::b::helper',
    '  cyclic/a/x.rs -> cyclic/a/mod.rs: use super::Shared',
    '  cyclic/b.rs -> cyclic/a/x.rs: use crate::a::Thing',
  ];
  const good = check([join(dir, 'acyclic/lib.rs')], dir).failures;
  const ok = JSON.stringify(bad) === JSON.stringify(want) && good.length === 0;
  if (!ok) {
    console.error('check-cycles self-test failed.\ncyclic fixture gave:\n' + bad.join('\n') +
      '\nexpected:\n' + want.join('\n') + '\nacyclic fixture gave:\n' + (good.join('\n') || '(nothing)'));
    process.exit(1);
  }
  console.log('check-cycles: self-test passed (the fixture cycle is found, the acyclic tree passes)');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  if (args[0] === '--self-test') {
    selfTest(repo);
  } else {
    const roots = args.length ? args : ['src/lib.rs', 'src/bin/kindling/main.rs'].map((f) => join(repo, f));
    const { failures, notes } = check(roots, repo, args.length ? [] : ALLOWED);
    notes.forEach((n) => console.log(`check-cycles: ${n}`));
    if (failures.length) {
      console.error(failures.join('\n'));
      console.error('check-cycles: break each cycle (move the shared item into its own file, or pass it in as a parameter)');
      process.exit(1);
    }
    console.log(`check-cycles: no ${notes.length ? 'other ' : ''}import cycle in ${roots.map((r) => relative(repo, r)).join(', ')}`);
  }
}
