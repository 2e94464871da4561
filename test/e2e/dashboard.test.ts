// The dashboard in Debian's Chromium (playwright-core, never a downloaded browser): the sample and the examples in
// a temporary database, served on 127.0.0.1. Under CI=true these tests must run; elsewhere, without Chromium or a
// built dashboard, they are skipped with a notice. Screenshots of each view go to docs/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/serve/http/static.js';
import { hasSample, REPO, seededServer } from '../../src/serve/http/testing.js';

const CHROMIUM = '/usr/bin/chromium';
const CI = process.env.CI === 'true';
const missing = [
  !existsSync(CHROMIUM) && `Chromium is not at ${CHROMIUM} (apt-get install chromium)`,
  !defaultWebRoot() && 'the dashboard is not built (npm run build)',
  !hasSample() && 'the sample ../shared/seed/lee-xi-beijing.txt is not beside the repository',
].filter(Boolean) as string[];
if (missing.length && !CI) console.warn(`\n  NOTICE: dashboard browser tests skipped: ${missing.join('; ')}.\n`);
const SHOTS = join(REPO, 'docs', 'screenshots');

describe.skipIf(missing.length > 0 && !CI)('the dashboard in Chromium', () => {
  let browser: Browser;
  let srv: Awaited<ReturnType<typeof seededServer>>;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  let sampleId = '';

  beforeAll(async () => {
    if (missing.length) throw new Error(`browser tests cannot run under CI: ${missing.join('; ')}`);
    srv = await seededServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    // Playwright dismisses dialogs silently: record each one, and fail on it in every test
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // the page must work under its own strict policy: nothing of ours is ever refused by the CSP
    page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text()); });
    const hits = await (await fetch(`${srv.url}/api/search?q=Lee%20Jae%20Myung%20Beijing`)).json() as { items: { id: string }[] };
    sampleId = hits.items[0].id;
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    expect(dialogs, 'no dialog ever opened').toEqual([]);
    expect(pageErrors, 'no script error and no CSP violation').toEqual([]);
  });

  /** Opens a view and waits until it is rendered (not loading any more). */
  async function open(hash: string): Promise<void> {
    await page.goto(`${srv.url}/${hash}`);
    await page.waitForFunction((h) => {
      const main = document.querySelector('main');
      return main?.dataset.shown === (h || '#/') && !main.hasAttribute('aria-busy');
    }, hash, { timeout: 15_000 });
    expect(await page.locator('main .state.error').count(), `no error shown on ${hash}`).toBe(0);
  }
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  it('overview: the most active dyads with KOR–CHN first, rising and falling, recent events', async () => {
    await open('#/');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Overview');
    const first = page.locator('table.dyads tbody tr').first();
    await expect(first.getAttribute('data-dyad')).resolves.toBe('CHN-KOR');
    expect(await first.locator('td').first().textContent()).toMatch(/^\d+$/);
    expect(await page.locator('.movers li').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.events li').count()).toBeGreaterThan(3);
    await shot('overview');
    // keyboard: the dyad link is reachable and opens the dyad view
    await first.locator('a').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('svg.chart');
    expect(page.url()).toMatch(/#\/dyad\/CHN-KOR$/);
    expect(dialogs).toEqual([]);
  });

  it('dyad view: the KOR–CHN chart by month, events under it, filters, planned events apart, evidence links', async () => {
    await open('#/dyad/KOR-CHN');
    const jan = page.locator('svg.chart g.period[data-period="2026-01"]');
    expect(await jan.getAttribute('aria-label')).toMatch(/2026-01: [1-9]\d* cooperative/);
    expect(await jan.locator('rect.bar.coop').count()).toBe(1);
    expect(await jan.locator('circle.planned').count()).toBe(1);
    const bars = await page.locator('svg.chart rect.bar').count();
    expect(bars).toBeGreaterThanOrEqual(2);
    const planned = page.locator('.planned-events ol.events > li');
    expect(await planned.count()).toBe(2);
    expect(await page.locator('.planned-events').textContent()).toContain('Li Qiang');
    expect(await page.locator('.happened li.mod-planned').count()).toBe(0);
    await shot('dyad');

    const all = await page.locator('.happened ol.events > li').count();
    await page.selectOption('select[name="type"]', 'CONSULT');
    const consult = await page.locator('.happened ol.events > li').count();
    expect(consult).toBeGreaterThan(0);
    expect(consult).toBeLessThan(all);
    await page.selectOption('select[name="type"]', '');
    await page.selectOption('select[name="modality"]', 'planned');
    expect(await page.locator('.happened ol.events > li').count()).toBe(0);
    expect(await planned.count()).toBe(2);
    await page.selectOption('select[name="modality"]', '');
    // keyboard on the chart: a period is a button
    await jan.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.period-note').textContent()).toContain('2026-01');
    // by week
    await open('#/dyad/KOR-CHN?by=week');
    expect(await page.locator('svg.chart g.period[data-period="2026-W02"] rect.bar').count()).toBeGreaterThan(0);
    // evidence link: opens the reader with the event's trigger focused (followed from the keyboard, the pointer out
    // of the way: a mark left under the pointer would show its own reading in the panel)
    await page.mouse.move(0, 0);
    await page.locator('.happened .evidence-link').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.article-text .focused');
    expect(await page.locator('.article-text .focused').getAttribute('class')).toContain('k-event');
    await page.waitForFunction(() => document.activeElement?.classList.contains('focused'));
    expect(await page.locator('.understood').textContent()).toMatch(/Event [A-Z]+/);
  });

  it('article reader: entities, times, quotes and triggers highlighted by kind; hover tells what dyad understood', async () => {
    await open(`#/article/${sampleId}`);
    const textOf = async (sel: string) => page.locator(`.article-text ${sel}`).allTextContents();
    expect(await textOf('.k-entity.e-PERSON')).toEqual(expect.arrayContaining(['Lee Jae Myung', 'Xi Jinping']));
    expect(await textOf('.k-entity.e-COUNTRY')).toContain('China');
    expect((await textOf('.k-time')).join('|')).toMatch(/Tuesday/);
    expect((await textOf('.k-quote')).join('|')).toContain('new phase');
    expect(await textOf('.k-event')).toEqual(expect.arrayContaining(['met', 'meet', 'signed']));
    expect(await page.locator('.article-text .k-event.mod-planned').count()).toBeGreaterThan(0);
    const headline = page.locator('.article-text .headline');
    const met = headline.locator('.k-event', { hasText: 'met' }).first();
    expect(await met.getAttribute('title')).toMatch(/CONSULT\/meet .*Lee Jae Myung \(KOR\) → Xi Jinping \(CHN\).*asserted/);
    await met.hover();
    expect(await page.locator('.understood').textContent()).toMatch(/CONSULT\/meet/);
    // near-duplicates: the standfirst restates the first paragraph
    const dups = await page.locator('.article-text .k-dup').count();
    const doc = await (await fetch(`${srv.url}/api/articles/${sampleId}/analysis`)).json() as { duplicates: unknown[] };
    expect(dups > 0).toBe(doc.duplicates.length > 0);
    await shot('article');
    // keyboard: Tab reaches the highlighted words and focus shows what dyad understood
    await page.locator('.article-text [tabindex="0"]').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hl'))).toBe(true);
    expect(await page.locator('.understood li').count()).toBeGreaterThan(0);
    // the legend hides a kind
    await page.locator('.legend input[name="entity"]').uncheck();
    expect(await page.locator('.article-text.hide-entity').count()).toBe(1);
  });

  it('actor view: roles over time, events as source and as target, quotes', async () => {
    await open('#/actor/Xi%20Jinping');
    expect(await page.locator('h1').first().textContent()).toContain('Xi Jinping');
    expect(await page.locator('table.roles tbody').textContent()).toContain('President');
    expect(await page.locator('section', { hasText: 'As target' }).locator('ol.events > li').count()).toBeGreaterThan(0);
    expect(await page.locator('section', { hasText: 'As source' }).locator('ol.events > li').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.quotes > li').count()).toBeGreaterThan(0);
    await shot('actor');
    await open('#/actor/Nobody%20Atall');
    expect(await page.locator('.state.empty').textContent()).toContain('No actor');
  });

  it('network: actors as nodes, edges coloured by cooperation and conflict, nodes link to actors', async () => {
    await open('#/network');
    expect(await page.locator('svg.network a.node').count()).toBeGreaterThan(5);
    expect(await page.locator('svg.network line.edge.dir-cooperative').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.network line.edge.dir-conflictual').count()).toBeGreaterThan(0);
    await shot('network');
    await page.locator('svg.network a.node', { hasText: 'Xi Jinping' }).click();
    await page.waitForSelector('table.roles');
    expect(page.url()).toContain('#/actor/Xi%20Jinping');
  });

  it('shows loading, empty and error states', async () => {
    await open('#/dyad/NOR-ZAF');
    expect(await page.locator('.state.empty').textContent()).toContain('No events between NOR and ZAF');
    await page.goto(`${srv.url}/#/article/${'0'.repeat(64)}`);
    await page.waitForSelector('.state.error');
    expect(await page.locator('.state.error').textContent()).toContain('no article with this id');
    expect(await page.locator('.state.error button').count()).toBe(1);
    await page.goto(`${srv.url}/#/nowhere`);
    await page.waitForSelector('.state.empty');
  });

  it('renders an article full of markup inert in every view', async () => {
    const payload = {
      title: 'Canada <script>alert("title")</script> sanctions Iran <img src=x onerror=alert("img-title")>',
      standfirst: '</textarea><script>alert("standfirst")</script><textarea>',
      text: [
        'Canada imposed sanctions on Iran on Monday <img src=x onerror=alert("img")> after talks failed.',
        'Prime Minister <b onmouseover=alert("b")>Mark Carney</b> said "<a href="javascript:alert(\'link\')">click here</a> for the list", calling it </textarea><script>alert("ta")</script>.',
        'Iran criticized Canada <svg onload=alert("svg")></svg> and <iframe srcdoc="<script>alert(1)</script>"></iframe> javascript:alert("bare").',
      ].join('\n'),
      published: '2026-01-20', url: 'javascript:alert("url")', source: '<img src=x onerror=alert("source")>',
    };
    const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const body = await res.json() as { ids: string[] };
    expect(res.status).toBe(200);
    const id = body.ids[0];
    const views = ['#/', '#/dyad/CAN-IRN', `#/article/${id}`, '#/articles', '#/articles?q=sanctions%20textarea', '#/actor/Canada', '#/actor/Iran', '#/network'];
    for (const view of views) {
      await open(view);
      await page.waitForTimeout(150); // time for any injected handler to fire
      const found = await page.evaluate(() => ({
        scripts: [...document.scripts].map((s) => s.src || 'inline'),
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        injected: document.querySelectorAll('main img, main iframe, main textarea, main b, main svg:not(.chart):not(.network)').length,
        jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      }));
      expect(found.scripts, view).toEqual([expect.stringMatching(/\/assets\/.+\.js$/)]);
      expect(found.handlers, view).toBe(0);
      expect(found.injected, view).toBe(0);
      expect(found.jsLinks, view).toBe(0);
      expect(dialogs, view).toEqual([]);
    }
    // the markup is shown as text, as written
    await open(`#/article/${id}`);
    expect(await page.locator('.article-text .headline').textContent()).toBe(payload.title);
    expect(await page.locator('.article-text').textContent()).toContain('<a href="javascript:alert(\'link\')">click here</a>');
    expect(await page.locator('a.source-link').getAttribute('href')).toBe('#');
    await open('#/dyad/CAN-IRN');
    expect((await page.locator('blockquote.evidence').allTextContents()).join('\n')).toContain('<img src=x onerror=alert("img")>');
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
