// The post-build step's import renaming (scripts/compact-wasm.mjs) on crafted builds: a WebAssembly
// module that imports the given functions, and a script that declares the given names, as
// wasm-bindgen writes them. Run by scripts/test.sh (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactWasm, declaredImports } from './compact-wasm.mjs';
import { importNames, leb, sections } from './wasm-sections.mjs';

const A = '__wbg_setattribute_2d4ff4dfd6d3d5f5';
const B = '__wbg_createElement_0123456789abcdef';
const C = '__wbg___wbindgen_debug_string_f249a2a76caa9a55';

const str = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
const section = (id, body) => Buffer.concat([Buffer.from([id]), leb(body.length), body]);

/** A valid module: one function type, the named function imports, and a custom section. */
function module(names) {
  const types = section(1, Buffer.from([1, 0x60, 0, 0]));
  const imports = section(2, Buffer.concat([leb(names.length), ...names.map((n) => Buffer.concat([str('./app_bg.js'), str(n), Buffer.from([0, 0])]))]));
  const custom = section(0, Buffer.concat([str('producers'), Buffer.from('rustc')]));
  return Buffer.concat([Buffer.from('\0asm\x01\0\0\0', 'latin1'), custom, types, imports]);
}

/** The script of a build: an import object with one function per name, as wasm-bindgen writes it. */
const glue = (names) => `function __wbg_get_imports() {\n  const import0 = {\n    __proto__: null,\n${names.map((n) => `    ${n}: function(arg0) { arg0.x(); },\n`).join('')}  };\n  return { './app_bg.js': import0 };\n}\n`;

test('every declared import gets a short name, the same in the module and in the script', () => {
  const out = compactWasm(module([A, B, C, '__wbindgen_start']), glue([A, B, C]), 'app');
  assert.equal(out.renamed, 3);
  assert.deepEqual(importNames(out.wasm), ['_w0', '_w1', '_w2', '__wbindgen_start']);
  assert.deepEqual([...declaredImports(out.script)], []);
  for (const short of ['_w0', '_w1', '_w2']) assert.match(out.script, new RegExp(`\\b${short}: function`));
  // Still a module a browser accepts, without its custom section.
  assert.ok(new WebAssembly.Module(out.wasm));
  assert.equal(sections(out.wasm).filter((s) => s.id === 0).length, 0);
});

test('a build in which no import is renamed stops the build', () => {
  // As if wasm-bindgen wrote its hashes with 8 digits: nothing matches, in the module or the script.
  const names = ['__wbg_setattribute_2d4ff4df', '__wbg_createElement_01234567'];
  assert.throws(() => compactWasm(module(names), glue(names), 'questionnaire'), {
    message: /^postbuild: questionnaire: no wasm-bindgen import was renamed \(the script declares 0\)/,
  });
});

test('a script that declares more imports than were renamed stops the build', () => {
  // The module imports A and B under hashed names, but C another way (or not at all).
  assert.throws(() => compactWasm(module([A, B, 'debug_string']), glue([A, B, C]), 'app'), {
    message: `postbuild: app: renamed 2 of the 3 wasm-bindgen imports the script declares; not renamed: ${C}`,
  });
});

test('a name written more than once in the script stops the build', () => {
  const script = `${glue([A, B])}\nconsole.log('${A}');\n`;
  assert.throws(() => compactWasm(module([A, B]), script, 'app'), {
    message: `postbuild: app: cannot rename import ${A} (2 uses)`,
  });
});

test('a short name the script already uses stops the build', () => {
  const script = `${glue([A])}\nconst _w0 = 1;\n`;
  assert.throws(() => compactWasm(module([A]), script, 'app'), { message: `postbuild: app: cannot rename import ${A} (1 uses)` });
});

test('the declared names are the hashed ones, each once, not inside a longer name', () => {
  const script = `${glue([A, B])} wasm.__wbg_ptr; wasm.__wbindgen_malloc; x${C}; ${A}_more;`;
  assert.deepEqual([...declaredImports(script)].sort(), [B, A].sort());
});

test('an import binaryen removed may stay declared in the script; any other still stops the build', () => {
  // The module no longer imports C: only a dropped class called it (scripts/drop-classes.mjs).
  const out = compactWasm(module([A, B]), glue([A, B, C]), 'results', [C]);
  assert.equal(out.renamed, 2);
  assert.deepEqual(importNames(out.wasm), ['_w0', '_w1']);
  assert.throws(() => compactWasm(module([A]), glue([A, B, C]), 'results', [C]), {
    message: `postbuild: results: renamed 1 of the 2 wasm-bindgen imports the script declares; not renamed: ${B}`,
  });
});
