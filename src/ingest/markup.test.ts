import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, readFile, readPaths } from './read.js';
import { detokenize } from './timeml.js';
import { rootElement } from './feed.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-markup-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };

const PARAS = [
  'Japanese Prime Minister Kenji Morioka met Australian Foreign Minister Claire Whitfield in Canberra on Tuesday to sign a logistics agreement.',
  'The agreement lets the two militaries share fuel and spare parts during joint exercises, officials said after the meeting.',
  'Morioka said the pact was "a new chapter" in relations, and Whitfield called it the most important defence deal in a decade.',
];

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Japan, Australia sign pact | The Daily Wire</title>
<meta property="og:title" content="Japan and Australia sign logistics pact">
<meta property="og:site_name" content="The Daily Wire">
<meta name="description" content="Tokyo and Canberra agree to share fuel and parts.">
<link rel="canonical" href="https://example.org/2026/02/pact">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Japan and Australia sign logistics pact",
 "datePublished":"2026-02-10T08:30:00Z","author":[{"@type":"Person","name":"Ana Ruiz"}]}</script>
<script>window.alert('x'); document.title = 'pwned'</script><style>p { color: red }</style>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Japan and Australia sign logistics pact</h1>
${PARAS.map((p) => `<p>${p.replace('"a new chapter"', '&ldquo;a new chapter&rdquo;')}</p>`).join('\n')}
<p><img src=x onerror="alert(1)"><a href="javascript:alert(2)">Read more</a> <iframe src="https://evil.example"></iframe></p>
</article><footer>Copyright The Daily Wire</footer></body></html>`;

describe('HTML pages', () => {
  it('reads the main text with Readability, and title, date, byline, source and url from JSON-LD and meta tags', async () => {
    const { articles, problems } = await collect(readFile(put('pact.html', PAGE)));
    expect(problems).toEqual([]);
    const a = articles[0];
    expect(a.title).toBe('Japan and Australia sign logistics pact');
    expect(a.published).toBe('2026-02-10');
    expect(a.byline).toBe('Ana Ruiz');
    expect(a.source).toBe('The Daily Wire');
    expect(a.url).toBe('https://example.org/2026/02/pact');
    expect(a.standfirst).toBe('Tokyo and Canberra agree to share fuel and parts.');
    expect(a.body.slice(0, 3)).toEqual(PARAS.map((p) => p.replace('"a new chapter"', '“a new chapter”')));
    expect(a.text).not.toMatch(/alert|pwned|color: red|Home|Copyright/);
  });

  it('never runs what a hostile page holds and keeps only its text', async () => {
    let ran = false;
    (globalThis as Record<string, unknown>).__dyadPwned = () => { ran = true; };
    const hostile = `<html><head><title>Talks </textarea><script>__dyadPwned()</script></title></head><body onload="__dyadPwned()">
      <p>Leaders met in Geneva on Monday <img src=x onerror="__dyadPwned()"> to discuss the ceasefire and the exchange of prisoners between the sides.</p>
      <p><svg onload="__dyadPwned()"><script>__dyadPwned()</script></svg>The talks will go on <b>tomorrow</b>, the mediators said in a statement to the press.</p>
      <script>__dyadPwned()</script><a href="javascript:__dyadPwned()">x</a></body></html>`;
    const { articles } = await collect(readFile(put('hostile.html', hostile)));
    expect(ran).toBe(false);
    expect(articles).toHaveLength(1);
    expect(articles[0].text).not.toMatch(/__dyadPwned|<|onerror/);
    expect(articles[0].text).toContain('The talks will go on tomorrow, the mediators said');
  });

  it('takes the first <h1> as headline when the page has no JSON-LD or Open Graph title, else <title> without the site name', async () => {
    const body = '<p>Swiss President Anna Keller met French President Louis Martin in Geneva on Tuesday to discuss energy cooperation and trade.</p>';
    const h1 = await collect(readFile(put('h1.html', `<html><head><title>Leaders meet | The Site</title></head><body><article><h1>Leaders meet in Geneva</h1>${body}</article></body></html>`)));
    expect(h1.articles[0]).toMatchObject({ title: 'Leaders meet in Geneva', body: [expect.stringMatching(/^Swiss President/)] });
    const t = await collect(readFile(put('t.html', `<html><head><title>Leaders meet - The Site</title></head><body>${body}</body></html>`)));
    expect(t.articles[0].title).toBe('Leaders meet');
  });

  it('reads a page in its declared legacy charset, and reports a page without text', async () => {
    const latin = put('latin.htm', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'), Buffer.from([0xe9]), Buffer.from(' talks</title></head><body><p>Ministers met at the caf'), Buffer.from([0xe9]), Buffer.from(' on Monday to discuss the trade agreement and its tariffs.</p></body></html>')]));
    const l = await collect(readFile(latin));
    expect(l.articles[0].title).toBe('Café talks');
    const empty = await collect(readFile(put('empty.html', '<html><head><script>var a=1</script></head><body>  </body></html>')));
    expect(empty.problems).toMatchObject([{ code: 'E_NO_TEXT', line: 1 }]);
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World Wire</title><link>https://wire.example</link>
<item>
  <title>Brazil and Argentina talk trade</title>
  <link>https://wire.example/1</link>
  <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate>
  <dc:creator>J. Silva</dc:creator>
  <description>Presidents spoke by phone.</description>
  <content:encoded><![CDATA[<p>Brazilian President Rafael Antunes spoke by telephone with Argentine President Lucía Ferreyra on Sunday.</p><p>They agreed to meet in April.<script>alert(1)</script></p>]]></content:encoded>
</item>
<item>
  <title>Only a summary &amp; a link</title>
  <link>https://wire.example/2</link>
  <pubDate>not a date</pubDate>
  <description>&lt;b&gt;Canada&lt;/b&gt; imposed sanctions on Iranian officials.</description>
</item>
<item><link>https://wire.example/3</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><updated>2026-01-20T00:00:00Z</updated>
  <entry><title type="html">Kenya &amp;amp; Tanzania sign accord</title>
    <link rel="alternate" href="https://atom.example/a"/><link rel="enclosure" href="https://atom.example/a.jpg"/>
    <published>2026-01-16T09:00:00+03:00</published><author><name>M. Otieno</name></author>
    <summary>An accord on the border.</summary>
    <content type="html">&lt;p&gt;Kenya and Tanzania signed a border accord in Arusha on Friday.&lt;/p&gt;&lt;p&gt;The ministers said it ends a decade of disputes.&lt;/p&gt;</content>
  </entry>
  <entry><title>Text entry</title><updated>2026-01-18T00:00:00Z</updated><content type="text">Line one of the text.
Line two of the text.</content></entry>
</feed>`;

