import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPipeline } from '../../analyze/index.js';
import type { Pipeline } from '../../analyze/pipeline.js';
import { UsageError } from './io.js';
import { withPetrarch } from '../../analyze/events/petrarch-events.js';
import {
  mergeActorDictionaries, parseActorDictionary, parseAgentDictionary, parseDiscards, parseVerbDictionary, type Dictionaries,
} from '../../analyze/events/petrarch/index.js';

/**
 * `--dictionaries DIR`: the PETRARCH-format dictionaries a user brings, read from DIR by file name, as in
 * PETRARCH2's own folder: the verbs (`*verbs*.txt`, else `CAMEO*.txt`), every actor file (`*actors*.txt`), the
 * agents (`*agents*.txt`) and, if there is one, the discards (`*discards*.txt`).
 */
export function readPetrarchDictionaries(dir: string): Dictionaries {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dictionaries: ${dir} is not a folder`);
  const files = readdirSync(dir).filter((f) => /\.txt$/i.test(f)).sort();
  const pick = (re: RegExp) => files.filter((f) => re.test(f));
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const verbFile = pick(/verbs/i)[0] ?? pick(/^CAMEO/i)[0];
  const actorFiles = pick(/actors/i);
  const agentFile = pick(/agents/i)[0];
  const missing = [!verbFile && 'verbs', !actorFiles.length && 'actors', !agentFile && 'agents'].filter(Boolean);
  if (missing.length) throw new UsageError(`--dictionaries: ${dir} has no ${missing.join(', ')} dictionary (*verbs*.txt or CAMEO*.txt, *actors*.txt, *agents*.txt)`);
  const discardFile = pick(/discards/i)[0];
  return {
    verbs: parseVerbDictionary(read(verbFile!)),
    actors: mergeActorDictionaries(actorFiles.map((f) => parseActorDictionary(read(f)))),
    agents: parseAgentDictionary(read(agentFile!)),
    ...(discardFile ? { discards: parseDiscards(read(discardFile)) } : {}),
  };
}

/** The analysis pipeline for `--dictionaries DIR`; undefined (analyze()'s own) without it. */
export function pipelineFor(dir: string | undefined): Pipeline | undefined {
  return dir ? withPetrarch(defaultPipeline, readPetrarchDictionaries(dir)) : undefined;
}
