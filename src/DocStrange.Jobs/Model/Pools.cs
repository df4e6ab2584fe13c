namespace DocStrange.Jobs.Model;

/// <summary>The worker pools.</summary>
public static class Pools
{
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";
}
