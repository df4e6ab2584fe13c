// The web page with anonymous access on: it loads cleanly, converts an uploaded document,
// reports the API's refusals, and downloads results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BASE_URL, JOB_TIMEOUT, launch, openPage, markdownFile, upload, waitForCompleted, postDocument } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../DocStrange.Extraction.Tests/data/pdf/two_pages.pdf', import.meta.url));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the page loads with no console errors and no CSP violations', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await assert.doesNotReject(page.locator('#version').filter({ hasText: 'DocStrange' }).waitFor());
    assert.match(await page.locator('#input-types').textContent(), /^Supported: .*PDF/);
    // The job list has been asked for too: either it shows jobs or says there are none, never an error.
    assert.doesNotMatch(await page.locator('#recent-empty').textContent(), /could not be loaded/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the error listener catches a CSP violation (so the test above can fail)', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const violation = page.waitForEvent('console', m => m.type() === 'error' && /Content Security Policy/.test(m.text()));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    assert.equal(await page.evaluate(() => window.inlineRan), undefined);
    await violation;
    assert.ok(problems.some(p => /Content Security Policy/.test(p)), `no CSP violation seen: ${problems}`);
  } finally {
    await context.close();
  }
});

test('an uploaded PDF is followed to completed and its text is previewed', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await upload(page, FIXTURE);
    await page.locator('#messages li', { hasText: 'two_pages.pdf' }).filter({ hasText: 'submitted as' }).waitFor();
    await page.locator('#job-file-name', { hasText: 'two_pages.pdf' }).waitFor();
    const id = await waitForCompleted(page);
    assert.match(id, /^job_[a-z2-7]{26}$/);
    const preview = page.locator('#result-preview');
    await preview.filter({ hasText: 'Sample Report' }).waitFor({ timeout: JOB_TIMEOUT });
    assert.match(await preview.textContent(), /End of page two\./);
    assert.match(await page.locator('#result-meta').textContent(), /2 of 2 pages/);
    // The new job shows up in the recent jobs list.
    await page.locator(`#recent-jobs button[data-job-id="${id}"]`).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a file of a refused type shows the API\'s error message', async () => {
  // A Windows executable's first bytes, named as one.
  const exe = { name: 'setup.exe', mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256)]) };
  const direct = await postDocument(BASE_URL, exe);
  assert.ok(direct.status >= 400 && direct.status < 500, `the API answered ${direct.status}`);
  const { code, message } = direct.body.error;

  // The browser logs the failed request itself; the page must not add errors of its own.
  const { context, page, problems } = await openPage(browser, BASE_URL, { ignore: [/status of 4\d\d/] });
  try {
    await upload(page, exe);
    const line = page.locator('#messages li.message-error', { hasText: 'setup.exe' });
    await line.waitFor();
    const text = await line.textContent();
    assert.ok(text.includes(code), `"${text}" does not show ${code}`);
    assert.ok(text.includes(message), `"${text}" does not show "${message}"`);
    assert.equal(await page.locator('#upload-status').textContent(), '');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a completed job\'s result downloads as a file', async () => {
  const { token, file } = markdownFile('Download test');
  const { context, page, problems } = await openPage(browser);
  try {
    await page.locator('input[name="output_format"][value="text"]').check();
    await upload(page, file);
    const id = await waitForCompleted(page);
    await page.locator('#result-preview').filter({ hasText: token }).waitFor();

    for (const format of ['markdown', 'text']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`#downloads a[data-format="${format}"]`).click(),
      ]);
      assert.equal(await download.failure(), null);
      const content = await readFile(await download.path(), 'utf8');
      assert.ok(content.includes(token), `the ${format} download of ${id} lacks the document's text: ${content}`);
      assert.match(download.suggestedFilename(), format === 'markdown' ? /\.md$/ : /\.txt$/);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
