using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Auth;

/// <summary>
/// Resolves the request's <see cref="Caller"/> before any route runs. An anonymous caller is known by
/// its client address (after the forwarded-headers middleware has put the real one in place).
/// </summary>
internal sealed class CallerMiddleware(RequestDelegate next, TiersOptions tiers)
{
    public Task InvokeAsync(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        var name = address is null ? "local" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        http.Features.Set(Caller.Anonymous(name, tiers.Free));
        return next(http);
    }
}
