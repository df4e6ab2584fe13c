// The web page: drop files, follow their jobs by long-polling, preview and download the results
// (with their images and extracted fields).

import * as api from './api.js';
import * as view from './view.js';

const $ = id => document.getElementById(id);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const state = {
  jobs: new Map(),      // job id -> the newest job view seen
  following: new Set(), // job ids with a running long-poll loop
  results: new Map(),   // "id format" -> result, for switching tabs without refetching
  images: new Map(),    // "id name" -> promise of a blob: URL, for the selected job's images
  recent: [],           // GET /jobs?limit=10
  selected: null,       // the job shown in the job panel
  shownResultOf: null,  // the job whose result area is drawn
  format: null,         // the tab shown
  maxWait: 25,          // seconds per long-poll, never above the server's max_wait_seconds
};

// Each long-poll holds a connection; browsers allow about six per origin over HTTP/1.1, so
// at most three polls run at once and uploads, results and the list still get through.
const MAX_POLLS = 3;
let pollsRunning = 0;
const pollQueue = [];
async function inPollSlot(work) {
  if (pollsRunning < MAX_POLLS) pollsRunning++;
  else await new Promise(resolve => pollQueue.push(resolve));
  try {
    return await work();
  } finally {
    const next = pollQueue.shift();
    if (next) next(); else pollsRunning--;
  }
}

// ---- jobs -----------------------------------------------------------------------------------

/** Records a fresh job view and redraws whatever shows it. */
function update(job) {
  const previous = state.jobs.get(job.job_id);
  state.jobs.set(job.job_id, job);
  const index = state.recent.findIndex(j => j.job_id === job.job_id);
  if (index >= 0) {
    state.recent[index] = job;
    drawList();
  }
  if (job.job_id === state.selected) showSelected(job);
  if (!previous || previous.status !== job.status) refreshListSoon();
}

/** Follows a job until it is final: GET /jobs/{id}?wait=N, again and again. */
async function follow(id) {
  if (state.following.has(id)) return;
  state.following.add(id);
  let failures = 0;
  try {
    let job = state.jobs.get(id);
    while (!job || !api.isFinal(job.status)) {
      try {
        // While a job runs, short waits let the progress bar move (a long-poll wakes only on a status change).
        const wait = !job ? 0 : job.status === 'processing' ? 1 : state.maxWait;
        job = await inPollSlot(() => api.getJob(id, wait));
        failures = 0;
        update(job);
      } catch (error) {
        if (!error.isNetwork || ++failures > 6) {
          if (id === state.selected) view.showNote(`${error.code}: ${error.message}`);
          return;
        }
        if (id === state.selected) view.showNote('Connection lost; trying again…');
        await sleep(500 * 2 ** failures);
      }
    }
  } finally {
    state.following.delete(id);
  }
}

/** Shows a job in the job panel and follows it while it runs. */
async function select(id) {
  if (id !== state.selected) forgetImages();
  state.selected = id;
  state.shownResultOf = null;
  history.replaceState(null, '', `#${id}`);
  drawList();
  const known = state.jobs.get(id);
  if (known) showSelected(known);
  try {
    update(await api.getJob(id));
    if (!api.isFinal(state.jobs.get(id).status)) follow(id);
  } catch (error) {
    if (state.selected !== id) return;
    if (!known) view.renderNoJob();
    view.addMessage({ fileName: id, error });
  }
}

function showSelected(job) {
  view.renderJob(job);
  const hasResult = job.status === 'completed' && Boolean(job.result_url);
  view.renderResultArea(job, hasResult);
  if (!hasResult) {
    state.shownResultOf = null;
  } else if (state.shownResultOf !== job.job_id) {
    state.shownResultOf = job.job_id;
    showFormat(job.formats[0]);
  }
}

/** Shows one format's result in the preview (as text: HTML results are never rendered). */
async function showFormat(format) {
  const id = state.selected;
  const job = state.jobs.get(id);
  if (!job) return;
  state.format = format;
  view.renderTabs(job.formats, format, showFormat);
  const key = `${id} ${format}`;
  let result = state.results.get(key);
  if (!result) {
    view.renderLoading();
    try {
      result = await api.getResult(id, format);
      state.results.set(key, result);
    } catch (error) {
      if (state.selected === id && state.format === format) view.renderPreview(null, error);
      return;
    }
  }
  if (state.selected !== id || state.format !== format) return;
  view.renderPreview(result);
  view.renderFigures(view.linkedImages(format, result.content || ''), name => imageUrl(id, name));
}

/** A result image as a blob: URL, fetched once per job (with the API key) and kept while the job is shown. */
function imageUrl(id, name) {
  const key = `${id} ${name}`;
  if (!state.images.has(key)) {
    const loading = api.imageObjectUrl(id, name);
    loading.catch(() => state.images.delete(key)); // a failed image is asked for again next time
    state.images.set(key, loading);
  }
  return state.images.get(key);
}

/** Lets go of the shown job's image blobs, which the browser would otherwise keep until the tab closes. */
function forgetImages() {
  for (const loading of state.images.values()) loading.then(url => URL.revokeObjectURL(url), () => {});
  state.images.clear();
}

async function cancelSelected() {
  const id = state.selected;
  const button = $('cancel-job');
  button.disabled = true;
  try {
    const { status, job } = await api.deleteJob(id);
    update(job);
    view.showNote(status === 202 ? 'Cancel requested: the job stops at its next page.' : 'The job was cancelled.');
    if (!api.isFinal(job.status)) follow(id);
  } catch (error) {
    button.disabled = false;
    view.showNote(`${error.code}: ${error.message}`);
  }
}

