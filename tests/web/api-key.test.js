// The web page on a server that takes no anonymous uploads: without a key it says why, and with
// a key typed into the field it converts and downloads, and shows a result's images.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PICTURE_PDF, launch, lockedServer, openPage, markdownFile, upload, waitForCompleted, postDocument, loadedFigures,
  downloadOf, onPage } from './helpers.js';

const { url, adminKey } = lockedServer();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A new API key of its own for each test, so no test sees another's jobs. */
async function createKey() {
  const response = await fetch(`${url}/api/v1/admin/keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `web page test ${Date.now()}` }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { key } = await response.json();
  assert.ok(key, 'the new key\'s secret was not shown');
  return key;
}

/** Types the key into the page's field and leaves it, as a user does. */
async function enterKey(page, key) {
  await page.locator('#api-key').fill(key);
  await page.locator('#api-key').press('Tab');
}

test('without a key the page shows the 401 message; with the key typed in, it loads what it could not', async () => {
  const key = await createKey();
  const response = await fetch(`${url}/api/v1/system`);
  assert.equal(response.status, 401);
  const { message } = (await response.json()).error;

  const { context, page, problems } = await openPage(browser, url, { ignore: [/status of 401/] });
  try {
    assert.equal(await page.locator('#input-types').textContent(), `The server's file types could not be loaded: ${message}`);
    await page.locator('#recent-empty').filter({ hasText: message }).waitFor();

    await enterKey(page, key);
    // The file types and the (still empty) job list are asked for again, with the key.
    await page.locator('#input-types').filter({ hasText: /^Supported: / }).waitFor();
    await page.locator('#version').filter({ hasText: 'DocStrange' }).waitFor();
    await page.locator('#recent-empty').filter({ hasText: /^No jobs yet\.$/ }).waitFor();
    assert.equal(await page.locator('#recent-jobs li').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without a key an upload shows the 401 message; with the key typed in, it converts and downloads', async () => {
  const key = await createKey();
  const { token, file } = markdownFile('Key test');
  const direct = await postDocument(url, file);
  assert.equal(direct.status, 401);
  const { code, message } = direct.body.error;

  // The browser logs each refused request (401) itself; those are expected here, nothing else.
  const { context, page, problems } = await openPage(browser, url, { ignore: [/status of 401/] });
  try {
    await upload(page, file);
    const refused = page.locator('#messages li.message-error', { hasText: file.name });
    await refused.waitFor();
    const text = await refused.textContent();
    assert.ok(text.includes(code), `"${text}" does not show ${code}`);
    assert.ok(text.includes(message), `"${text}" does not show "${message}"`);

    await enterKey(page, key);
    await upload(page, file);
    await page.locator('#messages li', { hasText: file.name }).filter({ hasText: 'submitted as' }).waitFor();
    await waitForCompleted(page);
    await page.locator('#result-preview').filter({ hasText: token }).waitFor();
    // The list of jobs, loaded again with the key, shows the job.
    await page.locator('#recent-jobs .job-entry', { hasText: file.name }).waitFor();

    // A link cannot send the key: the download goes through fetch and still arrives as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#downloads a[data-format="markdown"]').click(),
    ]);
    const content = await readFile(await download.path(), 'utf8');
    assert.ok(content.includes(token), `the download lacks the document's text: ${content}`);
    assert.match(download.suggestedFilename(), /\.md$/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the key is kept for the tab: a reload still sends it', async () => {
  const key = await createKey();
  const { context, page, problems } = await openPage(browser, url, { ignore: [/status of 401/] });
  try {
    await enterKey(page, key);
    await page.reload();
    await page.locator('#input-types').filter({ hasNotText: 'Loading' }).waitFor();
    assert.equal(await page.locator('#api-key').inputValue(), key);
    const { token, file } = markdownFile('Reload test');
    await upload(page, file);
    await waitForCompleted(page);
    await page.locator('#result-preview').filter({ hasText: token }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with a key, a result\'s images load (an <img> cannot send the key, so they are fetched) and the zip downloads', async () => {
  const key = await createKey();
  await onPage(browser, async page => {
    await enterKey(page, key);
    await page.locator('#input-types').filter({ hasText: /^Supported: / }).waitFor();
    await page.locator('#images').selectOption('files');
    await upload(page, PICTURE_PDF);
    const id = await waitForCompleted(page);
    const [name] = await loadedFigures(page);
    // Without the key the image itself is refused: what the page shows came with the key.
    const refused = await fetch(`${url}/api/v1/jobs/${id}/result/images/${name}`);
    assert.equal(refused.status, 401);
    const { bytes } = await downloadOf(page, 'zip');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  }, { baseUrl: url, ignore: [/status of 401/] });
});
