namespace DocStrange.Jobs.Ports;

/// <summary>
/// Names the outages of the adapters' dependencies, so callers answer them as what they are, never as
/// "not found", "nothing to do" or an internal error. Implemented beside the adapters, which alone know
/// their drivers' exceptions.
/// </summary>
public interface IStorageFailureClassifier
{
    /// <summary>The failure <paramref name="exception"/> reports, or null when it is not one of a dependency.</summary>
    StorageFailure? Classify(Exception exception);
}
