using System.ComponentModel.DataAnnotations;

namespace DocStrange.Api.Auth;

/// <summary>API keys and the admin key (configuration section <c>DocStrange:Security</c>).</summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Security";

    /// <summary>The shortest admin key accepted.</summary>
    public const int MinAdminKeyLength = 16;

    /// <summary>The key that opens <c>/api/v1/admin</c>; unset (and no <see cref="AdminKeyFile"/>) turns the admin routes off.</summary>
    public string? AdminKey { get; set; }

    /// <summary>A file holding the admin key (a mounted secret); surrounding white space is ignored.</summary>
    public string? AdminKeyFile { get; set; }

    /// <summary>
    /// How long a replica trusts a key look-up before asking the database again: the most time a
    /// revoke or rotate made elsewhere (another replica, the CLI) takes to be felt here. Zero looks up every request.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The admin key from <see cref="AdminKey"/> or <see cref="AdminKeyFile"/>, or null when neither is set.</summary>
    public string? ReadAdminKey()
    {
        if (!string.IsNullOrEmpty(AdminKey)) return AdminKey;
        return string.IsNullOrEmpty(AdminKeyFile) ? null : File.ReadAllText(AdminKeyFile).Trim();
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyCacheTtl < TimeSpan.Zero || KeyCacheTtl > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("KeyCacheTtl must be from 00:00:00 to 00:05:00.", [nameof(KeyCacheTtl)]);
        }
        if (!string.IsNullOrEmpty(AdminKey) && !string.IsNullOrEmpty(AdminKeyFile))
        {
            yield return new ValidationResult("Set AdminKey or AdminKeyFile, not both.", [nameof(AdminKey), nameof(AdminKeyFile)]);
            yield break;
        }
        if (!string.IsNullOrEmpty(AdminKeyFile) && !File.Exists(AdminKeyFile))
        {
            yield return new ValidationResult($"AdminKeyFile '{AdminKeyFile}' does not exist.", [nameof(AdminKeyFile)]);
            yield break;
        }
        // Never the key itself in the message: configuration errors are printed and logged.
        if (ReadAdminKey() is { } key && key.Length < MinAdminKeyLength)
        {
            yield return new ValidationResult($"The admin key must be at least {MinAdminKeyLength} characters.",
                [string.IsNullOrEmpty(AdminKeyFile) ? nameof(AdminKey) : nameof(AdminKeyFile)]);
        }
    }
}
