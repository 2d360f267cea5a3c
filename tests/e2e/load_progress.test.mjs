// CSV parsing shows its progress (issue 19): the worker's `progress {stage: "load", done, total}`
// messages move a progress bar and say how far the reading is, then give way to the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServer, whenReady } from './helpers.mjs';

const env = useServer();

/** `rows` rows of two numbers and a label (~24 bytes a row). */
function csv(rows) {
  const lines = ['x,y,label'];
  for (let i = 0; i < rows; i++) lines.push(`${(i * 0.37) % 101},${(i * 7.13) % 53},${i % 3 === 0 ? 'yes' : 'no'}`);
  return Buffer.from(lines.join('\n'));
}

for (const lang of ['en', 'zh']) {
  test(`reading an uploaded CSV shows its progress, then the summary (${lang})`, async () => {
    const page = await openPage(env.browser, `${env.url}?lang=${lang}`);
    await whenReady(page);
    const bytes = csv(400_000);
    // Everything the summary line and the bar show while the CSV is read.
    await page.evaluate(() => {
      window.seen = [];
      const summary = document.querySelector('#data-summary');
      const bar = document.querySelector('[data-testid=load-progress]');
      const note = () => window.seen.push({ text: summary.textContent, value: bar.value, hidden: bar.hidden });
      new MutationObserver(note).observe(summary, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles('[data-testid=csv-input]', { name: 'big.csv', mimeType: 'text/csv', buffer: bytes });
    await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('big.csv'), null, { timeout: 60_000 });
    await whenReady(page);
    const seen = await page.evaluate(() => window.seen);
    const pattern = lang === 'en' ? /^Reading the CSV \((\d+\.\d) MB\): (\d+) %$/ : /^正在读取 CSV（(\d+\.\d) MB）：(\d+)%$/;
    const reading = seen.filter((s) => pattern.test(s.text));
    assert.ok(reading.length >= 3, `progress said ${reading.length} times: ${JSON.stringify(seen.slice(0, 5))}`);
    for (const s of reading) {
      const [, mb, percent] = s.text.match(pattern);
      assert.equal(mb, (bytes.length / 1e6).toFixed(1));
      assert.ok(Number(percent) >= 0 && Number(percent) < 100, s.text);
      assert.equal(s.hidden, false, 'the bar shows while reading');
      assert.ok(Math.abs(s.value - Number(percent) / 100) < 0.01, `bar ${s.value} for ${percent} %`);
    }
    const percents = reading.map((s) => Number(s.text.match(pattern)[2]));
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'the percentage only grows');
    assert.ok(percents[percents.length - 1] - percents[0] >= 30, `it moved: ${percents}`);
    assert.equal(await page.isHidden('[data-testid=load-progress]'), true, 'the bar is gone once read');
    assert.match(await page.textContent('#data-summary'), /^big\.csv(: |：)400000/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
