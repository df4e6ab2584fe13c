namespace DocStrange.Jobs.Model;

/// <summary>Which pool should run the job: <see cref="Auto"/> lets DocStrange choose.</summary>
public enum ProcessingMode
{
    Auto,
    Cpu,
    Gpu,
}
