// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from the OpenAPI document,
// that is when the document changed and the types were not regenerated (or were edited by hand).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const spec = '../internal/openapi/openapi.json';
const checkedIn = 'src/api/schema.d.ts';
const dir = mkdtempSync(join(tmpdir(), 'licensor-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync('npx', ['--no-install', 'openapi-typescript', spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (readFileSync(fresh, 'utf8') !== readFileSync(checkedIn, 'utf8')) {
    console.error(
      `${checkedIn} is out of date with ${spec}: run \`npm run gen:api\` and commit it.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${checkedIn} matches ${spec}.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
