export { parseVerbDictionary, parsePattern, verbInflections, synsetPhrases, type VerbDictionary, type VerbPattern, type PatternItem } from './dictionary/verbs.js';
export { parseActorDictionary, mergeActorDictionaries, actorCodesOn, type ActorDictionary } from './dictionary/actors.js';
export { parseAgentDictionary, parseDiscards, type AgentDictionary, type Discards } from './dictionary/agents.js';
export { codeSentence, type Coding, type Dictionaries, type SentenceInput, type SentenceResult } from './coder.js';
export { parseRecords, type UnitRecord, type RecordFile } from './records.js';
