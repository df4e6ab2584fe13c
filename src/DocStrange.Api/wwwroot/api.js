// The DocStrange HTTP API as seen from the web page: every call goes to this origin under /api/v1,
// and every failure becomes an ApiError carrying the problem+json code, message and request id.

const BASE = '/api/v1';
const KEY_STORE = 'docstrange.apiKey';

/** The API key typed into the page, kept for this tab only (sessionStorage), or ''. */
export function apiKey() {
  try { return sessionStorage.getItem(KEY_STORE) || ''; } catch { return ''; }
}

/** Keeps (or, when empty, forgets) the API key sent with every call. */
export function setApiKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORE, key);
    else sessionStorage.removeItem(KEY_STORE);
  } catch { /* storage off: the key is simply not kept */ }
}

function authHeaders() {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** A failed call: the server's error code and message, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, code, message, requestId = null, jobId = null, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.jobId = jobId;
    this.details = details || {};
  }

  /** Whether the server could not be reached at all (worth trying again later). */
  get isNetwork() { return this.status === 0; }
}

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try { return await response.json(); } catch { return null; }
}

function toError(response, body) {
  const error = body && body.error ? body.error : {};
  return new ApiError(
    response.status,
    error.code || `HTTP_${response.status}`,
    error.message || (body && body.detail) || response.statusText || 'The request failed.',
    (body && body.request_id) || response.headers.get('X-Request-ID'),
    body ? body.job_id : null,
    error.details);
}

async function call(path, init = {}) {
  let response;
  try {
    response = await fetch(BASE + path, { ...init, headers: { Accept: 'application/json', ...authHeaders(), ...(init.headers || {}) } });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
  }
  const body = await readBody(response);
  if (!response.ok) throw toError(response, body);
  return { status: response.status, data: body };
}

const enc = encodeURIComponent;

/** GET /system: formats in and out, limits, version. */
export const getSystem = () => call('/system').then(r => r.data);

/**
 * POST /documents: one file with its options ({formats, pages, images, fields, schema, mode}; empty ones
 * are left out, so the server's defaults apply); resolves to the 202 body ({job_id, status, links, ...}).
 */
export function submitDocument(file, { formats, pages, images, fields, schema, mode }) {
  const form = new FormData();
  form.append('output_format', formats.join(','));
  const options = { pages, images, extract_fields: fields, json_schema: schema };
  // The engine choice means something only when fields are asked for.
  if (fields || schema) options.extract_mode = mode;
  for (const [name, value] of Object.entries(options)) if (value) form.append(name, value);
  form.append('file', file, file.name);
  return call('/documents', { method: 'POST', body: form }).then(r => r.data);
}

/** GET /jobs/{id}; with wait > 0 the server holds the answer until the status changes or wait seconds pass. */
export function getJob(id, wait = 0) {
  const query = wait > 0 ? `?wait=${wait}` : '';
  return call(`/jobs/${enc(id)}${query}`).then(r => r.data);
}

/** GET /jobs: the newest jobs first. */
export const listJobs = (limit = 10) => call(`/jobs?limit=${limit}`).then(r => r.data);

/** GET /jobs/{id}/result?format=: {job_id, format, content, metadata}. */
export const getResult = (id, format) => call(`/jobs/${enc(id)}/result?format=${enc(format)}`).then(r => r.data);

/**
 * DELETE /jobs/{id}: cancels a pending job (200), asks a running one to stop (202, cancel_requested),
 * or deletes a finished job's stored files (200). Resolves to {status, job}.
 */
export const deleteJob = id => call(`/jobs/${enc(id)}`, { method: 'DELETE' }).then(r => ({ status: r.status, job: r.data }));

/** The address that downloads a result as a file. */
export const downloadUrl = (id, format) => `${BASE}/jobs/${enc(id)}/download?format=${enc(format)}`;

/** GETs a file (not JSON) with the API key; a failure becomes an ApiError as for every other call. */
async function fetchFile(url) {
  let response;
  try {
    response = await fetch(url, { headers: authHeaders() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
  }
  if (!response.ok) throw toError(response, await readBody(response));
  return response;
}

/**
 * Downloads a result (format=zip: every format and the images in one file) through fetch, so the API
 * key goes with it (a plain link cannot send a header), then hands the file to the browser.
 */
export async function downloadWithKey(id, format) {
  const response = await fetchFile(downloadUrl(id, format));
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = match ? match[1] : `${id}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * One image of a result written with images=files, as a blob: URL for an <img>. It is fetched rather
 * than linked because an <img> cannot send the API key; the caller revokes the URL when done with it.
 */
export async function imageObjectUrl(id, name) {
  const response = await fetchFile(`${BASE}/jobs/${enc(id)}/result/images/${enc(name)}`);
  return URL.createObjectURL(await response.blob());
}

/** Whether a job state is final (nothing moves a job out of it). */
export const isFinal = status => status === 'completed' || status === 'failed' || status === 'cancelled';
