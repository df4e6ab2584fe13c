using DocStrange.Document.Conversion;
using DocStrange.Extraction;
using DocStrange.Extraction.Fields.Llm;
using DocStrange.Worker.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocStrange.Worker.Conversion;

/// <summary>Chooses where this worker converts: in a sandbox child when one can be started (and it is not turned off), else in its own process.</summary>
internal static class JobConversions
{
    public static IJobConversion Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<SandboxOptions>();
        var llm = LlmFieldClient.Create(services.GetRequiredService<LlmOptions>());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("DocStrange.Worker.Sandbox");
        var command = string.IsNullOrWhiteSpace(options.Command) ? services.GetService<SandboxCommand>() : SandboxCommand.FromSetting(options.Command);
        var missing = !OperatingSystem.IsLinux() ? "it needs Linux (/proc and prlimit)"
            : command is null ? "this process is not the docstrange executable: set DocStrange:Worker:Sandbox:Command"
            : null;
        if (options.Enabled == true && missing is not null)
        {
            throw new OptionsValidationException(SandboxOptions.Section, typeof(SandboxOptions), [$"Enabled is true, but no conversion child can be started: {missing}."]);
        }
        if (options.Enabled == false || missing is not null)
        {
            logger.LogInformation("Conversions run in the worker's own process, without a sandbox ({Reason})", missing ?? "turned off");
            return new InProcessConversion(services.GetRequiredService<DocumentConverter>(), llm);
        }
        logger.LogInformation("Conversions run in a sandbox child ({Command}): {MemoryLimitMb} MiB, {CpuSeconds} s of CPU each",
            command!.FileName, options.MemoryLimitMb, options.CpuSeconds);
        // The child reads PaddleOCR's execution provider where the process-wide engine looks for it.
        var sandbox = new SandboxedConversion(command! with { Environment = services.GetRequiredService<PaddleOptions>().ChildEnvironment() }, options, logger, llm);
        sandbox.Prestart();
        return sandbox;
    }
}
