namespace DocStrange.Api.Auth;

/// <summary>Lets a request into the admin routes only with the admin key; 401 <c>INVALID_API_KEY</c> otherwise, and always when no admin key is configured.</summary>
internal sealed class AdminKeyFilter(AdminKey admin) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!admin.Configured)
        {
            return ValueTask.FromResult<object?>(CallerMiddleware.Refusal(http, "The admin routes are disabled: no admin key is configured (DocStrange:Security:AdminKey).", "admin_disabled"));
        }
        var presented = PresentedKey.Read(http.Request, out var malformed);
        if (malformed || presented is null)
        {
            return ValueTask.FromResult<object?>(CallerMiddleware.Refusal(http, "The admin key is required: send it as 'Authorization: Bearer <admin key>' or 'X-API-Key: <admin key>'.",
                malformed ? "malformed" : "missing"));
        }
        if (!admin.Matches(presented))
        {
            return ValueTask.FromResult<object?>(CallerMiddleware.Refusal(http, "That is not the admin key.", "not_admin"));
        }
        return next(context);
    }
}
