namespace DocStrange.Api.Intake;

/// <summary>The routes of the other ways in beside <c>POST /documents</c>: from-url, sync, batch and resumable uploads.</summary>
internal static class IntakeEndpoints
{
    public static RouteGroupBuilder MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapFromUrlEndpoints();
        api.MapSyncEndpoints();
        api.MapBatchEndpoints();
        api.MapUploadEndpoints();
        return api;
    }
}
