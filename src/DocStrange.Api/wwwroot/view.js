// Drawing the page from API data. Every server-provided string goes in through textContent:
// nothing from a job or a result is ever parsed as HTML.

import { downloadUrl, isFinal } from './api.js';

const $ = id => document.getElementById(id);

/** Makes an element with a class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function formatSize(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

const STATUS_TEXT = {
  pending: 'Pending', processing: 'Processing', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled',
};

function badge(node, status) {
  node.className = `badge status-${status}`;
  node.textContent = STATUS_TEXT[status] || status;
}

/** The supported input types from GET /system, and the file picker's accept list. */
export function renderSystem(system) {
  const inputs = system.formats.input;
  const names = inputs.map(i => `${i.type.toUpperCase()} (${i.extensions.join(', ')})`);
  $('input-types').textContent = inputs.length
    ? `Supported: ${names.join('; ')}. Up to ${formatSize(system.limits.max_file_size)} per file.`
    : 'This server cannot convert any file type right now.';
  $('file-input').accept = inputs.flatMap(i => i.extensions).join(',');
  $('version').textContent = `DocStrange ${system.version} · ${system.mode}`;
}

/** Adds a line to the submission messages: a created job, or why a file was refused. */
export function addMessage({ fileName, error, jobId }) {
  const list = $('messages');
  const item = el('li', error ? 'message message-error' : 'message');
  item.append(el('strong', null, fileName), document.createTextNode(' — '));
  if (error) {
    item.append(el('code', null, error.code), document.createTextNode(` ${error.message}${schemaPlace(error)}`));
    if (error.requestId) item.append(el('span', 'muted', ` (request ${error.requestId})`));
  } else {
    item.append(document.createTextNode('submitted as '), el('code', null, jobId));
  }
  list.prepend(item);
  while (list.children.length > 8) list.lastElementChild.remove();
}

/** Where in a refused JSON Schema the problem is (INVALID_SCHEMA's details.path, a JSON Pointer), or ''. */
function schemaPlace(error) {
  const path = error.details?.path;
  return typeof path === 'string' ? ` (at ${path || '/'} in the schema)` : '';
}

/** The recent jobs list; a click or Enter on an entry selects its job. */
export function renderJobList(jobs, selectedId, onSelect) {
  const list = $('recent-jobs');
  list.replaceChildren(...jobs.map(job => {
    const item = el('li');
    const button = el('button', 'job-entry');
    button.type = 'button';
    button.dataset.jobId = job.job_id;
    if (job.job_id === selectedId) button.setAttribute('aria-current', 'true');
    const state = el('span');
    badge(state, job.status);
    const name = el('span', 'job-entry-name', job.file ? job.file.name : job.job_id);
    const when = el('span', 'job-entry-time muted', formatTime(job.created_at));
    button.append(name, state, when);
    button.addEventListener('click', () => onSelect(job.job_id));
    item.append(button);
    return item;
  }));
  $('recent-empty').hidden = jobs.length > 0;
}

function fact(list, term, value) {
  if (!value && value !== 0) return;
  list.append(el('dt', null, term), el('dd', null, value));
}

/** The selected job's status, progress, error and actions. */
export function renderJob(job) {
  $('job-empty').hidden = true;
  $('job-view').hidden = false;
  $('job-file-name').textContent = job.file ? job.file.name : job.job_id;
  $('job-file-meta').textContent = job.file ? `${job.file.type.toUpperCase()}, ${formatSize(job.file.size)}` : '';
  badge($('job-state'), job.status);

  const progress = job.progress || { percent: 0, stage: '' };
  const running = !isFinal(job.status);
  $('job-stage').textContent = running && progress.stage ? `Stage: ${progress.stage}` : '';
  $('job-queue').textContent = job.status === 'pending' && job.queue_position ? `Position ${job.queue_position} in the queue` : '';
  // A failed or cancelled job's percent says only where it stopped; the badge says enough.
  $('progress-row').hidden = job.status === 'failed' || job.status === 'cancelled';
  $('job-progress').value = progress.percent;
  $('job-percent').textContent = `${progress.percent} %`;

  const times = $('job-times');
  times.replaceChildren();
  fact(times, 'Job', job.job_id);
  fact(times, 'Formats', job.formats.join(', '));
  fact(times, 'Created', formatTime(job.created_at));
  fact(times, 'Started', formatTime(job.started_at));
  fact(times, 'Finished', formatTime(job.completed_at));
  if (job.attempts > 1) fact(times, 'Attempts', job.attempts);
  if (progress.pages_total) fact(times, 'Pages', `${progress.pages_done} of ${progress.pages_total}`);

  renderJobError(job.error, job.status);
  $('cancel-job').hidden = !running;
  $('cancel-job').disabled = job.cancel_requested;
  $('delete-job').hidden = running;
  $('action-note').textContent = job.cancel_requested ? 'Cancel requested: the job stops at its next page.'
    : job.status === 'completed' && !job.result_url ? 'The stored results of this job were deleted.' : '';
}

