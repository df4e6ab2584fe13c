using DocStrange.Jobs.Model;

namespace DocStrange.Api.Intake;

/// <summary>
/// An entry's own part of the intake: bring the file into <paramref name="staged"/> (at most
/// <paramref name="limit"/>) and answer the submission's options, in whichever order the entry can.
/// </summary>
internal delegate Task<JobOptions> ReceiveInput(StagedInput staged, UploadLimit limit, CancellationToken cancellationToken);