async function deleteSelectedFiles() {
  const id = state.selected;
  if (!window.confirm('Delete the stored input and results of this job? This cannot be undone.')) return;
  try {
    const { job } = await api.deleteJob(id);
    for (const key of state.results.keys()) if (key.startsWith(`${id} `)) state.results.delete(key);
    forgetImages();
    update(job);
    view.showNote('The stored files of this job were deleted.');
  } catch (error) {
    view.showNote(`${error.code}: ${error.message}`);
  }
}

// ---- recent jobs ----------------------------------------------------------------------------

function drawList() {
  view.renderJobList(state.recent, state.selected, select);
}

let listTimer = null;
function refreshListSoon(delay = 300) {
  clearTimeout(listTimer);
  listTimer = setTimeout(refreshList, delay);
}

async function refreshList() {
  try {
    const page = await api.listJobs(10);
    state.recent = page.jobs;
    $('recent-empty').textContent = 'No jobs yet.';
    for (const job of page.jobs) if (!state.following.has(job.job_id)) state.jobs.set(job.job_id, job);
    drawList();
    // Jobs started elsewhere still move: look again while any listed job runs.
    if (page.jobs.some(j => !api.isFinal(j.status))) refreshListSoon(5000);
  } catch (error) {
    $('recent-empty').hidden = false;
    $('recent-empty').textContent = `The job list could not be loaded: ${error.message}`;
  }
}

// ---- submitting -----------------------------------------------------------------------------

function chosenFormats() {
  return [...document.querySelectorAll('input[name="output_format"]:checked')].map(box => box.value);
}

/** The upload options from the form; asking for fields adds the fields format, which shows them. */
function chosenOptions() {
  const fields = $('extract-fields').value.trim();
  const schema = $('json-schema').value.trim();
  const formats = chosenFormats();
  if ((fields || schema) && !formats.includes('fields')) formats.push('fields');
  return {
    formats, fields, schema,
    pages: $('pages').value.trim(),
    images: $('images').value,
    mode: $('extract-mode').value,
  };
}

let uploads = Promise.resolve();

/** Submits each file as its own job, one upload at a time, in the order given. */
function submitFiles(files) {
  if (files.length === 0) return;
  const options = chosenOptions();
  if (options.formats.length === 0) {
    $('upload-status').textContent = 'Choose at least one output format (or fields) first.';
    document.querySelector('input[name="output_format"]').focus();
    return;
  }
  uploads = uploads.then(() => uploadAll(files, options));
}

async function uploadAll(files, options) {
  let first = true;
  for (const [index, file] of files.entries()) {
    $('upload-status').textContent = files.length > 1
      ? `Uploading ${index + 1} of ${files.length}: ${file.name}…`
      : `Uploading ${file.name}…`;
    try {
      const created = await api.submitDocument(file, options);
      view.addMessage({ fileName: file.name, jobId: created.job_id });
      if (first) select(created.job_id); else follow(created.job_id);
      first = false;
      refreshListSoon();
    } catch (error) {
      view.addMessage({ fileName: file.name, error });
    }
  }
  $('upload-status').textContent = '';
}

function setUpDropZone() {
  const zone = $('drop-zone');
  const input = $('file-input');
  const choose = () => input.click();
  zone.addEventListener('click', choose);
  zone.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose();
    }
  });
  input.addEventListener('change', () => {
    submitFiles([...input.files]);
    input.value = '';
  });
  for (const name of ['dragenter', 'dragover']) {
    zone.addEventListener(name, event => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
  }
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    submitFiles([...(event.dataTransfer?.files || [])]);
  });
  // A file dropped beside the zone must not make the browser leave the page to open it.
  for (const name of ['dragover', 'drop']) window.addEventListener(name, event => event.preventDefault());
}

/** A schema file chosen is read into the JSON Schema box, where it can be checked and edited before sending. */
function setUpSchemaFile() {
  const input = $('json-schema-file');
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    $('json-schema').value = await file.text();
    input.value = '';
  });
}

// ---- start ----------------------------------------------------------------------------------

/** The optional API key field: kept for this tab, sent with every call; a change reloads what the key may see. */
function setUpApiKey() {
  const field = $('api-key');
  field.value = api.apiKey();
  field.addEventListener('change', () => {
    api.setApiKey(field.value.trim());
    loadSystem();
    refreshList();
  });
  // Links cannot carry the key: with one set, downloads go through fetch.
  $('downloads').addEventListener('click', event => {
    const link = event.target.closest('a[data-format]');
    if (!link || !api.apiKey()) return;
    event.preventDefault();
    api.downloadWithKey(link.dataset.job, link.dataset.format).catch(error => view.showNote(error.message));
  });
}

async function start() {
  setUpDropZone();
  setUpSchemaFile();
  setUpApiKey();
  $('convert-form').addEventListener('submit', event => event.preventDefault());
  $('refresh-jobs').addEventListener('click', () => refreshList());
  $('cancel-job').addEventListener('click', cancelSelected);
  $('delete-job').addEventListener('click', deleteSelectedFiles);

  await loadSystem();
  await refreshList();
  selectFromAddress();
  window.addEventListener('hashchange', selectFromAddress);
}

/** The file types, limits and version (GET /system); asked again when the API key changes, as a server without anonymous access answers only with one. */
async function loadSystem() {
  try {
    const system = await api.getSystem();
    view.renderSystem(system);
    if (system.limits.max_wait_seconds >= 1) state.maxWait = Math.min(25, system.limits.max_wait_seconds);
  } catch (error) {
    $('input-types').textContent = `The server's file types could not be loaded: ${error.message}`;
  }
}

/** A job id in the address (#job_...) selects that job, so a job's view can be bookmarked. */
function selectFromAddress() {
  const id = location.hash.slice(1);
  if (/^job_[a-z2-7]{26}$/.test(id) && id !== state.selected) select(id);
}

start();
