// Word lists of the quote finder (data, not rules). All lower case.

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Verbs that introduce speech or writing, in the forms that are not ambiguous with nouns. */
export const CUE_VERBS = words(`
  said says say told tells added adds urged urges called calls calling described describes describing noted notes
  noting warned warns warning insisted insists insisting remarked stated stating asked asks asking replied replies
  replying wrote writes posted posting declared declares declaring announced announcing argued argues arguing
  explained explains explaining claimed claims claiming acknowledged admitted admits conceded concedes complained
  complains complaining exclaimed observed observes suggested suggests suggesting stressed stresses stressing
  emphasized emphasised emphasizes emphasising emphasizing predicted predicts promised vowed vows recalled recalls
  responded responding cautioned cautions cautioning assured charged contended countered maintained mentioned
  quipped joked reiterated agreed praised hailed criticized criticised denounced termed chanted chanting shouted
  tweeted commented comments commenting testified concluded concluding affirmed asserted asserts asserting
  saying telling adding urging according quoted quoting labelled labeled branded characterized characterised
  lamented instructed dismissed rejected slammed blasted accused accuse accuses accusing call condemned confirmed denied boasted announces pledged pleaded wondered demanded demanding`);

/** Participles whose subject is the subject of the main clause (", calling it …"). */
export const PARTICIPLES = new Set([...CUE_VERBS].filter((w) => w.endsWith('ing') && w !== 'according'));

/** Cue verbs that, used without a subject of their own ("a screen dubbed …", "commonly called …"), name rather than quote. */
export const NAMING = words('called calls dubbed named nicknamed known titled entitled termed labelled labeled branded');

/** Words that mark a quoted term as a name or a title rather than speech. */
export const SO_CALLED = words('so-called so-named self-styled self-proclaimed');
export const NAMING_ADVERBS = words('commonly widely popularly often sometimes also once formerly affectionately officially informally locally');

/** Nouns that, right after a quoted title-cased phrase, show it is the name of a work or a campaign. */
export const WORK_NOUNS = words(`
  speech film movie book novel song album show series programme program play article column essay poem report
  campaign campaigns demonstration demonstrations doctrine policy plan operation initiative strategy slogan
  motto brand label project exhibition festival award prize`);

/** Words skipped between a subject and its verb ("Xi jokingly suggested", "Lee has also said"). */
export const SKIP_BEFORE_VERB = words(`
  also then later further again still now once even too earlier previously has have had was is were are will would
  did does do had been reportedly repeatedly already just often since today yesterday tonight monday tuesday
  wednesday thursday friday saturday sunday never always`);

/** Time words that may stand between an inverted cue and its subject or after a cue ("said Friday"). */
export const TIME_WORDS = words('today yesterday tonight monday tuesday wednesday thursday friday saturday sunday earlier later recently');

/** Words that end a noun phrase when scanning for a subject. */
export const NP_STOP = words(`
  and or but nor that which who whom whose when while after before because if as than to at on with from by into
  in through across during without within against among between per via toward towards upon around near like
  about over under since until is was were are be been being has have had do does did will would can could may
  might must shall should not n't no yes so then there here this these those it's what where why how ago
  said says told added also`);

/** Determiners and numbers that may open a noun phrase. */
export const DETERMINERS = words('the a an one two three four five six seven eight nine ten some many several most his her its their our your my this that these those another other each every both all');

export const PRONOUNS = words('he she they we i it him her them');

/** Nouns of organisations that speak for a person ("the prime minister's office"). */
export const SPOKESBODIES = words('office ministry government administration embassy presidency department agency cabinet campaign team palace spokesman spokeswoman spokesperson aides aide');

/** Words that start a leading adverbial clause, skipped when looking for the subject of a sentence. */
export const CLAUSE_OPENERS = words(`
  in on at during after before when while although though despite as since because if for with without of
  regarding responding speaking asked reviewing turning calling describing referring earlier later meanwhile
  still but and yet however instead also then now`);
