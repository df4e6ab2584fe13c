using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DocStrange.Api.Tests.Intake;

/// <summary>Test hosts only: takes the client's address from <c>X-Test-Client</c>, so one test can act as two anonymous callers.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate following) =>
        {
            if (IPAddress.TryParse(http.Request.Headers["X-Test-Client"].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            return following(http);
        });
        next(app);
    };
}
