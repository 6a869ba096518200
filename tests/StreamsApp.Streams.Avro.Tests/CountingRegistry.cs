using System.Reflection;
using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>Counts the calls that reach a registry, to show which serde paths are served from cache.</summary>
public class CountingRegistry : DispatchProxy
{
    private ISchemaRegistryClient? _inner;

    public int Calls { get; private set; }

    /// <summary>A client that forwards every call to <paramref name="inner"/>, counting them.</summary>
    public static (ISchemaRegistryClient Client, CountingRegistry Counter) Over(ISchemaRegistryClient inner)
    {
        var client = Create<ISchemaRegistryClient, CountingRegistry>();
        var counter = (CountingRegistry)(object)client;
        counter._inner = inner;
        return (client, counter);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls++;
        return targetMethod!.Invoke(_inner, args);
    }
}
