// The classes a build exports without using them, taken out of its WebAssembly and its script before
// binaryen optimises the WebAssembly (scripts/postbuild.mjs), so that binaryen removes their code too.
//
// Leptos always builds its server functions' browser side, and with it wasm-streams, whose stream
// adapters are `#[wasm_bindgen]` classes: exported, so no link-time optimisation can drop them, although
// only a server function's streaming body would construct one. This app has no server function. Their
// code, their exports and their three classes in the script were 1.6 KB of the first load (gzip).
// Its own module so that its checks are tested on crafted builds (scripts/drop-classes.test.mjs).
import { exportNames, leb, readExport, reader, sections } from './wasm-sections.mjs';

/** wasm-streams' adapters from a Rust stream to a JavaScript one (`wasm_streams::readable`, `::writable`). */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** A class's exports as wasm-bindgen names them: `intounderlyingsink_write`, `__wbg_intounderlyingsink_free`. */
const exportOf = (cls) => new RegExp(`^(__wbg_)?${cls.toLowerCase()}_\\w+$`);

/**
 * `wasm` and its wasm-bindgen script `script` without the classes `classes`: their exports from the
 * module (binaryen then finds their code unused), their class, its disposal and its finalisation
 * registry from the script. A class the module does not export is left alone (a later Leptos may not
 * have it). Throws, naming `what` (the build), when the script still names a class after that, as it
 * would if the app's own code used one (the script would then construct it), or when wasm-bindgen
 * writes its classes another way: the build must not ship a script that calls what is gone.
 */
export function dropClasses(wasm, script, what = 'the build', classes = UNUSED_CLASSES) {
  const exported = exportNames(wasm);
  const present = classes.filter((cls) => exported.some((name) => exportOf(cls).test(name)));
  const patterns = present.map(exportOf);
  const dropped = [];
  for (const cls of present) {
    const before = script;
    script = script
      .replace(new RegExp(`^export class ${cls} \\{\\n[\\s\\S]*?\\n\\}\\n`, 'm'), '')
      .replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`, 'm'), '')
      .replace(new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'm'), '');
    if (script === before || new RegExp(`\\b${cls}\\b|${cls.toLowerCase()}_`).test(script)) {
      throw new Error(`postbuild: ${what}: the script still uses ${cls} once its class is taken out; scripts/drop-classes.mjs cannot drop it`);
    }
  }
  const parts = [wasm.subarray(0, 8)];
  for (const { id, body } of sections(wasm)) {
    if (id !== 7 || present.length === 0) {
      parts.push(Buffer.from([id]), leb(body.length), body);
      continue;
    }
    const r = reader(body);
    const count = r.leb();
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = r.pos;
      const { name } = readExport(r);
      if (patterns.some((pattern) => pattern.test(name))) dropped.push(name);
      else kept.push(body.subarray(start, r.pos));
    }
    if (r.pos !== body.length) throw new Error(`postbuild: ${what}: the export section was not read to its end`);
    const rewritten = Buffer.concat([leb(kept.length), ...kept]);
    parts.push(Buffer.from([id]), leb(rewritten.length), rewritten);
  }
  return { wasm: Buffer.concat(parts), script, classes: present, exports: dropped };
}
