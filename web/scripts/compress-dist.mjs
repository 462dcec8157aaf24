// Writes name.gz and name.br beside each compressible file of the built front
// end (dist/ by default, or the folder given), once, at build time: the C++
// server (core/http/static_files.cpp) then answers the variant a browser's
// Accept-Encoding prefers without compressing anything per request.
// Small files (< 1 KiB) and files that do not shrink by a tenth are left
// alone; a variant left by an earlier build for such a file is removed, so a
// stale one is never served. Prints the bundle's size raw, gzip and brotli.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

export function compressDist(dir) {
  const totals = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const file of [...filesUnder(dir)]) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const raw = readFileSync(file);
    const variants = [];
    if (raw.length >= MIN_BYTES) {
      variants.push(['.gz', gzipSync(raw, { level: 9 })]);
      variants.push([
        '.br',
        brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
      ]);
    }
    totals.files += 1;
    totals.raw += raw.length;
    for (const suffix of ['.gz', '.br']) {
      const variant = variants.find(([s]) => s === suffix)?.[1];
      const served = variant && variant.length <= raw.length * 0.9 ? variant : undefined;
      if (served) writeFileSync(file + suffix, served);
      else rmSync(file + suffix, { force: true });
      totals[suffix === '.gz' ? 'gzip' : 'brotli'] += served ? served.length : raw.length;
    }
  }
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.argv[2] ?? path.join(web, 'dist'));
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const t = compressDist(dir);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `compressed ${t.files} file(s) in ${dir}: ` +
      `${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`,
  );
}
