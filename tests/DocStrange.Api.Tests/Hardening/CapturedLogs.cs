using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocStrange.Api.Tests.Hardening;

/// <summary>A logger provider that keeps every entry a host writes — message, structured values, scopes and exception — as text.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>A test host whose entries from Information up are kept here, and none written to the console.</summary>
    public ApiFactory Host(IReadOnlyDictionary<string, string>? settings = null, bool withWorkers = true) =>
        new(withWorkers, s => s.AddSingleton<ILoggerProvider>(this), new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "None",
        });

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values) text.Append(" | ").Append(key).Append('=').Append(value);
            }
            owner._scopes.ForEachScope((scope, builder) => builder.Append(" | scope ").Append(scope is IEnumerable<KeyValuePair<string, object>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : scope), text);
            if (exception is not null) text.Append('\n').Append(exception);
            owner._entries.Enqueue(text.ToString());
        }
    }
}
