/**
 * The event-trigger entries, packed. The generated CAMEO dictionary expands to about 130,000 entries, and every
 * analyzer thread holds its own copy: as one object per entry, with a second-word index that copied each word's
 * one-word entries into every list, they took 22 MB of heap per thread, re-marked at every major collection.
 *
 * Here an entry is a number. What it says apart from its words (code, kind, `next`, object phrase, dictionary) is
 * one of a few thousand shared `TriggerShape`s; its words are one of some 18,000 shared word lists; the entries of a
 * first word are consecutive, in the order they are tried. The candidate lists of `candidates` (the entries that
 * can start at a word followed by a given word) are runs of entry numbers in one typed array. The whole event
 * lexicon now takes under 5 MB of heap, and loads no slower.
 */

export interface TriggerShape {
  /** the CAMEO code, or null for a phrase that codes no event ("killed himself") and stops plainer entries */
  cameo: string | null;
  nominal: boolean;
  /** one of these words must follow the trigger */
  next: string[] | null;
  /** one of these phrases must follow within four words ("asked … for help") */
  object: string[][] | null;
  /** which dictionary: dyad's hand-kept event-triggers.json, or the one generated from PETRARCH's CAMEO.2.0.txt */
  from: 'hand' | 'cameo';
}

/** One entry with its words: what `TriggerTable.entry` makes when asked (the table keeps none of these). */
export interface TriggerEntry extends TriggerShape { words: string[] }

/** The smallest unsigned typed array that holds `values` (the table's numbers are mostly below 65,536). */
function packed(values: readonly number[]): Uint16Array | Uint32Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max <= 0xffff ? new Uint16Array(values) : new Uint32Array(values);
}

export class TriggerTable {
  constructor(
    /** word lists, by number: each shared by every entry with those words and by object phrases */
    private readonly phrases: readonly string[][],
    /** 1 where some nominal entry has the word list (a verb form that is also a noun) */
    private readonly phraseNominal: Uint8Array,
    private readonly shapes: readonly TriggerShape[],
    /** by entry: its word list and its shape */
    private readonly entryPhrase: Uint16Array | Uint32Array,
    private readonly entryShape: Uint16Array | Uint32Array,
    /** the entries of first word f are firstStart[f] … firstStart[f + 1] - 1 */
    private readonly firstIndex: ReadonlyMap<string, number>,
    private readonly firstStart: Uint32Array,
    /** numbers of the words that follow a first word in some entry */
    private readonly secondIndex: ReadonlyMap<string, number>,
    /**
     * Candidate lists: listBase[f] is first word f's list of one-word entries, followed by one list per second word
     * (ascending second-word number, in listSecond), up to listBase[f + 1]. List l holds the entry numbers
     * listItems[listStart[l]] … listItems[listStart[l + 1] - 1].
     */
    private readonly listBase: Uint32Array,
    private readonly listSecond: Uint16Array | Uint32Array,
    private readonly listStart: Uint32Array,
    private readonly listItems: Uint16Array | Uint32Array,
    /** by list: the most words of an entry that asks for an object (0: none does); whether some entry asks for none */
    private readonly listObjectWords: Uint8Array,
    private readonly listFree: Uint8Array,
  ) {}

  /** how many entries */
  get size(): number { return this.entryPhrase.length; }

  /**
   * The list of the entries that may match at a word `first` followed by `second` (undefined at the end of a
   * sentence), in the order they are tried: those whose second word is `second`, with the one-word ones; or only
   * the one-word ones. -1 when no entry starts with `first`. Allocates nothing: it runs at every token.
   */
  candidates(first: string, second: string | undefined): number {
    const f = this.firstIndex.get(first);
    if (f === undefined) return -1;
    const single = this.listBase[f];
    if (second === undefined) return single;
    const s = this.secondIndex.get(second);
    if (s === undefined) return single;
    let lo = single + 1, hi = this.listBase[f + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.listSecond[mid];
      if (at < s) lo = mid + 1;
      else if (at > s) hi = mid;
      else return mid;
    }
    return single;
  }

  /** A list's entries are entryAt(p) for listFrom(list) <= p < listTo(list). */
  listFrom(list: number): number { return this.listStart[list]; }
  listTo(list: number): number { return this.listStart[list + 1]; }
  entryAt(p: number): number { return this.listItems[p]; }
  /** the most words of an entry of the list that asks for an object phrase, 0 when none does */
  objectWordsIn(list: number): number { return this.listObjectWords[list]; }
  /** whether some entry of the list asks for no object phrase */
  hasFree(list: number): boolean { return this.listFree[list] === 1; }

