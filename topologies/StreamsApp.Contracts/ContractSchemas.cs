using System.Reflection;
using Avro;

namespace StreamsApp.Contracts;

/// <summary>
/// The schemas of <c>schemas/</c>, embedded in this assembly, and which of them a contract type follows: the highest
/// version of the file named after the type in the folder named after the last segment of its namespace
/// (<c>StreamsApp.Contracts.Orders.OrderCreated</c> follows <c>orders/OrderCreated.v2.avsc</c>).
/// </summary>
public static class ContractSchemas
{
    private const string ResourcePrefix = "schemas/";
    private static readonly Assembly Resources = typeof(ContractSchemas).Assembly;

    /// <summary>Every embedded schema file.</summary>
    public static IReadOnlyList<SchemaFile> Files { get; } = Resources.GetManifestResourceNames()
        .Select(name => name.Replace('\\', '/'))
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => SchemaFile.Parse(name[ResourcePrefix.Length..]))
        .OrderBy(file => file.Path, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Parses an embedded schema file.</summary>
    /// <param name="file">The file, as listed in <see cref="Files"/>.</param>
    /// <returns>The parsed schema.</returns>
    public static Schema Load(SchemaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // Resource names keep the separator of the machine that built the assembly.
        using var stream = Resources.GetManifestResourceStream(ResourcePrefix + file.Path)
            ?? Resources.GetManifestResourceStream(ResourcePrefix + file.Path.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"Schema file '{file.Path}' is not embedded.");
        using var reader = new StreamReader(stream);
        return Schema.Parse(reader.ReadToEnd());
    }

    /// <summary>The file holding the current schema of a contract type.</summary>
    /// <param name="contractType">A record or enum type in a <c>StreamsApp.Contracts.{Domain}</c> namespace.</param>
    /// <returns>The highest version of the type's schema file.</returns>
    /// <exception cref="InvalidOperationException">No schema file is named after the type.</exception>
    public static SchemaFile CurrentFile(Type contractType)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        var domain = contractType.Namespace?[(contractType.Namespace.LastIndexOf('.') + 1)..];
        return Files
            .Where(file => file.Name == contractType.Name
                && string.Equals(file.Domain, domain, StringComparison.OrdinalIgnoreCase))
            .MaxBy(file => file.Version)
            ?? throw new InvalidOperationException(
                $"No schema file {domain?.ToLowerInvariant()}/{contractType.Name}.avsc for contract type {contractType.FullName}.");
    }

    /// <summary>The current schema of a contract type (see <see cref="CurrentFile"/>).</summary>
    /// <param name="contractType">A record or enum type in a <c>StreamsApp.Contracts.{Domain}</c> namespace.</param>
    /// <returns>The parsed schema.</returns>
    public static Schema For(Type contractType) => Load(CurrentFile(contractType));
}
