// axe-core in headless Chromium (Debian's chromium, driven by puppeteer-core) on HTML files,
// at phone and desktop width: prints every WCAG 2.0/2.1 level A and AA violation and exits
// with 1 when there is any. Usage: node tools/axe/check.mjs <fil.html>…
// The browser: $RV_CHROMIUM, else /usr/bin/chromium.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Every rule with one of these tags, the ones axe still marks experimental included: among
// them two WCAG 2.0 A rules on tables (1.3.1): every data cell has a header, and no table
// fakes its caption with a cell.
const rules = require('axe-core').getRules(tags).map((r) => r.ruleId);

const browser = await puppeteer.launch({
  executablePath: process.env.RV_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // --no-sandbox: the test suite may run as root (a container), where Chromium's sandbox
  // cannot start; the pages are our own files.
  args: ['--no-sandbox', '--disable-gpu'],
});
let violations = 0;
try {
  for (const file of process.argv.slice(2)) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
      // axe is added to the page under test only; the file itself has no scripts.
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(
        (values) => globalThis.axe.run(document, { runOnly: { type: 'rule', values } }),
        rules);
      for (const v of result.violations) {
        violations += 1;
        console.log(`${file} (${width} px): ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 3)) console.log(`  ${node.target.join(' ')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(violations ? 1 : 0);
