using DocStrange.Api;
using DocStrange.Storage;
using DocStrange.Telemetry;

// The API alone (no workers): the host of an API replica. `docstrange serve` adds in-process workers.
var builder = WebApplication.CreateBuilder(args);
builder.AddDocStrangeTracing("docstrange-api");
builder.AddDocStrangeJobs();
builder.AddDocStrangeApi();

var app = builder.Build();
app.MapDocStrangeApi();
app.Run();

namespace DocStrange.Server
{
    /// <summary>Names this assembly for test hosts (<c>WebApplicationFactory&lt;ServerEntryPoint&gt;</c>).</summary>
    public sealed class ServerEntryPoint;
}
