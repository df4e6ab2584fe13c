using DocStrange.Api.Auth;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Intake;

/// <summary>
/// The one intake path every entry takes (upload, batch, sync, from-url, resumable completion): admit
/// (the caller's quota and concurrency, before a byte is stored) → receive into a <see cref="StagedInput"/>
/// → parse the options → submit → commit. Whatever fails or refuses on the way, the reserved quota is given
/// back and the staged file deleted; only a made job keeps them.
/// </summary>
internal sealed class DocumentIntake(SubmissionAdmission admission, IBlobStore blobs, InputWriter writer, JobSubmitter submitter, JobsOptions jobs)
{
    /// <summary>One file, one job: the whole path, with the entry's <paramref name="receive"/> in the middle.</summary>
    public async Task<Submission> SubmitAsync(HttpContext http, string? idempotencyKey, ReceiveInput receive, CancellationToken cancellationToken)
    {
        await using var admitted = await AdmitAsync(http, 0, cancellationToken);
        await using var staged = Stage();
        var jobOptions = await receive(staged, admitted.Upload, cancellationToken);
        return await SubmitAsync(http, admitted, staged, jobOptions, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Reserves one document for the request's caller, or throws the limit it would pass; <paramref name="admittedAlongside"/>
    /// documents of the same request already admitted (a batch's earlier files) count as jobs already active.
    /// </summary>
    public async Task<Admission> AdmitAsync(HttpContext http, int admittedAlongside, CancellationToken cancellationToken)
    {
        var caller = http.GetCaller();
        var ticket = await admission.AdmitAsync(caller, 1, admittedAlongside, cancellationToken);
        return new Admission(caller, ticket, UploadLimit.For(http, jobs));
    }

    /// <summary>A new staged input, deleted when disposed unless committed.</summary>
    public StagedInput Stage() => new(blobs, writer);

    /// <summary>Makes the job of <paramref name="staged"/>; when one is made, the admission is kept and the input committed to it.</summary>
    public async Task<Submission> SubmitAsync(HttpContext http, Admission admitted, StagedInput staged, JobOptions jobOptions, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var submission = await submitter.SubmitAsync(admitted.Caller, staged, jobOptions, idempotencyKey, cancellationToken);
        // A replay answers with the job made the first time: it costs no document and its input is the one kept.
        if (submission.Kind == SubmitKind.Replayed) return submission;
        admitted.Keep();
        staged.Commit();
        return submission;
    }
}
