// TimeML (.tml) → one JSON Lines record for `dyad analyze`: title from <TITLE> (else the first sentence),
// text = the paragraphs of <TEXT> with tags stripped, published = the DCT.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readGold, unescapeXml } from '../../dist/eval/timeml.js'; // after npm run build
const [src, out] = process.argv.slice(2);
const xml = readFileSync(src, 'utf8');
const doc = readGold(xml, basename(src));
const paras = doc.text.split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
const t = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml);
let title = t ? unescapeXml(t[1].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() : null;
if (!title) {
  // no headline: the first sentence of the first paragraph stands for it
  const first = paras.shift() ?? '';
  // the first sentence end not after a short capitalized word (Gen., Mr., Sen.)
  const m = /^(.{20,}?(?<!\b[A-Z][a-z]{0,2})[a-z0-9)'"]{2}[.!?]['"]*)\s+(?=[A-Z`"])/.exec(first);
  title = m ? m[1] : first;
  const rest = m ? first.slice(m[0].length) : '';
  if (rest) paras.unshift(rest);
}
writeFileSync(out, JSON.stringify({ title, text: paras.join('\n'), published: doc.dct, source: src.replace('/work/shared/', '../shared/') }) + '\n');
