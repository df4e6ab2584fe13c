namespace DocStrange.Jobs.Ports;

/// <summary>
/// Named leaderships, each held by at most one holder at a time for a time-to-live. A holder keeps its
/// leadership by renewing it within the time-to-live; one that stops (killed, cut off) loses it when
/// the time runs out, and another holder may take it then.
/// </summary>
public interface ILeaderElection
{
    /// <summary>
    /// Takes the leadership of <paramref name="name"/> for <paramref name="holder"/> until now +
    /// <paramref name="ttl"/> when nobody holds it or its holder's time ran out, or renews it when
    /// <paramref name="holder"/> holds it already; says whether <paramref name="holder"/> leads after the call.
    /// </summary>
    Task<bool> TryLeadAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives up the leadership of <paramref name="name"/> when <paramref name="holder"/> holds it, so another may take it at once.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);
}
