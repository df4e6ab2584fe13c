using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using DocStrange.Document.Errors;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Network;

namespace DocStrange.Api.Intake;

/// <summary>
/// Downloads a caller's URL into a <see cref="StagedInput"/>, checked the way an upload is (<see cref="InputWriter"/>):
/// http(s) only, each redirect hop followed by hand and checked, every connection made through
/// <see cref="GuardedConnector"/> so only allowed addresses are dialled, the declared length checked
/// before the body and the streamed length while it arrives, all within the connect and total timeouts.
/// </summary>
internal sealed class UrlFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly FromUrlOptions _options;

    public UrlFetcher(FromUrlOptions options)
    {
        _options = options;
        var policy = AddressPolicy.PublicAnd(options.Networks());
        // The total time is enforced per download below; the client's own timeout would cut the body short with another error.
        _http = new HttpClient(GuardedConnector.CreateHandler(policy, options.ConnectTimeout)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DocStrange/1 (+from-url)");
    }

    /// <summary>
    /// Downloads <paramref name="url"/> into <paramref name="staged"/>, at most <paramref name="limit"/> bytes (the
    /// caller's: the smaller of the service's and its tier's); throws the documented error when it cannot.
    /// </summary>
    public async Task<StoredUpload> FetchAsync(Uri url, StagedInput staged, UploadLimit limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                Check(current);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop == _options.MaxRedirects)
                    {
                        throw Failed($"The URL redirected more than {_options.MaxRedirects} times.", current, "too_many_redirects");
                    }
                    current = new Uri(current, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw Failed($"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.", current, "http_status",
                        ("status", (int)response.StatusCode));
                }
                if (response.Content.Headers.ContentLength is { } length && length > limit.Bytes)
                {
                    throw new DocStrangeException(ErrorCode.FileTooLarge,
                        $"The file at the URL is {Sizes.Format(length)}; {limit.Describe()}.",
                        limit.Details(new Dictionary<string, object?> { ["file_size"] = length, ["url"] = current.AbsoluteUri }));
                }
                var fileName = RemoteFileNames.Of(response.Content.Headers.ContentDisposition, current, response.Content.Headers.ContentType?.MediaType);
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                return await staged.ReceiveAsync(body, fileName, limit, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failed($"The download did not finish within {_options.Timeout.TotalSeconds:0} seconds.", current, "timeout");
        }
        catch (Exception ex) when (Find<AddressRefusedException>(ex) is { } refused)
        {
            throw NotAllowed($"{refused.Host} resolves to {refused.Address}, which is not public (a private, loopback, link-local or reserved range, or this server's own address); downloads go to public addresses only.",
                current, "private_address", ("address", refused.Address.ToString()));
        }
        catch (HttpRequestException ex) when (Find<SocketException>(ex) is { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
        {
            throw Failed($"The host {current.Host} does not resolve.", current, "dns");
        }
        catch (HttpRequestException ex) when (Find<TimeoutException>(ex) is not null)
        {
            throw Failed($"No connection to {current.Host} within {_options.ConnectTimeout.TotalSeconds:0.#} seconds.", current, "connect_timeout");
        }
        catch (HttpRequestException)
        {
            throw Failed($"The connection to {current.Host} failed.", current, "connect");
        }
        catch (IOException)
        {
            throw Failed($"The download from {current.Host} broke off.", current, "connection_lost");
        }
    }

    /// <summary>The checks made on every hop before connecting: scheme, no credentials, the host allow-list, and a literal address's policy.</summary>
    private void Check(Uri url)
    {
        if (url.Scheme is not ("http" or "https")) throw NotAllowed("Only http and https URLs can be downloaded.", url, "scheme");
        if (!string.IsNullOrEmpty(url.UserInfo)) throw NotAllowed("The URL may not carry a user name or password.", url, "credentials");
        if (_options.AllowedHosts.Length > 0 && !_options.AllowedHosts.Any(h => HostMatches(h, url.IdnHost)))
        {
            throw NotAllowed($"Downloads from {url.Host} are not allowed on this server.", url, "host_not_allowed");
        }
    }

    private static bool HostMatches(string pattern, string host) => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
        : host.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException) if (ex is T found) return found;
        return null;
    }

    private static DocStrangeException NotAllowed(string message, Uri url, string reason, params (string Key, object? Value)[] more) =>
        Error(ServiceErrors.UrlNotAllowed, message, url, reason, more);

    private static DocStrangeException Failed(string message, Uri url, string reason, params (string Key, object? Value)[] more) =>
        Error(ServiceErrors.UrlFetchFailed, message, url, reason, more);

    private static DocStrangeException Error(ErrorCode code, string message, Uri url, string reason, (string Key, object? Value)[] more)
    {
        var details = new Dictionary<string, object?> { ["url"] = url.AbsoluteUri, ["host"] = url.Host, ["reason"] = reason };
        foreach (var (key, value) in more) details[key] = value;
        return new DocStrangeException(code, message, details);
    }

    public void Dispose() => _http.Dispose();
}