/** A short note beside the job's buttons (what a cancel or delete did, or why it failed). */
export function showNote(text) {
  $('action-note').textContent = text;
}

function renderJobError(error, status) {
  const box = $('job-error');
  box.hidden = !error;
  if (!error) return;
  $('job-error-code').textContent = error.code;
  $('job-error-message').textContent = error.message;
  const retry = status === 'pending' && error.retryable
    ? `Attempt ${error.retry_count} of ${error.max_retries} retries failed; trying again${error.next_retry_in_seconds ? ` in about ${error.next_retry_in_seconds} s` : ''}.`
    : '';
  $('job-error-retry').textContent = retry;
}

/** Format tabs (role=tablist) with arrow-key movement; onChoose(format) shows one. */
export function renderTabs(formats, active, onChoose) {
  const tabs = $('result-tabs');
  tabs.replaceChildren(...formats.map(format => {
    const tab = el('button', 'tab', format);
    tab.type = 'button';
    tab.id = `tab-${format}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', 'result-panel');
    tab.setAttribute('aria-selected', String(format === active));
    tab.tabIndex = format === active ? 0 : -1;
    tab.addEventListener('click', () => onChoose(format));
    return tab;
  }));
  tabs.onkeydown = event => {
    const index = formats.indexOf(active);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    let next = step ? (index + step + formats.length) % formats.length : null;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = formats.length - 1;
    if (next === null) return;
    event.preventDefault();
    onChoose(formats[next]);
    $(`tab-${formats[next]}`)?.focus();
  };
  $('result-panel').setAttribute('aria-labelledby', `tab-${active}`);
}

const PREVIEW_LIMIT = 200_000;

/** The preview while a result loads: its text box only. */
export function renderLoading() {
  showPreviewParts({ text: true });
  $('result-preview').textContent = 'Loading…';
}

function showPreviewParts({ text = false, fields = false }) {
  $('result-preview').hidden = !text;
  $('result-fields').hidden = !fields;
  $('result-figures').hidden = true;
}

/**
 * A result's text (never rendered as HTML), or for the fields format its table, and its metadata;
 * or the reason there is none.
 */
export function renderPreview(result, error) {
  const preview = $('result-preview');
  const note = $('result-note');
  const fields = error ? null : fieldsOf(result);
  showPreviewParts({ text: !fields, fields: Boolean(fields) });
  if (error) {
    preview.textContent = '';
    $('result-meta').textContent = '';
    note.textContent = `${error.code}: ${error.message}`;
    return;
  }
  const content = result.content || '';
  const long = !fields && content.length > PREVIEW_LIMIT;
  preview.textContent = fields ? '' : long ? content.slice(0, PREVIEW_LIMIT) : content;
  note.textContent = long ? `Showing the first ${PREVIEW_LIMIT.toLocaleString()} characters; download the file for all of it.`
    : fields ? schemaVerdict(fields) : '';
  if (fields) renderFieldsTable(fields.fields || {});
  const m = result.metadata || {};
  const parts = [`${m.pages_processed ?? 0} of ${m.page_count ?? 0} pages`, `${m.processing_time_ms ?? 0} ms`];
  if (m.ocr_pages) parts.push(`${m.ocr_pages} OCR pages`);
  if (m.warnings && m.warnings.length) parts.push(`${m.warnings.length} warnings: ${m.warnings.map(w => w.message).join('; ')}`);
  $('result-meta').textContent = parts.join(' · ');
}

// ---- fields: the fields format's {data, fields, valid, schema_errors} (docs/fields.md) ----------

/** The parsed fields result, or null for another format (or a body that is not the JSON expected). */
function fieldsOf(result) {
  if (result.format !== 'fields') return null;
  try {
    const parsed = JSON.parse(result.content);
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null; // shown as text then, so nothing is hidden
  }
}

function schemaVerdict(fields) {
  const errors = fields.schema_errors || [];
  if (errors.length === 0) return fields.valid === false ? 'The object does not validate against the schema.' : '';
  const text = errors.map(e => (typeof e === 'string' ? e : e.message || JSON.stringify(e))).join('; ');
  return `${errors.length} schema ${errors.length === 1 ? 'error' : 'errors'}: ${text}`;
}

/** A field's value as text: a found value with its currency, or why it was not found. */
function fieldValue(field) {
  if (field.value === null || field.value === undefined) return field.reason ? `not found: ${field.reason}` : 'not found';
  const value = typeof field.value === 'object' ? JSON.stringify(field.value) : String(field.value);
  return field.currency ? `${value} ${field.currency}` : value;
}

/** One row per field path: name, value, confidence, source, page. */
function renderFieldsTable(fields) {
  const table = el('table', 'fields-table');
  table.append(el('caption', null, 'Extracted fields'));
  const head = el('tr');
  for (const name of ['Field', 'Value', 'Confidence', 'Source', 'Page']) {
    const cell = el('th', null, name);
    cell.scope = 'col';
    head.append(cell);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const [name, field] of Object.entries(fields)) {
    const row = body.insertRow();
    const nameCell = el('th', null, name);
    nameCell.scope = 'row';
    const value = el('td', field.value === null || field.value === undefined ? 'muted' : null, fieldValue(field));
    const confidence = Number.isFinite(field.confidence) ? field.confidence.toFixed(2) : '';
    row.append(nameCell, value, el('td', null, confidence), el('td', null, field.source || ''), el('td', null, field.page ?? ''));
  }
  $('result-fields').replaceChildren(table);
}

// ---- figures: a result made with images=files links its images as images/<page>-<n>.<ext> ---------

const IMAGE_NAME = String.raw`\d+-\d+\.[A-Za-z0-9]+`;
const MARKDOWN_IMAGE = new RegExp(String.raw`!\[((?:\\.|[^\\\]])*)\]\(images/(${IMAGE_NAME})\)`, 'g');
const HTML_IMAGE = new RegExp(String.raw`<img src="images/(${IMAGE_NAME})" alt="([^"]*)"`, 'g');
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// The HTML result's alt text is entity-encoded (numeric references for accented letters too); it is
// decoded by hand, as handing it to the HTML parser is what this page never does.
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Every image.file of the JSON result's blocks, with its caption. */
function jsonImages(node, add) {
  if (!node || typeof node !== 'object') return;
  const file = node.image?.file;
  if (typeof file === 'string' && file.startsWith('images/')) add(file.slice('images/'.length), node.image.caption);
  for (const value of Object.values(node)) jsonImages(value, add);
}

/**
 * The images a result's content links ([{name, caption}], each once, in order): the Markdown's
 * ![caption](images/…), the HTML's <img src="images/…" alt="…">, the JSON's image.file.
 */
export function linkedImages(format, content) {
  const found = new Map();
  const add = (name, caption) => { if (!found.has(name)) found.set(name, caption || ''); };
  if (format === 'markdown') for (const m of content.matchAll(MARKDOWN_IMAGE)) add(m[2], m[1].replace(/\\(.)/g, '$1'));
  if (format === 'html') for (const m of content.matchAll(HTML_IMAGE)) add(m[1], decodeEntities(m[2]));
  if (format === 'json') {
    try { jsonImages(JSON.parse(content), add); } catch { /* not JSON: no images to list */ }
  }
  return [...found].map(([name, caption]) => ({ name, caption }));
}

/**
 * The previewed result's images in a strip under it (the preview itself is text, so its relative
 * links could not show them). load(name) resolves to a URL the <img> can use; captions go in as text.
 */
export function renderFigures(images, load) {
  const strip = $('result-figures');
  strip.hidden = images.length === 0;
  strip.replaceChildren(...images.map(({ name, caption }) => {
    const figure = el('figure', 'figure');
    const image = el('img');
    image.alt = caption || `Image ${name}`;
    image.dataset.name = name;
    const label = el('figcaption', null, caption ? `${caption} (${name})` : name);
    figure.append(image, label);
    load(name).then(url => { image.src = url; },
      error => label.append(el('span', 'muted', ` — not loaded: ${error.code}: ${error.message}`)));
    return figure;
  }));
}

/** Shows or hides the result area; download links for each of the job's formats, and all of them in a zip. */
export function renderResultArea(job, visible) {
  $('result').hidden = !visible;
  if (!visible) return;
  $('downloads').replaceChildren(...[...job.formats, 'zip'].map(format => {
    const link = el('a', null, format === 'zip' ? 'Download all (zip)' : `Download ${format}`);
    link.href = downloadUrl(job.job_id, format);
    link.setAttribute('download', '');
    link.dataset.job = job.job_id;
    link.dataset.format = format;
    const item = el('li');
    item.append(link);
    return item;
  }));
}

/** Nothing selected. */
export function renderNoJob() {
  $('job-empty').hidden = false;
  $('job-view').hidden = true;
}
