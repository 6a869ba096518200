using Avro;
using StreamsApp.Contracts;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>The repository's <c>schemas/</c> folder on disk: the source the contract types embed.</summary>
internal static class SchemaDirectory
{
    public static string Root { get; } = Locate();

    /// <summary>Every .avsc file under schemas/, by its path relative to it.</summary>
    public static IReadOnlyList<SchemaFile> Files { get; } = Directory
        .EnumerateFiles(Root, "*.avsc", SearchOption.AllDirectories)
        .Select(path => SchemaFile.Parse(Path.GetRelativePath(Root, path)))
        .OrderBy(file => file.Path, StringComparer.Ordinal)
        .ToArray();

    public static string Text(SchemaFile file) => File.ReadAllText(Path.Combine(Root, file.Path));

    public static Schema Load(SchemaFile file) => Schema.Parse(Text(file));

    public static Schema Load(string path) => Load(SchemaFile.Parse(path));

    /// <summary>The versions of each schema, oldest first.</summary>
    public static IEnumerable<IReadOnlyList<SchemaFile>> Families() => Files
        .GroupBy(file => (file.Domain, file.Name))
        .Select(family => (IReadOnlyList<SchemaFile>)family.OrderBy(file => file.Version).ToArray());

    private static string Locate()
    {
        // Tests run from bin/<configuration>/<framework>; the repository root is the folder holding the solution.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamsApp.sln")))
            {
                return Path.Combine(directory.FullName, "schemas");
            }
        }

        throw new InvalidOperationException("No StreamsApp.sln above " + AppContext.BaseDirectory);
    }
}
