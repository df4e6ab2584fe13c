using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>API keys for tests: the admin key the factory is given, and keys made through the admin routes.</summary>
internal static class Tenants
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    /// <summary>Factory settings with the admin key on, plus any others.</summary>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["DocStrange:Security:AdminKey"] = AdminKey };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>A client that sends <paramref name="key"/> as a Bearer token.</summary>
    public static HttpClient WithKey(this ApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client with the admin key.</summary>
    public static HttpClient Admin(this ApiFactory factory) => factory.WithKey(AdminKey);

    /// <summary>Makes a key through <c>POST /admin/keys</c>; its id and secret.</summary>
    public static async Task<(string Id, string Secret)> CreateKeyAsync(this ApiFactory factory, string name = "test", object? body = null)
    {
        var response = await factory.Admin().PostAsJsonAsync("/api/v1/admin/keys", body ?? new { name });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a key answered {(int)response.StatusCode}: {created}");
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }
}
