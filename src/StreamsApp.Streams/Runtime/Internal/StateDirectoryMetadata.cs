using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// What an application's state directory records about itself, in <c>&lt;root&gt;/.process-metadata</c> (JSON):
/// the instance's process id, kept across restarts so that a restarted instance's transactional producers carry its
/// predecessor's transactional ids and fence what it left open (Kafka Streams keeps it the same way, KAFKA-10716);
/// and the identity of the cluster the state was written against (its id and the ids of the topics the stores come
/// from), so that state written against another cluster, or against a topic deleted and created again since, is
/// never trusted.
/// </summary>
/// <param name="ProcessId">The instance's process id.</param>
/// <param name="ClusterId">The cluster the state was last written against; null when not yet known.</param>
/// <param name="TopicIds">Topic name → topic id of the changelog and global topics, where the cluster tells them.</param>
internal sealed record StateDirectoryMetadata(
    Guid ProcessId, string? ClusterId, IReadOnlyDictionary<string, Guid> TopicIds)
{
    /// <summary>The file's name in the application's state directory.</summary>
    public const string FileName = ".process-metadata";

    private const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Metadata with a new process id and no cluster identity yet.</summary>
    public static StateDirectoryMetadata New() => new(Guid.NewGuid(), null, new Dictionary<string, Guid>());

    /// <summary>Reads the file; null when there is none, or when it cannot be read as metadata.</summary>
    public static StateDirectoryMetadata? Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<FileContents>(File.ReadAllText(path, Encoding.UTF8), Json);
            return file is { Version: CurrentVersion, ProcessId: { } id } && id != Guid.Empty
                ? new StateDirectoryMetadata(id, file.ClusterId, file.TopicIds ?? new Dictionary<string, Guid>())
                : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces the file atomically (a temporary file moved over it), so a crash leaves the old or the new one.</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        var contents = new FileContents(CurrentVersion, ProcessId, ClusterId, TopicIds.Count == 0 ? null : TopicIds);
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, contents, Json);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record FileContents(int Version, Guid? ProcessId, string? ClusterId, IReadOnlyDictionary<string, Guid>? TopicIds);
}
