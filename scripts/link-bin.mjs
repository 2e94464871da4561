// Links this package's own `dyad` command into node_modules/.bin, so that `npx dyad` and
// `node_modules/.bin/dyad` work in a clone right after `npm install` (npm links only dependencies' bins).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'dyad');
rmSync(link, { force: true });
symlinkSync(join('..', '..', 'bin', 'dyad.js'), link);
