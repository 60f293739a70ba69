// What the app's WebAssembly is made of: code bytes per crate (from the function names Cargo's output
// still has, before wasm-bindgen and wasm-opt strip them) and the data section (string constants).
// The shipped file is smaller (wasm-opt -Oz), but the shares say where the bytes come from.
//
//   node bench/wasm-breakdown.mjs [target/wasm32-unknown-unknown/release/collaboration-readiness.wasm]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readImport, reader, sections } from '../scripts/wasm-sections.mjs';

/**
 * The crate a Rust symbol belongs to: the first path segment of a legacy (`_ZN`) name, or the first
 * crate of a v0 (`_R`) name; for `<T as Trait>` with a generic T, the trait's crate.
 */
export function crateOf(name) {
  if (name.startsWith('_R')) {
    const m = name.match(/C[sy]?[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/) || name.match(/C(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
    return m ? m[2].slice(0, Number(m[1])) : '(other)';
  }
  // wasm-bindgen's describe functions and shims: most are removed by wasm-bindgen after the build.
  if (!name.startsWith('_ZN')) return name ? '(wasm-bindgen glue, runtime)' : '(unnamed)';
  const m = name.slice(3).match(/^(\d+)/);
  if (!m) return '(other)';
  let first = name.slice(3 + m[1].length, 3 + m[1].length + Number(m[1])).replace(/^_/, '');
  if (first.startsWith('$LT$')) {
    let inner = first.slice(4).replace(/^(\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$|\$u5b\$)+/, '');
    const self = inner.split('$u20$as$u20$')[0];
    if (!self.includes('..') && inner.includes('$u20$as$u20$')) inner = inner.split('$u20$as$u20$')[1];
    first = inner.split('..')[0].split('$')[0] || '(generic)';
  }
  return first;
}

export function breakdown(path) {
  const buf = readFileSync(path);
  const secs = sections(buf);
  const imports = secs.find((s) => s.id === 2);
  let importedFuncs = 0;
  if (imports) {
    const r = reader(imports.body);
    const n = r.leb();
    for (let i = 0; i < n; i++) {
      if (readImport(r, imports.body).kind === 0) importedFuncs++;
    }
  }
  const names = new Map();
  const nameSec = secs.find((s) => s.id === 0 && s.name === 'name');
  if (nameSec) {
    const r = reader(nameSec.body);
    r.str();
    while (r.pos < nameSec.body.length) {
      const sub = r.byte();
      const size = r.leb();
      const end = r.pos + size;
      if (sub === 1) {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const idx = r.leb();
          names.set(idx, r.str());
        }
      }
      r.pos = end;
    }
  }
  const code = secs.find((s) => s.id === 10);
  const perCrate = new Map();
  if (code) {
    const r = reader(code.body);
    const n = r.leb();
    for (let i = 0; i < n; i++) {
      const size = r.leb();
      r.pos += size;
      const name = names.get(importedFuncs + i) || '';
      const crate = crateOf(name);
      perCrate.set(crate, (perCrate.get(crate) || 0) + size);
    }
  }
  const data = secs.find((s) => s.id === 11);
  const codeTotal = [...perCrate.values()].reduce((a, b) => a + b, 0);
  return {
    file: path,
    bytes: buf.length,
    code: code ? code.len : 0,
    data: data ? data.len : 0,
    crates: [...perCrate.entries()].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, share: bytes / codeTotal })),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = process.argv[2] || 'target/wasm32-unknown-unknown/release/collaboration-readiness.wasm';
  const b = breakdown(path);
  console.log(`${b.file}: ${b.bytes} bytes; code ${b.code}, data ${b.data}`);
  for (const c of b.crates.slice(0, 25)) console.log(`${String(c.bytes).padStart(9)}  ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.crate}`);
}
