using Assembly = System.Reflection.Assembly;
using ArchUnitNET.Loader;

namespace DocStrange.Architecture.Tests;

/// <summary>The assemblies of src/, loaded once for every rule (loading them is the slow part).</summary>
internal static class ProductionCode
{
    public static readonly Assembly Document = typeof(Document.Model.DocumentModel).Assembly;
    public static readonly Assembly Extraction = typeof(Extraction.DocumentConverter).Assembly;
    public static readonly Assembly Jobs = typeof(Jobs.JobLifecycle).Assembly;
    public static readonly Assembly Storage = typeof(Storage.StorageOptions).Assembly;
    public static readonly Assembly Worker = typeof(Worker.JobExecutor).Assembly;
    public static readonly Assembly Api = typeof(Api.DocStrangeApiExtensions).Assembly;
    public static readonly Assembly Server = typeof(Server.ServerEntryPoint).Assembly;
    public static readonly Assembly Cli = Assembly.Load("docstrange");
    public static readonly Assembly Client = typeof(Client.DocStrangeClient).Assembly;

    public static readonly ArchUnitNET.Domain.Architecture Architecture =
        new ArchLoader().LoadAssemblies(Document, Extraction, Jobs, Storage, Worker, Api, Server, Cli, Client).Build();
}
