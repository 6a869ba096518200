using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The global checkpoint's rules without a cluster: what is written, where each store resumes, and when a
/// persistent store's files are wiped. Store "a" (persistent) reads topic "ta" (2 partitions), "m" (in-memory) "tm".
/// </summary>
public sealed class GlobalStateManagerTests : IDisposable
{
    private static readonly TopicPartition A0 = new("ta", 0);
    private static readonly TopicPartition A1 = new("ta", 1);
    private static readonly TopicPartition M0 = new("tm", 0);

    private static readonly Dictionary<TopicPartition, WatermarkOffsets> Watermarks = new()
    {
        [A0] = new WatermarkOffsets(0, 10),
        [A1] = new WatermarkOffsets(5, 20),
        [M0] = new WatermarkOffsets(0, 3),
    };

    private static readonly IStateStore[] Stores = [new FakeStore("a", Persistent: true), new FakeStore("m", Persistent: false)];

    private readonly string _directory = Directory.CreateTempSubdirectory("streamsapp-global-").FullName;
    private readonly ListLogger _log = new();

    private string CheckpointPath => Path.Combine(_directory, ".checkpoint");

    private string StoreFile => Path.Combine(_directory, "rocksdb", "a", "data");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_checkpoint_holds_the_persistent_stores_next_offsets_and_a_restart_resumes_there()
    {
        var first = Manager();
        first.LoadCheckpoint(Watermarks);
        Assert.Equal([new(A0, 0), new(A1, 5), new(M0, 0)], first.StartOffsets(Stores, Watermarks).OrderBy(o => o.Topic).ThenBy(o => o.Partition.Value));
        first.Applied(A0, 9);
        first.Applied(M0, 2);
        Assert.Equal(2, first.RecordsSinceCheckpoint);

        first.Checkpoint();

        // A1 read nothing: it keeps its low watermark, so the store has an offset for every partition.
        Assert.Equal(new Dictionary<TopicPartition, long> { [A0] = 10, [A1] = 5 }, new OffsetCheckpoint(CheckpointPath).Read());
        Assert.Equal(0, first.RecordsSinceCheckpoint);
        PlantStoreFile();
        var second = Manager();
        second.LoadCheckpoint(Watermarks);
        Assert.Equal([new(A0, 10), new(A1, 5), new(M0, 0)], second.StartOffsets(Stores, Watermarks).OrderBy(o => o.Topic).ThenBy(o => o.Partition.Value));
        Assert.True(File.Exists(StoreFile));
        Assert.Empty(_log.Messages);
    }

    [Theory]
    [InlineData("none", "no checkpointed offset")]
    [InlineData("0\n1\nta 0 4\n", "no checkpointed offset")]
    [InlineData("0\n2\nta 0 4\nta 1 2\n", "ta [[1]] are out of range")]
    [InlineData("0\n2\nta 0 11\nta 1 6\n", "ta [[0]] are out of range")]
    [InlineData("not a checkpoint", "no checkpointed offset")]
    public void A_persistent_store_without_a_usable_offset_for_every_partition_is_wiped_and_read_from_the_beginning(string checkpoint, string reason)
    {
        if (checkpoint != "none")
        {
            File.WriteAllText(CheckpointPath, checkpoint);
        }

        PlantStoreFile();
        var manager = Manager();

        manager.LoadCheckpoint(Watermarks);

        Assert.False(Directory.Exists(Path.GetDirectoryName(StoreFile)));
        Assert.Contains(_log.Messages, m => m.Contains("Global store a: ", StringComparison.Ordinal) && m.Contains(reason, StringComparison.Ordinal));
        Assert.Equal([new(A0, 0), new(A1, 5), new(M0, 0)], manager.StartOffsets(Stores, Watermarks).OrderBy(o => o.Topic).ThenBy(o => o.Partition.Value));
    }

    [Fact]
    public void An_in_memory_store_starts_from_the_beginning_even_with_a_checkpointed_offset()
    {
        File.WriteAllText(CheckpointPath, "0\n1\ntm 0 2\n");
        var manager = Manager();

        manager.LoadCheckpoint(Watermarks);

        Assert.Contains(new TopicPartitionOffset(M0, 0), manager.StartOffsets(Stores, Watermarks));
    }

    private GlobalStateManager Manager() =>
        new(_directory, new Dictionary<string, string> { ["a"] = "ta", ["m"] = "tm" }, new Dictionary<string, int> { ["ta"] = 2, ["tm"] = 1 }, _log);

    private void PlantStoreFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StoreFile)!);
        File.WriteAllText(StoreFile, "store data");
    }

    private sealed record FakeStore(string Name, bool Persistent) : IStateStore
    {
        public bool IsOpen => true;

        public void Init(IStateStoreContext context, IStateStore root)
        {
        }

        public void Flush()
        {
        }

        public void Close()
        {
        }
    }
}
