namespace DocStrange.Jobs.Model;

/// <summary>Claim order within a pool: express before normal before batch. The numeric value is the sort key.</summary>
public enum JobPriority
{
    Batch = 0,
    Normal = 1,
    Express = 2,
}
