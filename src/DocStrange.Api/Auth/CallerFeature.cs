using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Auth;

/// <summary>Reads the <see cref="Caller"/> that <see cref="CallerMiddleware"/> resolved for the request.</summary>
public static class CallerFeature
{
    /// <summary>The request's caller; throws when the middleware did not run (a wiring error, not a client's).</summary>
    public static Caller GetCaller(this HttpContext http) =>
        http.Features.Get<Caller>() ?? throw new InvalidOperationException("No caller was resolved for this request; is CallerMiddleware mapped?");
}