describe('RSS and Atom feeds', () => {
  it('reads RSS 2.0 items with links, dates, authors and the full text of content:encoded, HTML stripped', async () => {
    const p = put('wire.rss', RSS);
    const { articles, problems } = await collect(readFile(p));
    expect(articles.map((a) => a.title)).toEqual(['Brazil and Argentina talk trade', 'Only a summary & a link']);
    expect(articles[0]).toMatchObject({
      url: 'https://wire.example/1', published: '2026-03-01', source: 'World Wire', byline: 'J. Silva', standfirst: 'Presidents spoke by phone.',
      body: ['Brazilian President Rafael Antunes spoke by telephone with Argentine President Lucía Ferreyra on Sunday.', 'They agreed to meet in April.'],
    });
    expect(articles[1]).toMatchObject({ body: ['Canada imposed sanctions on Iranian officials.'], published: null });
    expect(problems.map((x) => [x.code, x.line])).toEqual([['W_DATE', 12], ['E_RECORD', 18]]);
  });

  it('reads Atom entries: alternate link, published date, author, html and text content', async () => {
    const { articles, problems } = await collect(readFile(put('desk.atom', ATOM)));
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Kenya & Tanzania sign accord', url: 'https://atom.example/a', published: '2026-01-16', byline: 'M. Otieno', source: 'Atom Desk',
      body: ['Kenya and Tanzania signed a border accord in Arusha on Friday.', 'The ministers said it ends a decade of disputes.'],
    });
    expect(articles[1]).toMatchObject({ body: ['Line one of the text.', 'Line two of the text.'], published: '2026-01-18' });
  });

  it('finds a feed in a .xml file by its root element, and reports broken XML with its line', async () => {
    const { articles } = await collect(readFile(put('feed.xml', ATOM)));
    expect(articles).toHaveLength(2);
    const broken = await collect(readFile(put('broken.rss', '<?xml version="1.0"?>\n<rss><channel>\n<item><title>A</title>\n<description>x</item>\n</channel></rss>')));
    expect(broken.articles).toEqual([]);
    expect(broken.problems[0]).toMatchObject({ code: 'E_MARKUP', line: 4 });
    const other = await collect(readFile(put('svg.xml', '<?xml version="1.0"?><!-- c --><svg><g/></svg>')));
    expect(other.problems).toMatchObject([{ code: 'E_FORMAT', message: expect.stringContaining('<svg>') }]);
  });

  it('never expands entities declared in a DOCTYPE', async () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss><channel><item><title>T &c;</title><description>Body text of the item.</description></item></channel></rss>`;
    const { articles, problems } = await collect(readFile(put('bomb.rss', bomb)));
    expect(articles.length + problems.length).toBeGreaterThan(0);
    for (const a of articles) expect(a.text.length).toBeLessThan(200);
  });
});

describe('TimeML and MEANTIME documents', () => {
  it('reads a TimeML document: annotations dropped, TITLE as headline, DCT as publication date', async () => {
    const tml = `<?xml version="1.0" ?>\n<TimeML>\n<DOCID>APW1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>\n<TITLE>Explosions rock embassies</TITLE>\n<TEXT>\n\nSuspected bombs <EVENT eid="e1">exploded</EVENT> outside the embassies\n<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.\n\n\`\`It was a bomb,'' an official <EVENT eid="e2">said</EVENT> &amp; left.\n</TEXT>\n</TimeML>`;
    const { articles } = await collect(readFile(put('apw.tml', tml)));
    expect(articles[0]).toMatchObject({ title: 'Explosions rock embassies', published: '1998-08-07', body: ['Suspected bombs exploded outside the embassies Friday.', '"It was a bomb," an official said & left.'] });
  });

  it('reads a MEANTIME document: sentence 0 the headline, a date line the publication date', async () => {
    const toks = [['U.S.', 0], ['automaker', 0], ['cuts', 0], ['jobs', 0], ['May', 1], ['14', 1], [',', 1], ['2009', 1], ['The', 2], ['company', 2], ['said', 2], ['"', 2], ['we', 2], ['ca', 2], ["n't", 2], ['wait', 2], ['"', 2], ['(', 2], ['today', 2], [')', 2], ['.', 2]] as const;
    const xml = `<?xml version="1.0" ?><Document doc_id="1" url="http://en.wikinews.org/wiki/X">\n${toks.map(([t, s], i) => `<token number="${i}" sentence="${s}" t_id="${i + 1}">${t}</token>`).join('\n')}\n<Markables/></Document>`;
    const { articles } = await collect(readFile(put('m.xml', xml)));
    expect(articles[0]).toMatchObject({ title: 'U.S. automaker cuts jobs', published: '2009-05-14', url: 'http://en.wikinews.org/wiki/X', body: ['The company said "we can\'t wait" (today).'] });
    expect(detokenize(['He', 'said', ',', '"', 'no', '"', '.'])).toBe('He said, "no".');
  });

  it('reads a folder of pages, feeds and XML documents by extension', async () => {
    const root = join(dir, 'mixed');
    mkdirSync(root);
    writeFileSync(join(root, 'a.html'), PAGE);
    writeFileSync(join(root, 'b.rss'), RSS);
    writeFileSync(join(root, 'c.atom'), ATOM);
    writeFileSync(join(root, 'README.txt'), 'About this folder\nIt holds test pages.\n');
    writeFileSync(join(root, 'LICENSE'), 'CC BY 4.0');
    const { articles, problems } = await collect(readPaths([root]));
    expect(articles).toHaveLength(5);
    // a data folder's notes are not articles
    expect(problems.filter((p) => p.code === 'W_SKIPPED')).toMatchObject([{ message: 'skipped 2 documentation (README, LICENSE …) files' }]);
  });

  it('finds the root element past declarations and comments', () => {
    expect(rootElement('<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss version="2.0">')).toBe('rss');
    expect(rootElement('<rdf:RDF xmlns:rdf="…">')).toBe('rdf:RDF');
  });
});
