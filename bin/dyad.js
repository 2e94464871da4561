#!/usr/bin/env node
import { main } from '../dist/src/serve/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`dyad: ${err?.message ?? err}`); process.exitCode = 70; },
);
