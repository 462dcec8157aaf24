// Fails when src/shared/api/schema.d.ts is not what `npm run types` makes of schemas/openapi.yaml now:
// regenerates into a temporary file with openapi-typescript and compares the two.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = path.resolve(web, '..', 'schemas', 'openapi.yaml');
const checkedIn = path.join(web, 'src', 'shared', 'api', 'schema.d.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cqpm-types-'));
try {
  const fresh = path.join(dir, 'schema.d.ts');
  const bin = path.join(web, 'node_modules', '.bin', 'openapi-typescript');
  execFileSync(bin, [spec, '-o', fresh, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const want = readFileSync(fresh, 'utf8');
  let have = '';
  try {
    have = readFileSync(checkedIn, 'utf8');
  } catch {
    // missing: reported below as stale
  }
  if (want !== have) {
    const a = have.split('\n');
    const b = want.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    console.error(
      `types:check: src/shared/api/schema.d.ts is stale against schemas/openapi.yaml (first difference at line ${line + 1}).\n` +
        'Run "npm run types" in web/ and commit the result.',
    );
    process.exitCode = 1;
  } else {
    console.log('types:check: src/shared/api/schema.d.ts matches schemas/openapi.yaml');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
