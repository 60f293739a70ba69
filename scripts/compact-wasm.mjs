// The WebAssembly as shipped, for the post-build step (scripts/postbuild.mjs): without its custom
// sections, and with short import names. Its own module so that its checks are tested on crafted
// builds (scripts/compact-wasm.test.mjs), not only on whatever today's wasm-bindgen happens to write.
import { leb, readImport, reader, sections } from './wasm-sections.mjs';

/** An import name as wasm-bindgen writes it: the function's name, then a 16-digit hash. */
const HASHED = /^__wbg_\w+_[0-9a-f]{16}$/;
/** Every such name in a script (not inside a longer identifier). */
const HASHED_IN_SCRIPT = /(?<![\w$])__wbg_\w+_[0-9a-f]{16}(?![\w$])/g;

/** The distinct hashed import names a wasm-bindgen script declares. */
export function declaredImports(script) {
  return new Set(script.match(HASHED_IN_SCRIPT) || []);
}

/**
 * `wasm` without its custom sections (tool names, target features: nothing reads them), and `wasm`
 * and its script `script` with short import names. wasm-bindgen names each import after its function
 * plus a 16-digit hash (`__wbg_setattribute_2d4ff4dfd6d3d5f5`), written twice, in the WebAssembly and
 * in its script: about 3 KB of the first load that compress badly. Each gets a short name in both;
 * every name changed must stand exactly once in the script (the key of its import function).
 *
 * Throws, naming `what` (the build), when a name cannot be renamed safely, and when fewer names are
 * renamed than the script declares, none at all included: a wasm-bindgen that names its imports
 * another way would otherwise bring the 3 KB back without a word. `unused` are imports binaryen
 * removed from the module as nothing called them any more (scripts/postbuild.mjs): the script may still
 * declare those.
 */
export function compactWasm(wasm, script, what = 'the build', unused = []) {
  const declared = new Set([...declaredImports(script)].filter((name) => !unused.includes(name)));
  const parts = [wasm.subarray(0, 8)];
  const renamed = [];
  for (const { id, body } of sections(wasm)) {
    if (id === 0) continue;
    if (id === 2) {
      const r = reader(body);
      const count = r.leb();
      const entries = [leb(count)];
      for (let i = 0; i < count; i++) {
        const { module, desc, ...entry } = readImport(r, body);
        let { name } = entry;
        if (HASHED.test(name)) {
          const short = `_w${renamed.length.toString(36)}`;
          const uses = script.split(name).length - 1;
          const taken = new RegExp(`(^|[^\\w$])${short}($|[^\\w$])`).test(script);
          if (uses !== 1 || taken) throw new Error(`postbuild: ${what}: cannot rename import ${name} (${uses} uses)`);
          script = script.replace(name, short);
          renamed.push(name);
          name = short;
        }
        for (const text of [module, name]) entries.push(leb(Buffer.byteLength(text)), Buffer.from(text));
        entries.push(desc);
      }
      if (r.pos !== body.length) throw new Error(`postbuild: ${what}: the import section was not read to its end`);
      const rewritten = Buffer.concat(entries);
      parts.push(Buffer.from([id]), leb(rewritten.length), rewritten);
    } else parts.push(Buffer.from([id]), leb(body.length), body);
  }
  if (renamed.length === 0) {
    throw new Error(
      `postbuild: ${what}: no wasm-bindgen import was renamed (the script declares ${declared.size}); ` +
        'has wasm-bindgen changed how it names imports? scripts/compact-wasm.mjs must learn the new names',
    );
  }
  const missed = [...declared].filter((name) => !renamed.includes(name));
  if (missed.length > 0) {
    throw new Error(
      `postbuild: ${what}: renamed ${renamed.length} of the ${declared.size} wasm-bindgen imports the script declares; ` +
        `not renamed: ${missed.slice(0, 3).join(', ')}${missed.length > 3 ? ', …' : ''}`,
    );
  }
  return { wasm: Buffer.concat(parts), script, renamed: renamed.length };
}
