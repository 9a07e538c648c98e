// Opens exported pages in headless Chromium, runs axe-core (WCAG 2 A/AA)
// in light and dark colour schemes, and checks that no hostile script ran.
// Usage: node browsercheck.js page.html... ; prints a JSON report.
// With SCREENSHOT_DIR set, saves full-page screenshots there.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function checkPage(context, file, shotDir) {
  const page = await context.newPage();
  const result = { file, violations: [], dialogs: [], external: [], errors: [] };
  page.on('dialog', async (d) => { result.dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => result.errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    result.external.push(url);
    return route.abort();
  });
  const url = pathToFileURL(path.resolve(file)).href;
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    if (scheme === 'light') {
      Object.assign(result, await page.evaluate(() => {
        const handlers = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (a.name.startsWith('on')) handlers.push(el.tagName + '[' + a.name + ']');
          }
        }
        const scripts = [...document.scripts].map((s) => s.type || 'text/javascript');
        return {
          title: document.title,
          handlers,
          scripts,
          stylesheetLoaded: getComputedStyle(document.body).fontFamily.includes('Georgia'),
        };
      }));
    }
    if (scheme === 'light') {
      // Every image loads (lazy ones are made eager first): its file is
      // where the page says.
      result.images = await page.evaluate(async () => {
        const imgs = [...document.images];
        await Promise.all(imgs.map((img) => { img.loading = 'eager'; return img.decode().catch(() => {}); }));
        return imgs.map((img) => ({ src: img.getAttribute('src'), current: img.currentSrc, naturalWidth: img.naturalWidth }));
      });
    }
    if (scheme === 'light') {
      // Nothing may run off the page sideways, on a desktop or a phone,
      // and the outline may not skip a heading level.
      result.overflow = [];
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (wide) result.overflow.push(width);
      }
      await page.setViewportSize({ width: 1000, height: 900 });
      result.headingSkips = await page.evaluate(() => {
        const skips = [];
        let prev = 0;
        for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
          const level = Number(h.tagName[1]);
          if (level > prev + 1) skips.push('h' + prev + ' → ' + h.tagName.toLowerCase() + ' ' + h.textContent.trim().slice(0, 40));
          prev = level;
        }
        return skips;
      });
    }
    if (shotDir) {
      const name = path.basename(path.dirname(file)) + '-' + path.basename(file, '.html') + '-' + scheme + '.png';
      await page.screenshot({ path: path.join(shotDir, name), fullPage: true });
    }
    await page.addScriptTag({ path: AXE });
    const axe = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary) }));
    }, TAGS);
    for (const v of axe) result.violations.push({ scheme, ...v });
  }
  await page.close();
  return result;
}

async function main() {
  const files = process.argv.slice(2);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 900 },
  });
  const results = [];
  try {
    for (const f of files) results.push(await checkPage(context, f, process.env.SCREENSHOT_DIR));
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(results, null, 1));
}

main().catch((e) => { console.error(e); process.exit(2); });
