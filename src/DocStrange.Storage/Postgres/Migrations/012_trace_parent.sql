-- The W3C traceparent of the request that submitted the job: the worker continues that trace, so the
-- request, the conversion and the webhook are one trace across processes. Null for jobs not traced.
ALTER TABLE jobs ADD COLUMN trace_parent TEXT;
