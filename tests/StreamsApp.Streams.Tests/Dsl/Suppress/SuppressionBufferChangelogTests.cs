using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Dsl.Internal;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Suppress;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.State.Internal;

namespace StreamsApp.Streams.Tests.Dsl.Suppress;

/// <summary>
/// The suppression buffer logs each put and each eviction (a tombstone) to <c>&lt;app&gt;-&lt;name&gt;-store-changelog</c>;
/// its restore callback rebuilds, from those records, a buffer that emits the same pending records.
/// </summary>
public class SuppressionBufferChangelogTests
{
    private const string Changelog = "test-driver-rate-store-changelog";

    [Fact]
    public void Puts_log_the_change_with_buffer_time_timestamp_and_headers_and_evictions_log_tombstones()
    {
        using var driver = new TopologyTestDriver(Topology());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("a", "x", 0));
        input.PipeInput(new TestRecord<string, string>("a", "x", 4, new Headers { { "h", [7] } }));
        input.PipeInput(new TestRecord<string, string>("b", "x", 10));

        var logged = driver.CreateOutputTopic(Changelog, Serdes.String(), Serdes.ByteArray()).ReadRecordsToList();
        Assert.Equal(["a", "a", "b", "a"], logged.Select(r => r.Key));
        Assert.Equal((0L, 0L, 1L), Decode(logged[0].Value));
        Assert.Equal((0L, 4L, 2L), Decode(logged[1].Value));
        Assert.Equal([7], Assert.Single(BufferValueFormat.Decode(logged[1].Value).Headers).GetValueBytes());
        Assert.Equal((10L, 10L, 1L), Decode(logged[2].Value));
        Assert.Null(logged[3].Value);
        Assert.Equal([("a", 2L, 4L)], SuppressTests.Counts(driver).ReadAll());
    }

    [Fact]
    public void The_restore_callback_rebuilds_a_buffer_that_emits_the_same_pending_records()
    {
        using var driver = new TopologyTestDriver(Topology());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput(new TestRecord<string, string>("a", "x", 0));
        input.PipeInput(new TestRecord<string, string>("b", "x", 3));
        input.PipeInput(new TestRecord<string, string>("a", "x", 10));
        input.PipeInput(new TestRecord<string, string>("c", "x", 12));
        input.PipeInput(new TestRecord<string, string>("b", "x", 12, new Headers { { "trace", Encoding.UTF8.GetBytes("t") } }));
        Assert.Equal([("a", 2L, 10L)], SuppressTests.Counts(driver).ReadAll());
        var changelog = driver.CreateOutputTopic(Changelog, Serdes.String(), Serdes.ByteArray()).ReadRecordsToList()
            .Select(r => new ChangelogRecord(Encoding.UTF8.GetBytes(r.Key), r.Value, r.Timestamp!.Value))
            .ToList();

        using var context = new TestStateStoreContext();
        var restored = new InMemoryTimeOrderedKeyValueBuffer<string, long>("rate-store", Serdes.String(), Serdes.Int64(), loggingEnabled: false);
        restored.Init(context, restored);
        context.RestoreCallback.RestoreBatch(changelog);
        var pending = new List<Record<string, Change<long>>>();
        restored.EvictWhile(() => true, pending.Add);

        // What the first run emits once stream time passes every deadline: b (buffered at 3) then c (at 12).
        input.PipeInput("z", "x", 1000);
        var expected = SuppressTests.Counts(driver).ReadRecordsToList();
        Assert.Equal(expected.Select(r => (r.Key, r.Value, r.Timestamp!.Value)), pending.Select(r => (r.Key, r.Value.NewValue, r.Timestamp)));
        Assert.Equal(["b", "c"], pending.Select(r => r.Key));
        Assert.Equal("t", Encoding.UTF8.GetString(Assert.Single(pending[0].Headers).GetValueBytes()));
        Assert.Equal(0, restored.RecordCount);
    }

    [Fact]
    public void An_update_of_a_buffered_key_keeps_its_buffer_time_and_the_value_before_the_first_update()
    {
        using var context = new TestStateStoreContext();
        var buffer = new InMemoryTimeOrderedKeyValueBuffer<string, string>("buffer", Serdes.String(), Serdes.String(), loggingEnabled: false);
        buffer.Init(context, buffer);
        buffer.Put(5, new Record<string, Change<string>>("k", new Change<string>("v2", true, "v1", true), 5, []));
        buffer.Put(9, new Record<string, Change<string>>("k", new Change<string>("v3", true, "v2", true), 9, []));

        Assert.Equal(5, buffer.MinBufferTime);
        var emitted = new List<Record<string, Change<string>>>();
        buffer.EvictWhile(() => true, emitted.Add);
        Assert.Equal((new Change<string>("v3", true, "v1", true), 9L), (Assert.Single(emitted).Value, emitted[0].Timestamp));
        Assert.Equal(long.MaxValue, buffer.MinBufferTime);
        Assert.Equal(0, buffer.SizeInBytes);
    }

    private static (long BufferTime, long Timestamp, long Count) Decode(byte[] value)
    {
        var (bufferTime, timestamp, _, offset) = BufferValueFormat.Decode(value);
        var change = new ChangeSerde<long>(Serdes.Int64()).Deserialize(value.AsSpan(offset), false, default);
        return (bufferTime, timestamp, change.NewValue);
    }

    private static Topology Topology() =>
        SuppressTests.SuppressedCounts(
            Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded()).WithName("rate"));
}
