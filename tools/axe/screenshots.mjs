// Screenshots of an HTML document in headless Chromium (puppeteer-core, Debian's
// chromium), for looking at the web page as a reader sees it: for each element id given,
// the page scrolled to it at phone width (390 px) and desktop width (1280 px).
// Usage: node tools/axe/screenshots.mjs <fil.html> <utmapp> <id>…
// Writes <utmapp>/<id>-<bredd>.png. The browser: $RV_CHROMIUM, else /usr/bin/chromium.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [file, folder, ...ids] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.RV_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
let missing = 0;
try {
  for (const width of [390, 1280]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(path.resolve(file)).href);
    for (const id of ids) {
      const element = await page.$(`[id="${id}"]`);
      if (!element) {
        console.error(`${file}: inget element med id "${id}"`);
        missing++;
        continue;
      }
      await element.evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: path.join(folder, `${id}-${width}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(missing ? 1 : 0);
