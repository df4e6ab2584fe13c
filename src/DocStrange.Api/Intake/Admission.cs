using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Intake;

/// <summary>
/// A submission let in against its caller's limits: one document reserved, given back when disposed
/// unless <see cref="Keep"/> said its job was made, and the upload limit that holds for its file.
/// </summary>
internal sealed class Admission(Caller caller, AdmissionTicket ticket, UploadLimit upload) : IAsyncDisposable
{
    /// <summary>Who submits.</summary>
    public Caller Caller => caller;

    /// <summary>The largest file this submission may bring (the smaller of the service's and the tier's).</summary>
    public UploadLimit Upload => upload;

    /// <summary>The job was made: the reserved document stays used.</summary>
    public void Keep() => ticket.Keep();

    public ValueTask DisposeAsync() => ticket.DisposeAsync();
}
