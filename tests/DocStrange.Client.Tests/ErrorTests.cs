using System.Net;
using System.Text;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private DocStrangeClient Client() => new(_factory.CreateClient());

    [Fact]
    public async Task An_empty_file_is_refused_with_its_code_message_and_request_id()
    {
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => Client().SubmitAsync(new MemoryStream(), "empty.txt"));

        Assert.Equal(ErrorCodes.FileEmpty, error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.StartsWith("req_", error.RequestId);
        Assert.Null(error.JobId);
    }

    [Fact]
    public async Task Extract_mode_llm_on_a_server_without_an_llm_is_refused_with_its_code()
    {
        var options = new SubmitOptions { ExtractFields = ["total"], ExtractMode = "llm" };
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => Client().SubmitAsync(TestFiles.Text("Total: 5\n"), "a.txt", options));

        Assert.Equal(ErrorCodes.LlmNotConfigured, error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_wrong_option_names_its_field_in_the_details()
    {
        var options = new SubmitOptions { OutputFormats = ["docx"] };
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => Client().SubmitAsync(TestFiles.Text("x\n"), "a.txt", options));

        Assert.Equal(ErrorCodes.InvalidRequest, error.Code);
        Assert.Equal("output_format", error.Details["field"].GetString());
        Assert.Equal("docx", error.Details["value"].GetString());
    }

    [Fact]
    public async Task An_unsupported_type_is_refused_with_invalid_file_type()
    {
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => Client().SubmitAsync(TestFiles.Text("x"), "a.exe"));
        Assert.Equal(ErrorCodes.InvalidFileType, error.Code);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_job_is_job_not_found_on_every_route()
    {
        var client = Client();
        const string jobId = "job_aaaaaaaaaaaaaaaaaaaaaaaaaa";

        var get = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetJobAsync(jobId));
        Assert.Equal(ErrorCodes.JobNotFound, get.Code);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(jobId, get.JobId);
        Assert.NotNull(get.RequestId);

        Assert.Equal(ErrorCodes.JobNotFound, (await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(jobId))).Code);
        Assert.Equal(ErrorCodes.JobNotFound, (await Assert.ThrowsAsync<DocStrangeApiException>(() => client.CancelAsync(jobId))).Code);
        Assert.Equal(ErrorCodes.JobNotFound,
            (await Assert.ThrowsAsync<DocStrangeApiException>(() => client.DownloadAsync(jobId, null, new MemoryStream()))).Code);
        // An id that is not even shaped like one, escaped into the path.
        var odd = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetJobAsync("no such/job?"));
        Assert.Equal(ErrorCodes.JobNotFound, odd.Code);
        Assert.Null(odd.JobId);
    }

    [Fact]
    public async Task A_pending_jobs_result_is_not_ready()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Later\n"), "later.txt");

        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(submitted.JobId));
        Assert.Equal(ErrorCodes.ResultNotReady, error.Code);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(submitted.JobId, error.JobId);
        Assert.Equal("pending", error.Details["status"].GetString());

        var download = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.DownloadAsync(submitted.JobId, null, new MemoryStream()));
        Assert.Equal(ErrorCodes.ResultNotReady, download.Code);
    }

    [Fact]
    public async Task A_failed_job_is_returned_by_the_wait_and_its_result_throws_its_code()
    {
        var client = Client();
        // Pages past a PDF's end fail its job once it is read (a one-page kind would be refused at submission).
        var submitted = await client.SubmitFileAsync(TestFiles.MultiPagePdfPath, new SubmitOptions { Pages = "9", Ocr = "never" });

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Failed, job.Status);
        Assert.NotNull(job.Error);
        Assert.Equal(ErrorCodes.InvalidRequest, job.Error.Code);
        Assert.False(job.Error.Retryable);
        Assert.Null(job.Error.NextRetryInSeconds);
        Assert.Null(job.ResultUrl);

        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(job.JobId));
        Assert.Equal(ErrorCodes.InvalidRequest, error.Code);
        Assert.Equal(job.JobId, error.JobId);
    }

    [Fact]
    public async Task A_deleted_result_is_expired()
    {
        var client = Client();
        var submitted = await client.SubmitAsync(TestFiles.Text("Gone soon\n"), "gone.txt");
        await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));

        var deleted = await client.CancelAsync(submitted.JobId);
        Assert.Equal(JobState.Completed, deleted.Status);
        Assert.Null(deleted.ResultUrl);

        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(submitted.JobId));
        Assert.Equal(ErrorCodes.ResultExpired, error.Code);
        Assert.Equal(HttpStatusCode.Gone, error.StatusCode);
    }

    [Fact]
    public async Task An_error_without_a_problem_body_is_an_unexpected_response()
    {
        var http = new HttpClient(new FixedAnswer(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html"))
        {
            BaseAddress = new Uri("http://docstrange.test/"),
        };
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => new DocStrangeClient(http).GetSystemAsync());

        Assert.Equal(ErrorCodes.UnexpectedResponse, error.Code);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("req_from_header", error.RequestId);
        Assert.Contains("502", error.Message);
        Assert.Contains("Bad gateway", error.Message);
    }

    [Fact]
    public async Task A_success_body_of_another_shape_is_an_unexpected_response()
    {
        var http = new HttpClient(new FixedAnswer(HttpStatusCode.OK, "not json", "text/plain")) { BaseAddress = new Uri("http://docstrange.test/") };
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => new DocStrangeClient(http).GetJobAsync("job_aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        Assert.Equal(ErrorCodes.UnexpectedResponse, error.Code);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public void The_error_code_list_matches_the_servers()
    {
        var server = DocStrange.Jobs.Errors.ErrorCatalog.All.Select(e => e.Name);
        Assert.Equal(server.Order(), ErrorCodes.All.Order());
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Answers every request the same way, as a proxy in front of the server might.</summary>
    private sealed class FixedAnswer(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            response.Headers.Add("X-Request-ID", "req_from_header");
            return Task.FromResult(response);
        }
    }
}
