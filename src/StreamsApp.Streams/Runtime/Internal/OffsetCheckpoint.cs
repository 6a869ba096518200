using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A checkpoint file in Kafka Streams' format: a version line (<c>0</c>), a count line, then one
/// <c>topic partition offset</c> line per changelog partition. In a task's file each offset is that of the last
/// changelog record the store holds, so restoration resumes one past it (as Kafka Streams' changelog reader seeks to
/// offset + 1); in the global stores' file it is the next offset to read, as in Kafka (<see cref="GlobalStateManager"/>).
/// </summary>
internal sealed class OffsetCheckpoint(string path)
{
    /// <summary>The file's name in a task directory.</summary>
    public const string FileName = ".checkpoint";

    private const int Version = 0;

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>The checkpointed offsets; empty when there is no file.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid checkpoint.</exception>
    public IReadOnlyDictionary<TopicPartition, long> Read()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<TopicPartition, long>();
        }

        if (lines.Length < 2 || !TryParse(lines[0], out int version) || version != Version)
        {
            throw Corrupt($"it does not start with version {Version} and a count");
        }

        if (!TryParse(lines[1], out int count) || count != lines.Length - 2)
        {
            throw Corrupt($"its count line '{lines[1]}' does not match its {lines.Length - 2} offset lines");
        }

        var offsets = new Dictionary<TopicPartition, long>(count);
        foreach (var line in lines.AsSpan(2))
        {
            var pieces = line.Split(' ');
            if (pieces.Length != 3 || pieces[0].Length == 0 || !TryParse(pieces[1], out int partition)
                || !TryParse(pieces[2], out long offset) || offset < 0
                || !offsets.TryAdd(new TopicPartition(pieces[0], partition), offset))
            {
                throw Corrupt($"line '{line}' is not a distinct 'topic partition offset' with a non-negative offset");
            }
        }

        return offsets;
    }

    /// <summary>
    /// Replaces the file atomically (a temporary file moved over it), so a crash leaves the old or the new
    /// checkpoint, never half of one. No offsets delete the file instead.
    /// </summary>
    public void Write(IReadOnlyDictionary<TopicPartition, long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Count == 0)
        {
            Delete();
            return;
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Version}\n{offsets.Count}\n");
        foreach (var (partition, offset) in offsets)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset, nameof(offsets));
            text.Append(CultureInfo.InvariantCulture, $"{partition.Topic} {partition.Partition.Value} {offset}\n");
        }

        var temporary = Path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));

            // On disk before the move, or a crash could leave an empty file under the checkpoint's name.
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Deletes the file if there is one.</summary>
    public void Delete() => File.Delete(Path);

    private static bool TryParse(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private InvalidDataException Corrupt(string reason) => new($"Checkpoint file '{Path}' is corrupt: {reason}");
}
