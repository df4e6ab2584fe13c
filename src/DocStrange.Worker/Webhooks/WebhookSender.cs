using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Worker.Webhooks;

/// <summary>Signs and POSTs one delivery, and says how the receiver answered.</summary>
public sealed class WebhookSender(HttpClient http, WebhookOptions options, TimeProvider time)
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "DocStrange-Signature";

    /// <summary>The header that carries the event id, for de-duplication.</summary>
    public const string EventIdHeader = "DocStrange-Event-Id";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/>; any answer is an attempt, a network error or timeout too.</summary>
    public async Task<WebhookAttempt> SendAsync(string url, string eventId, string body, CancellationToken cancellationToken)
    {
        var secret = options.Secret ?? throw new InvalidOperationException("DocStrange:Webhooks:Secret is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(SignatureHeader, Sign(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(EventIdHeader, eventId);
        request.Headers.UserAgent.ParseAdd("DocStrange-Webhooks/1");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(status, response.IsSuccessStatusCode ? null : $"the receiver answered {status}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(null, ex.InnerException is { } inner && ex.Message.Length < 20 ? inner.Message : ex.Message);
        }
    }
}
