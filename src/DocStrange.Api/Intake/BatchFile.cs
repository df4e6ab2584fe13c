using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.Intake;

/// <summary>
/// One file of a batch: admitted and staged (until its job is made, or the batch fails), or refused with
/// its own error while the others go on. Disposing it gives back what a file whose job was not made holds.
/// </summary>
internal sealed class BatchFile : IAsyncDisposable
{
    /// <summary>Refusals of one file that leave the rest of the batch to go on.</summary>
    private static readonly HashSet<ErrorCode> RefusedOne =
        [ServiceErrors.QuotaExceeded, ServiceErrors.ConcurrencyLimitExceeded, ErrorCode.FileEmpty, ErrorCode.InvalidFileType, ErrorCode.FileTooLarge];

    private BatchFile(string fileName, Admission? admitted, StagedInput? staged, DocStrangeException? error)
    {
        FileName = fileName;
        Admitted = admitted;
        Staged = staged;
        Error = error;
    }

    public string FileName { get; }

    /// <summary>The file's admission; null when it was refused.</summary>
    public Admission? Admitted { get; }

    /// <summary>The stored file; null when it was refused.</summary>
    public StagedInput? Staged { get; }

    /// <summary>Why the file was refused; null when it is staged.</summary>
    public DocStrangeException? Error { get; }

    /// <summary>
    /// Admits and receives one file part. A refusal of this file alone (quota, concurrency, empty, wrong type, too large) is
    /// answered as the file's error; anything else throws, with nothing of this file held.
    /// </summary>
    public static async Task<BatchFile> ReceiveAsync(DocumentIntake intake, HttpContext http, string fileName, Stream body, int admittedAlongside,
        CancellationToken cancellationToken)
    {
        Admission? admitted = null;
        StagedInput? staged = null;
        try
        {
            admitted = await intake.AdmitAsync(http, admittedAlongside, cancellationToken);
            staged = intake.Stage();
            await staged.ReceiveAsync(body, fileName, admitted.Upload, cancellationToken);
            return new BatchFile(fileName, admitted, staged, null);
        }
        catch (Exception ex)
        {
            if (staged is not null) await staged.DisposeAsync();
            if (admitted is not null) await admitted.DisposeAsync();
            if (ex is DocStrangeException refused && RefusedOne.Contains(refused.Code))
            {
                return new BatchFile(fileName, null, null, refused);
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Staged is not null) await Staged.DisposeAsync();
        if (Admitted is not null) await Admitted.DisposeAsync();
    }
}
