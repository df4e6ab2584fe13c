namespace DocStrange.Cli.Tests;

/// <summary>The test classes that share one converting server: starting one takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ConvertingServerCollection : ICollectionFixture<ConvertingServer>
{
    public const string Name = "converting server";
}