  words(entry: number): string[] { return this.phrases[this.entryPhrase[entry]]; }
  shape(entry: number): TriggerShape { return this.shapes[this.entryShape[entry]]; }
  /** whether some nominal entry has this entry's words ("attack" the verb is also a noun) */
  nominalWords(entry: number): boolean { return this.phraseNominal[this.entryPhrase[entry]] === 1; }

  /** One entry as an object (made on each call: for tests and tools, not for matching). */
  entry(entry: number): TriggerEntry {
    const s = this.shape(entry);
    return { words: this.words(entry), cameo: s.cameo, nominal: s.nominal, next: s.next, object: s.object, from: s.from };
  }

  /** the first words, in the order their first entry was added */
  firstWords(): IterableIterator<string> { return this.firstIndex.keys(); }

  /** The entries that start with `first`, in the order they are tried (empty when none). */
  entriesOf(first: string): TriggerEntry[] {
    const f = this.firstIndex.get(first);
    const out: TriggerEntry[] = [];
    if (f !== undefined) for (let e = this.firstStart[f]; e < this.firstStart[f + 1]; e++) out.push(this.entry(e));
    return out;
  }

  /** The entries of a candidate list (see `candidates`), as objects. */
  entriesIn(list: number): TriggerEntry[] {
    const out: TriggerEntry[] = [];
    for (let p = this.listFrom(list); p < this.listTo(list); p++) out.push(this.entry(this.entryAt(p)));
    return out;
  }

  /** every shape some entry has */
  allShapes(): readonly TriggerShape[] { return this.shapes; }
}

/**
 * Collects entries, sharing word lists, object phrases and shapes, then sorts each first word's entries and packs
 * them (`build`). The order of `add` calls matters only among entries the sort ranks equal (the sort is stable).
 */
export class TriggerTableBuilder {
  private readonly wordOf = new Map<string, string>();
  private readonly phraseIds = new Map<string, number>();
  private readonly phrases: string[][] = [];
  private readonly objectLists = new Map<string, string[][]>();
  private readonly shapeIds = new Map<string, number>();
  private readonly shapes: TriggerShape[] = [];
  private readonly entryPhrase: number[] = [];
  private readonly entryShape: number[] = [];
  private readonly byFirst = new Map<string, number[]>();

  /** The number of a phrase's word list ("words joined by spaces"); the lists and their words are kept once. */
  private phrase(key: string): number {
    let id = this.phraseIds.get(key);
    if (id === undefined) {
      const words = key.split(' ').map((w) => {
        const known = this.wordOf.get(w);
        if (known !== undefined) return known;
        this.wordOf.set(w, w);
        return w;
      });
      this.phraseIds.set(key, (id = this.phrases.length));
      this.phrases.push(words);
    }
    return id;
  }

  private objects(list: readonly string[]): string[][] {
    const key = list.join('|').toLowerCase();
    let o = this.objectLists.get(key);
    if (!o) this.objectLists.set(key, (o = list.map((x) => this.phrases[this.phrase(x.toLowerCase())])));
    return o;
  }

  /**
   * The number of a shape, kept once; `object`: the object phrases as written. Entries share a few thousand shapes:
   * a caller adding many entries asks once per shape it knows to be new (see buildTriggerIndex).
   */
  shape(cameo: string | null, nominal: boolean, next: string[] | null, object: readonly string[] | null, from: TriggerShape['from']): number {
    // `next` lists come from the hand-kept file, a handful of them: told apart by their words
    const key = `${cameo}\u0000${nominal ? 1 : 0}${from}\u0000${next ? next.join(' ') : '\u0001'}\u0000${object ? object.join('|').toLowerCase() : '\u0001'}`;
    let id = this.shapeIds.get(key);
    if (id === undefined) {
      this.shapeIds.set(key, (id = this.shapes.length));
      this.shapes.push({ cameo, nominal, next, object: object ? this.objects(object) : null, from });
    }
    return id;
  }

  /** Adds an entry: `key` its words in lower case, joined by spaces; `shape` a number from `shape`. */
  add(key: string, shape: number): void {
    const phrase = this.phrase(key);
    const entry = this.entryPhrase.length;
    this.entryPhrase.push(phrase);
    this.entryShape.push(shape);
    const first = this.phrases[phrase][0];
    const list = this.byFirst.get(first);
    if (list) list.push(entry); else this.byFirst.set(first, [entry]);
  }

