using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Logging;
using DocStrange.Jobs.Tenancy;
using Microsoft.Net.Http.Headers;

namespace DocStrange.Api.Auth;

/// <summary>
/// Resolves the request's <see cref="Caller"/> before any route runs: the API key's tenant when a key
/// is sent, otherwise an anonymous caller known by its client address (after the forwarded-headers
/// middleware has put the real one in place) when anonymous access is on. A key that does not work is
/// 401 <c>INVALID_API_KEY</c> saying why, never echoing the key. Health, metrics, the admin routes
/// (which check the admin key themselves) and everything outside <c>/api/v1</c> need no key. An admin
/// route called with the admin key is the <see cref="AdminCaller"/>, so it is rated apart from its address.
/// </summary>
internal sealed class CallerMiddleware(RequestDelegate next, TiersOptions tiers, ApiKeyAuthenticator keys, AdminKey admin,
    ILogger<CallerMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (IsOpen(http.Request.Path))
        {
            // Anything short of the admin key (none, a guess) counts against the address, which bounds guessing.
            http.Features.Set(IsAdmin(http) ? AdminCaller.For(tiers) : Anonymous(http));
            await next(http);
            return;
        }

        var secret = PresentedKey.Read(http.Request, out var malformed);
        if (malformed)
        {
            await RefuseAsync(http, "The API key could not be read: send one key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.", "malformed");
            return;
        }
        if (secret is null)
        {
            if (!tiers.AllowAnonymous)
            {
                await RefuseAsync(http, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.", "missing");
                return;
            }
            http.Features.Set(Anonymous(http));
            await next(http);
            return;
        }

        var check = await keys.CheckAsync(secret, http.RequestAborted);
        if (check.Caller is null)
        {
            var (message, reason) = check.Refusal switch
            {
                KeyRefusal.Malformed => ("The API key is malformed: keys look like 'ds_live_' followed by 32 letters and digits.", "malformed"),
                KeyRefusal.Revoked => ("The API key was revoked.", "revoked"),
                KeyRefusal.Expired => ($"The API key expired at {check.Key!.ExpiresAt!.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.", "expired"),
                _ => ("The API key is not known (never issued, or replaced by a rotation).", "unknown"),
            };
            await RefuseAsync(http, message, reason);
            return;
        }
        http.Features.Set(check.Caller);
        // The key's id (never its secret) on every log line of the request.
        using (logger.BeginScope(new LogFields(("key_id", check.Caller.KeyId))))
        {
            await next(http);
        }
    }

    /// <summary>Routes anyone may call: everything outside <c>/api/v1</c>, health, metrics, and admin (guarded by the admin key).</summary>
    private static bool IsOpen(PathString path) =>
        !path.StartsWithSegments("/api/v1", out var rest)
        || rest.StartsWithSegments("/health")
        || rest.StartsWithSegments("/metrics")
        || rest.StartsWithSegments("/admin");

    /// <summary>Whether the request is to an admin route and carries the admin key.</summary>
    private bool IsAdmin(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api/v1/admin") && admin.Matches(PresentedKey.Read(http.Request, out _));

    private Caller Anonymous(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        var name = address is null ? "local" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return Caller.Anonymous(name, tiers.Free);
    }

    /// <summary>401 <c>INVALID_API_KEY</c> with the challenge RFC 6750 asks for.</summary>
    internal static Task RefuseAsync(HttpContext http, string message, string reason) => Refusal(http, message, reason).ExecuteAsync(http);

    /// <summary>The 401 <c>INVALID_API_KEY</c> answer; <paramref name="reason"/> goes in <c>details.reason</c> for clients to act on.</summary>
    internal static IResult Refusal(HttpContext http, string message, string reason)
    {
        http.Response.Headers[HeaderNames.WWWAuthenticate] = reason == "missing"
            ? "Bearer realm=\"docstrange\""
            : "Bearer realm=\"docstrange\", error=\"invalid_token\"";
        return ApiProblems.For(http, ServiceErrors.InvalidApiKey, message, new Dictionary<string, object?> { ["reason"] = reason });
    }
}
