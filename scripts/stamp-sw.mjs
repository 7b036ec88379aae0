// Writes this build's file list and version into sw.js: run by Trunk's post_build hook
// (scripts/post-build.mjs) on the staging directory before Trunk moves it to dist/.
//   node scripts/stamp-sw.mjs [dir]     (default: $TRUNK_STAGING_DIR)
// Files whose name carries Trunk's content hash (`main-0123456789abcdef.css`,
// `pipelens-…_bg.wasm`) are immutable; the others (index.html, boot.js) are revalidated on
// every load. The version digests every file's name and bytes, so any change to the build
// changes sw.js, which is how the browser learns of a new version (see web/sw.js).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/stamp-sw.mjs DIR (or run as a Trunk hook)');
const SW = 'sw.js';
// Trunk writes a 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
  .filter((f) => f !== SW && !f.split('/').some((part) => part.startsWith('.')))
  .sort();
if (!files.includes('index.html')) throw new Error(`${dir} has no index.html`);

const digest = createHash('sha256');
for (const f of files) digest.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
const build = {
  version: digest.digest('hex').slice(0, 16),
  // '' is the directory itself, which the server answers with index.html.
  revalidate: ['', ...files.filter((f) => !HASHED.test(f))],
  immutable: files.filter((f) => HASHED.test(f)),
};

const swPath = join(dir, SW);
const source = readFileSync(swPath, 'utf8');
const line = /^const BUILD = .*;$/m;
if ((source.match(new RegExp(line.source, 'gm')) ?? []).length !== 1) {
  throw new Error(`${swPath} needs exactly one line starting "const BUILD = " and ending ";"`);
}
writeFileSync(swPath, source.replace(line, `const BUILD = ${JSON.stringify(build)};`));
console.log(`sw.js: build ${build.version}, ${files.length} files`);
