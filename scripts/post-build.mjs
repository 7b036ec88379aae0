// Trunk's post_build hook (Trunk.toml), run on the staging directory before Trunk moves it to
// dist/: takes the comments out of our own scripts, then stamps sw.js (scripts/stamp-sw.mjs),
// whose version digests the files as shipped. One hook, because Trunk may run the hooks of a
// stage side by side.
//   node scripts/post-build.mjs [dir]     (default: $TRUNK_STAGING_DIR)
//
// web/boot.js, web/sw.js and web/parse_worker_loader.js are written to be read, and boot.js is
// part of the first page's payload: its comments were a quarter of its gzip bytes. The page's
// wasm-bindgen glue (the `data-js` file of index.html's boot script) carries a doc comment per
// binding: 750 bytes of the payload's gzip; its `integrity` in index.html is written again for
// the bytes shipped. Only whole lines of comment go (`// …` lines and `/* … */` blocks that
// open a line), and blank lines; a line of code keeps its trailing comment. A file where a
// template literal might span lines (a line of code with an odd number of backticks) is
// shipped as it is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our hand-written scripts, as Trunk copies them (index.html's `copy-file` links). */
const OWN_SCRIPTS = ['boot.js', 'sw.js', 'parse_worker_loader.js'];

/** `source` without its whole-line comments and blank lines, or `null` when it may hold a
 * template literal over several lines (then nothing is taken out). */
export function stripComments(source) {
  const kept = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    if (inBlock) {
      inBlock = !line.includes('*/');
      continue;
    }
    if (/^\s*\/\//.test(line) || line.trim() === '') continue;
    if (/^\s*\/\*/.test(line)) {
      inBlock = !line.includes('*/');
      continue;
    }
    if ((line.split('`').length - 1) % 2 === 1) return null;
    kept.push(line);
  }
  return `${kept.join('\n')}\n`;
}

const main = process.argv[1] === fileURLToPath(import.meta.url);
if (main) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/post-build.mjs DIR (or run as a Trunk hook)');
  const indexPath = join(dir, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  const glue = index.match(/data-js="\.\/([^"]+\.js)"/)?.[1];
  if (!glue) throw new Error(`${indexPath} names no wasm-bindgen glue (data-js)`);
  for (const name of [...OWN_SCRIPTS, glue]) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const stripped = stripComments(source);
    if (stripped === null) {
      console.log(`${name}: kept as written (a template literal may span lines)`);
      continue;
    }
    writeFileSync(path, stripped);
    // A file that no longer parses fails the build here, not in a browser.
    execFileSync(process.execPath, ['--check', path]);
    console.log(`${name}: ${source.length} → ${stripped.length} bytes without comments`);
    if (name === glue) {
      // The preload's integrity, for the bytes now shipped.
      const integrity = `sha384-${createHash('sha384').update(stripped).digest('base64')}`;
      const link = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]+"`);
      if (!link.test(index)) throw new Error(`${indexPath} has no integrity for ${name}`);
      index = index.replace(link, `$1${integrity}"`);
      writeFileSync(indexPath, index);
    }
  }
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'stamp-sw.mjs'), dir], { stdio: 'inherit' });
}
