// Taking unused exported classes out of a build (scripts/drop-classes.mjs), on crafted builds: a module
// that exports the given functions, and a script with classes as wasm-bindgen 0.2 writes them. Run by
// scripts/test.sh (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropClasses, UNUSED_CLASSES } from './drop-classes.mjs';
import { exportNames, leb } from './wasm-sections.mjs';

const str = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
const section = (id, body) => Buffer.concat([Buffer.from([id]), leb(body.length), body]);

/** A valid module with one function of no arguments, exported under each of `names`, and a memory. */
function module(names) {
  const types = section(1, Buffer.from([1, 0x60, 0, 0]));
  const funcs = section(3, Buffer.from([1, 0]));
  const memory = section(5, Buffer.from([1, 0, 1]));
  const exports = section(7, Buffer.concat([leb(names.length + 1), str('memory'), Buffer.from([2, 0]), ...names.map((n) => Buffer.concat([str(n), Buffer.from([0, 0])]))]));
  const code = section(10, Buffer.from([1, 2, 0, 0x0b]));
  return Buffer.concat([Buffer.from('\0asm\x01\0\0\0', 'latin1'), types, funcs, memory, exports, code]);
}

/** A class as wasm-bindgen writes it, with its disposal and its finalisation registry. */
function glueClass(cls) {
  const lower = cls.toLowerCase();
  return {
    exports: [`__wbg_${lower}_free`, `${lower}_pull`],
    body: `export class ${cls} {\n    __destroy_into_raw() {\n        const ptr = this.__wbg_ptr;\n        ${cls}Finalization.unregister(this);\n        return ptr;\n    }\n    free() {\n        wasm.__wbg_${lower}_free(this.__destroy_into_raw(), 0);\n    }\n    pull(controller) {\n        return wasm.${lower}_pull(this.__wbg_ptr, controller);\n    }\n}\nif (Symbol.dispose) ${cls}.prototype[Symbol.dispose] = ${cls}.prototype.free;\n\n`,
    registry: `const ${cls}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {}, unregister: () => {} }\n    : new FinalizationRegistry(ptr => wasm.__wbg_${lower}_free(ptr, 1));\n`,
  };
}

const APP = 'export function start() {\n    wasm.main();\n}\n';

function build(classes, extra = '') {
  const parts = classes.map(glueClass);
  return {
    wasm: module(['main', ...parts.flatMap((p) => p.exports)]),
    script: `${parts.map((p) => p.body).join('')}${APP}${parts.map((p) => p.registry).join('')}${extra}`,
  };
}

test('the stream classes go from the module and the script; the rest stays as it was', () => {
  const { wasm, script } = build(UNUSED_CLASSES);
  const out = dropClasses(wasm, script, 'app', UNUSED_CLASSES);
  assert.deepEqual(out.classes, UNUSED_CLASSES);
  assert.deepEqual(exportNames(out.wasm), ['memory', 'main']);
  assert.equal(out.exports.length, 6);
  assert.equal(out.script.trim(), APP.trim());
  assert.ok(new WebAssembly.Module(out.wasm));
});

test('a build without them is left as it is', () => {
  const { wasm, script } = build([]);
  const out = dropClasses(wasm, script, 'app', UNUSED_CLASSES);
  assert.deepEqual(out.classes, []);
  assert.ok(out.wasm.equals(wasm));
  assert.equal(out.script, script);
});

test('a class the app itself constructs stops the build', () => {
  const { wasm, script } = build(['IntoUnderlyingSource'], 'export function stream() {\n    return new ReadableStream(IntoUnderlyingSource.__wrap(wasm.make()));\n}\n');
  assert.throws(() => dropClasses(wasm, script, 'results', ['IntoUnderlyingSource']), {
    message: /^postbuild: results: the script still uses IntoUnderlyingSource once its class is taken out/,
  });
});

test('a class written another way (a later wasm-bindgen) stops the build', () => {
  const { wasm, script } = build(['IntoUnderlyingSink']);
  const other = script.replace('export class IntoUnderlyingSink {', 'class IntoUnderlyingSink {');
  assert.throws(() => dropClasses(wasm, other, 'questionnaire', ['IntoUnderlyingSink']), {
    message: /^postbuild: questionnaire: the script still uses IntoUnderlyingSink/,
  });
});

test('only the named class goes when two names share a beginning', () => {
  const { wasm, script } = build(['IntoUnderlyingSource', 'IntoUnderlyingSink']);
  const out = dropClasses(wasm, script, 'app', ['IntoUnderlyingSink']);
  assert.deepEqual(exportNames(out.wasm), ['memory', 'main', '__wbg_intounderlyingsource_free', 'intounderlyingsource_pull']);
  assert.match(out.script, /export class IntoUnderlyingSource \{/);
  assert.doesNotMatch(out.script, /IntoUnderlyingSink/);
});
