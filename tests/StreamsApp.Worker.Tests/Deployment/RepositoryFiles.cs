using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace StreamsApp.Worker.Tests.Deployment;

/// <summary>The repository's files on disk (the directory holding StreamsApp.sln), read as text or as YAML.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    public static string Text(string path) => File.ReadAllText(Path.Combine(Root, path));

    /// <summary>Every YAML document of a file, as nested dictionaries and lists, with merge keys (<c>&lt;&lt;: *anchor</c>) applied.</summary>
    public static IReadOnlyList<Dictionary<object, object>> Yaml(string path)
    {
        using var reader = new StringReader(Text(path));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (!parser.Accept<YamlDotNet.Core.Events.StreamEnd>(out _))
        {
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser));
        }

        return documents;
    }

    /// <summary>The value at a path of keys through nested dictionaries.</summary>
    public static object At(object node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((Dictionary<object, object>)current)[key]);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamsApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No StreamsApp.sln above " + AppContext.BaseDirectory);
    }
}