  /**
   * The table. Each first word's entries are tried hand-kept first (a generated entry codes only where none of them
   * matches); then longest first, verbs before nouns, an entry that asks for an object before one that does not.
   */
  build(): TriggerTable {
    const { phrases, shapes, entryPhrase, entryShape } = this;
    const length = (e: number) => phrases[entryPhrase[e]].length;
    // the four criteria in one number, most significant first (a comparator reading the shapes took 50 ms)
    const rank = new Uint32Array(entryPhrase.length);
    for (let e = 0; e < rank.length; e++) {
      const s = shapes[entryShape[e]];
      if (length(e) > 0xffff) throw new Error(`E_LEXICON: a trigger of ${length(e)} words`);
      rank[e] = (s.from === 'hand' ? 0 : 1) * 0x40000 + (0xffff - length(e)) * 4 + (s.nominal ? 2 : 0) + (s.object ? 0 : 1);
    }
    const before = (a: number, b: number) => rank[a] - rank[b];
    const order: number[] = [];
    const firstIndex = new Map<string, number>();
    const firstStart: number[] = [];
    for (const [first, list] of this.byFirst) {
      firstIndex.set(first, firstStart.length);
      firstStart.push(order.length);
      for (const e of list.sort(before)) order.push(e); // stable: equals stay in the order they were added
    }
    firstStart.push(order.length);
    const wordsAt = (p: number) => phrases[entryPhrase[order[p]]];

    const phraseNominal = new Uint8Array(phrases.length);
    for (const e of order) if (shapes[entryShape[e]].nominal) phraseNominal[entryPhrase[e]] = 1;

    // Candidate lists, of positions in `order`. A first word's list for a second word merges its one-word entries
    // with the entries whose second word it is, keeping their order.
    const secondIndex = new Map<string, number>();
    const secondAt = (p: number) => secondIndex.get(wordsAt(p)[1])!;
    const listBase: number[] = [], listSecond: number[] = [], listStart: number[] = [], listItems: number[] = [];
    const listObjectWords: number[] = [], listFree: number[] = [];
    /** a list of the singles and of multi[from … to - 1] */
    const addList = (second: number, singles: readonly number[], multi: readonly number[], from: number, to: number) => {
      listSecond.push(second);
      listStart.push(listItems.length);
      let longest = 0, free = 0;
      for (let a = 0, b = from; a < singles.length || b < to;) {
        const p = b === to || (a < singles.length && singles[a] < multi[b]) ? singles[a++] : multi[b++];
        listItems.push(p);
        if (shapes[entryShape[order[p]]].object) longest = Math.max(longest, wordsAt(p).length); else free = 1;
      }
      if (longest > 255) throw new Error(`E_LEXICON: a trigger of ${longest} words`);
      listObjectWords.push(longest);
      listFree.push(free);
    };
    const singles: number[] = [], multi: number[] = [];
    for (let f = 0; f + 1 < firstStart.length; f++) {
      singles.length = 0;
      multi.length = 0;
      for (let p = firstStart[f]; p < firstStart[f + 1]; p++) {
        const words = wordsAt(p);
        if (words.length === 1) { singles.push(p); continue; }
        if (!secondIndex.has(words[1])) secondIndex.set(words[1], secondIndex.size);
        multi.push(p);
      }
      listBase.push(listSecond.length);
      addList(0, singles, multi, 0, 0);
      // by second word (ascending, for candidates' binary search), each second word's entries in their order
      multi.sort((p, q) => secondAt(p) - secondAt(q) || p - q);
      for (let from = 0, to = 0; from < multi.length; from = to) {
        const s = secondAt(multi[from]);
        while (to < multi.length && secondAt(multi[to]) === s) to++;
        addList(s, singles, multi, from, to);
      }
    }
    listBase.push(listSecond.length);
    listStart.push(listItems.length);

    return new TriggerTable(
      phrases, phraseNominal, shapes,
      packed(order.map((e) => entryPhrase[e])), packed(order.map((e) => entryShape[e])),
      firstIndex, new Uint32Array(firstStart), secondIndex,
      new Uint32Array(listBase), packed(listSecond), new Uint32Array(listStart), packed(listItems),
      new Uint8Array(listObjectWords), new Uint8Array(listFree),
    );
  }
}
