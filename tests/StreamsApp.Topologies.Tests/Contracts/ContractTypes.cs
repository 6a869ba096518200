using Avro.Specific;
using StreamsApp.Contracts;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>The contract records and enums of the contracts assembly, found by reflection so none is forgotten.</summary>
internal static class ContractTypes
{
    private static readonly Type[] All = typeof(ContractSchemas).Assembly.GetExportedTypes()
        .Where(type => type.Namespace?.StartsWith("StreamsApp.Contracts.", StringComparison.Ordinal) == true)
        .ToArray();

    public static IReadOnlyList<Type> Records { get; } =
        All.Where(type => !type.IsAbstract && typeof(ISpecificRecord).IsAssignableFrom(type)).ToArray();

    public static IReadOnlyList<Type> Enums { get; } = All.Where(type => type.IsEnum).ToArray();

    /// <summary>The envelopes: records whose one property, <c>Message</c>, has the interface of the topic's message types.</summary>
    public static IReadOnlyList<Type> Envelopes { get; } =
        Records.Where(type => type.GetProperty("Message") is { PropertyType.IsInterface: true } && type.GetProperties().Length == 2).ToArray();

    public static Type Named(string name) => All.Single(type => type.Name == name);

    /// <summary>The message types an envelope's union can carry: the implementations of its message interface.</summary>
    public static IReadOnlyList<Type> Implementations(Type messageInterface) =>
        Records.Where(messageInterface.IsAssignableFrom).ToArray();
}
