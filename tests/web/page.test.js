// The web page with anonymous access on: it loads cleanly, converts an uploaded document,
// reports the API's refusals, downloads results, shows a result's images and extracted fields.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BASE_URL, JOB_TIMEOUT, PICTURE_PDF, launch, openPage, markdownFile, upload, waitForCompleted, postDocument,
  loadedFigures, downloadOf, onPage } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../DocStrange.Extraction.Tests/data/pdf/two_pages.pdf', import.meta.url));
// A generated invoice of the fields evaluation set, and the values its .json says it holds.
const INVOICE = fileURLToPath(new URL('../fields/docs/invoice-01.html', import.meta.url));
const INVOICE_FIELDS = { invoice_number: 'INV-2024-5387', total: '22094.97' };

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

test('with Figures set to image files, the preview shows the PDF\'s pictures and the zip holds them', async () => {
  await onPage(browser, async page => {
    await page.locator('#images').selectOption('files');
    await page.locator('input[name="output_format"][value="html"]').check();
    await upload(page, PICTURE_PDF);
    const id = await waitForCompleted(page);
    const preview = page.locator('#result-preview');
    await preview.filter({ hasText: '](images/' }).waitFor({ timeout: JOB_TIMEOUT });
    const names = await loadedFigures(page);
    assert.ok(names.length >= 1, 'no figures shown');
    for (const name of names) assert.ok((await preview.textContent()).includes(`images/${name}`), `${name} is not linked`);

    // The HTML tab links the same images; they are shown from it too.
    await page.locator('#tab-html').click();
    await preview.filter({ hasText: '<img src="images/' }).waitFor();
    assert.deepEqual(await loadedFigures(page), names);

    const { bytes, name } = await downloadOf(page, 'zip');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `the zip of ${id} is not a zip`);
    assert.match(name, /\.zip$/);
    // Entry names stand in the zip's directory as plain text.
    const listing = bytes.toString('latin1');
    for (const entry of ['result.md', 'result.html', `images/${names[0]}`]) assert.ok(listing.includes(entry), `the zip lacks ${entry}`);
  });
});

test('with placeholder figures (the default) no figures are shown', async () => {
  await onPage(browser, async page => {
    assert.equal(await page.locator('#images').inputValue(), 'placeholder');
    await upload(page, PICTURE_PDF);
    await waitForCompleted(page);
    await page.locator('#result-preview').filter({ hasText: '<!-- image -->' }).waitFor({ timeout: JOB_TIMEOUT });
    assert.equal(await page.locator('#result-figures').isHidden(), true);
    assert.equal(await page.locator('#result-figures img').count(), 0);
  });
});

test('field names asked for add the fields result, shown as a table of values', async () => {
  await onPage(browser, async page => {
    await page.locator('#extract-fields').fill(Object.keys(INVOICE_FIELDS).join(','));
    await upload(page, INVOICE);
    await waitForCompleted(page);
    await page.locator('#tab-fields').click();
    const table = page.locator('#result-fields table');
    await table.waitFor({ timeout: JOB_TIMEOUT });
    assert.equal(await page.locator('#result-preview').isHidden(), true);
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Field', 'Value', 'Confidence', 'Source', 'Page']);
    for (const [name, expected] of Object.entries(INVOICE_FIELDS)) {
      const cells = await table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
        .locator('td').allTextContents();
      assert.ok(cells[0].startsWith(expected), `${name} shows "${cells[0]}", not ${expected}`);
      assert.match(cells[1], /^(0|1)\.\d\d$/, `${name}'s confidence "${cells[1]}"`);
      assert.ok(cells[2].length > 0, `${name} has no source`);
      assert.equal(cells[3], '1', `${name}'s page`);
    }
  });
});

test('a JSON Schema file the server refuses shows INVALID_SCHEMA and where in the schema', async () => {
  const schema = '{"type": "object", "properties": {"total": {"type": "frobnicate"}}}';
  const { file } = markdownFile('Schema test');
  await onPage(browser, async page => {
    // Loaded from a file, the schema goes into the box, as typed text would.
    await page.locator('#json-schema-file').setInputFiles({ name: 'bad.schema.json', mimeType: 'application/json', buffer: Buffer.from(schema) });
    await page.waitForFunction(text => document.getElementById('json-schema').value === text, schema);
    await upload(page, file);
    const line = page.locator('#messages li.message-error', { hasText: file.name });
    await line.waitFor();
    const text = await line.textContent();
    assert.match(text, /INVALID_SCHEMA/);
    assert.match(text, /\(at \/properties\/total\S* in the schema\)/);
  }, { ignore: [/status of 400/] });
});
