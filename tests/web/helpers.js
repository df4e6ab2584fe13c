// Shared by the web page tests: the server under test, a Chromium per test file, and a page that
// records every console error, uncaught exception and CSP violation so a test can assert there were none.

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The server under test (`docstrange serve` with anonymous access on). */
export const BASE_URL = required('DOCSTRANGE_URL');

/** Where the page waits for a job; conversions of the small fixtures take a few seconds. */
export const JOB_TIMEOUT = 60_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through tests/web/run.sh`);
  return value.replace(/\/$/, '');
}

/** A second server with anonymous access off, and its admin key (both set by run.sh). */
export function lockedServer() {
  return { url: required('DOCSTRANGE_LOCKED_URL'), adminKey: required('DOCSTRANGE_ADMIN_KEY') };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh context and page on baseUrl (its own sessionStorage, so no test sees another's key).
 * `problems` collects error-level console messages (CSP violations are reported there too) and
 * uncaught exceptions; `ignore` lists patterns a test expects (e.g. a 401 the page reports itself).
 */
export async function openPage(browser, baseUrl = BASE_URL, { ignore = [] } = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', message => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!ignore.some(pattern => pattern.test(text))) problems.push(`console: ${text}`);
  });
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`));
  await page.goto('/');
  // The page is ready when it has asked the server for its file types.
  await page.locator('#input-types').filter({ hasNotText: 'Loading' }).waitFor();
  return { context, page, problems };
}

/**
 * Runs work(page) on a fresh page (openPage's options: baseUrl, ignore), asserts the page logged no
 * error of its own meanwhile, and closes it, also when the work fails.
 */
export async function onPage(browser, work, { baseUrl = BASE_URL, ignore = [] } = {}) {
  const { context, page, problems } = await openPage(browser, baseUrl, { ignore });
  try {
    await work(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/** A small Markdown document with a token of its own, so a test finds its own text and no other's. */
export function markdownFile(title = 'Browser test') {
  const token = `token-${randomUUID()}`;
  const text = `# ${title}\n\nThis document carries ${token} through the converter.\n`;
  return { token, file: { name: `${token}.md`, mimeType: 'text/markdown', buffer: Buffer.from(text) } };
}

/** Picks files through the page's file input, as the drop zone's file chooser does. */
export async function upload(page, files) {
  await page.locator('#file-input').setInputFiles(files);
}

/** Waits until the job panel shows a completed job, and returns its id. */
export async function waitForCompleted(page) {
  const badge = page.locator('#job-state');
  await page.waitForFunction(() => {
    const state = document.getElementById('job-state')?.textContent;
    const error = document.getElementById('job-error');
    return state === 'Completed' || state === 'Failed' || state === 'Cancelled' || (error && !error.hidden);
  }, null, { timeout: JOB_TIMEOUT });
  const state = await badge.textContent();
  if (state !== 'Completed') {
    const error = await page.locator('#job-error').textContent();
    throw new Error(`the job ended ${state}: ${error.trim()}`);
  }
  return page.evaluate(() => location.hash.slice(1));
}

/** POST /documents straight to the API, to learn what the server itself answers for a file. */
export async function postDocument(baseUrl, file, headers = {}) {
  const form = new FormData();
  form.append('output_format', 'markdown');
  form.append('file', new Blob([file.buffer], { type: file.mimeType }), file.name);
  const response = await fetch(`${baseUrl}/api/v1/documents`, { method: 'POST', body: form, headers });
  return { status: response.status, body: await response.json() };
}

/** A PDF with two pictures (figures with captions), from the extraction tests' fixtures. */
export const PICTURE_PDF = fileURLToPath(new URL('../DocStrange.Extraction.Tests/data/pdf/picture_classification.pdf', import.meta.url));

/**
 * Waits until the figure strip under the preview shows images and every one of them has loaded
 * (a blocked or failed image has no natural width); returns their names.
 */
export async function loadedFigures(page) {
  await page.locator('#result-figures img').first().waitFor({ timeout: JOB_TIMEOUT });
  await page.waitForFunction(() => [...document.querySelectorAll('#result-figures img')]
    .every(image => image.complete && image.naturalWidth > 0), null, { timeout: JOB_TIMEOUT });
  return page.locator('#result-figures img').evaluateAll(images => images.map(image => image.dataset.name));
}

/** Clicks the download link of a format ('zip' for all of them) and returns the file's bytes and name. */
export async function downloadOf(page, format) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#downloads a[data-format="${format}"]`).click(),
  ]);
  if (await download.failure()) throw new Error(`the ${format} download failed: ${await download.failure()}`);
  return { bytes: await readFile(await download.path()), name: download.suggestedFilename() };
}
