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
    item.append(el('code', null, error.code), document.createTextNode(` ${error.message}`));
    if (error.requestId) item.append(el('span', 'muted', ` (request ${error.requestId})`));
  } else {
    item.append(document.createTextNode('submitted as '), el('code', null, jobId));
  }
  list.prepend(item);
  while (list.children.length > 8) list.lastElementChild.remove();
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

/** A result's text (never rendered as HTML) and its metadata; or the reason there is none. */
export function renderPreview(result, error) {
  const preview = $('result-preview');
  const note = $('result-note');
  if (error) {
    preview.textContent = '';
    $('result-meta').textContent = '';
    note.textContent = `${error.code}: ${error.message}`;
    return;
  }
  const content = result.content || '';
  const long = content.length > PREVIEW_LIMIT;
  preview.textContent = long ? content.slice(0, PREVIEW_LIMIT) : content;
  note.textContent = long ? `Showing the first ${PREVIEW_LIMIT.toLocaleString()} characters; download the file for all of it.` : '';
  const m = result.metadata || {};
  const parts = [`${m.pages_processed ?? 0} of ${m.page_count ?? 0} pages`, `${m.processing_time_ms ?? 0} ms`];
  if (m.ocr_pages) parts.push(`${m.ocr_pages} OCR pages`);
  if (m.warnings && m.warnings.length) parts.push(`${m.warnings.length} warnings: ${m.warnings.map(w => w.message).join('; ')}`);
  $('result-meta').textContent = parts.join(' · ');
}

/** Shows or hides the result area; download links for each of the job's formats. */
export function renderResultArea(job, visible) {
  $('result').hidden = !visible;
  if (!visible) return;
  $('downloads').replaceChildren(...job.formats.map(format => {
    const link = el('a', null, `Download ${format}`);
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
