using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Net.Http.Headers;

namespace DocStrange.Api.Tests.Hardening;

public sealed class RequestLimitTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false, settings: new Dictionary<string, string>
    {
        ["DocStrange:Api:MaxJsonBodyBytes"] = "2048",
    });

    [Fact]
    public async Task A_json_body_declared_over_the_limit_is_refused_before_it_is_read()
    {
        using var content = new ByteArrayContent(new byte[4096]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", content);

        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        Assert.Equal(2048, problem.GetProperty("error").GetProperty("details").GetProperty("max_size").GetInt64());
    }

    [Fact]
    public async Task A_json_body_within_the_limit_reaches_its_route()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", content);

        // The route itself answers (it wants a form), not the limit.
        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
    }

    public void Dispose() => _factory.Dispose();
}

public sealed class KestrelLimitTests
{
    [Fact]
    public void Kestrel_takes_its_body_limit_from_the_upload_limit_and_bounds_headers()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Jobs:MaxUploadBytes"] = "1048576",
        });

        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        // The file limit plus 1 MB of form around it.
        Assert.Equal(2 * 1048576, limits.MaxRequestBodySize);
        Assert.Equal(32 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(64, limits.MaxRequestHeaderCount);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.RequestHeadersTimeout);
    }
}
