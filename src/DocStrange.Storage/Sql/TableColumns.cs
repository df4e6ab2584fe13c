namespace DocStrange.Storage.Sql;

/// <summary>
/// Every column of the tables the stores read whole rows from, in the tables' order. Statements name
/// them instead of <c>*</c>, so a column a later migration adds does not change the shape of a statement
/// PostgreSQL has prepared (which it would refuse once with <c>0A000</c>). A test compares each list with
/// the migrated schema of both databases.
/// </summary>
internal static class TableColumns
{
    public const string Jobs =
        "id, state, owner_id, pool, priority, options, file_name, file_kind, file_size, file_sha256, input_key, attempts, " +
        "max_retries, progress, lease_owner, lease_expires_at, next_attempt_at, cancel_requested, error, result, " +
        "result_expires_at, purged, created_at, started_at, completed_at, version, idempotency_key, request_hash, trace_parent";

    public const string ApiKeys =
        "id, name, owner, tier, prefix, secret_hash, limits, created_at, expires_at, revoked_at, rotated_at, last_used_at";

    public const string WebhookDeliveries =
        "id, job_id, event, event_id, payload, attempts, next_attempt_at, state, last_status, last_error, created_at, delivered_at";
}
