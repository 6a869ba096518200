using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>What a logged store writes to <c>&lt;application id&gt;-&lt;store&gt;-changelog</c>, through the driver.</summary>
public sealed class ChangelogTests
{
    [Fact]
    public void Every_write_is_logged_with_the_record_timestamp_and_deletes_are_tombstones()
    {
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s")), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput("r", "put a 1", 10);
        input.PipeInput("r", "putifabsent a 9; putifabsent c 3", 20);
        input.PipeInput("r", "putall d 4 e 5", 30);
        input.PipeInput("r", "delete a; delete never-stored", 40);

        var records = changelog.ReadRecordsToList();
        Assert.Equal(
            [("a", "1", 10L), ("c", "3", 20L), ("d", "4", 30L), ("e", "5", 30L), ("a", null, 40L), ("never-stored", null, 40L)],
            records.Select(r => (r.Key, (string?)r.Value, r.Timestamp!.Value)));
        Assert.All(records, r => Assert.Equal(0, r.Partition));
        Assert.Equal([KeyValue.Pair("c", "3"), KeyValue.Pair("d", "4"), KeyValue.Pair("e", "5")], All(driver));
    }

    [Fact]
    public void A_timestamped_store_logs_the_plain_value_stamped_with_the_stored_timestamp()
    {
        var topology = With(
            Timestamped("t"),
            (store, record, _) => store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, record.Timestamp - 5)));
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("t"), Serdes.String(), Serdes.String());

        input.PipeInput("k", "v1", 100);
        input.PipeInput("k", "", 200);

        var records = changelog.ReadRecordsToList();
        Assert.Equal([("k", "v1", 95L), ("k", "", 195L)], records.Select(r => (r.Key, r.Value, r.Timestamp!.Value)));
        Assert.Equal(new ValueAndTimestamp<string>("", 195), driver.GetTimestampedKeyValueStore<string, string>("t").Get("k"));
    }

    [Fact]
    public void A_timestamped_delete_is_a_tombstone_at_the_record_timestamp()
    {
        var topology = With(Timestamped("t"), (store, record, _) =>
        {
            if (record.Value == "delete")
            {
                store.Delete(record.Key, out var _);
            }
            else
            {
                store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, 1));
            }
        });
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("t"), Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 50);
        input.PipeInput("k", "delete", 60);

        Assert.Equal([("k", "v", 1L), ("k", null, 60L)], changelog.ReadRecordsToList().Select(r => (r.Key, (string?)r.Value, r.Timestamp!.Value)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_put_of_a_null_value_deletes_the_key_and_logs_a_tombstone(bool caching)
    {
        var topology = With(KeyValue("s", caching), (store, record, _) => store.Put(record.Key, record.Value == "null" ? null! : record.Value));
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 1);
        input.PipeInput("k", "null", 2);

        Assert.Equal([("k", "v", 1L), ("k", null, 2L)], changelog.ReadRecordsToList().Select(r => (r.Key, (string?)r.Value, r.Timestamp!.Value)));
        Assert.Empty(All(driver));
    }

    [Fact]
    public void Without_caching_every_write_of_one_process_call_is_logged_in_order()
    {
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching: false)), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput("r", "put a 1; put b 1; put a 2; put a 3");

        Assert.Equal([Pair("a", "1"), Pair("b", "1"), Pair("a", "2"), Pair("a", "3")], changelog.ReadKeyValuesToList());
    }

    [Fact]
    public void With_caching_only_the_latest_value_per_key_of_a_commit_is_logged_in_last_write_order()
    {
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching: true)), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        // As Kafka Streams: a key written again moves behind the keys written since, so the flushed sequence is a
        // subsequence of what an uncached store logs.
        input.PipeInput("r", "put a 1; put b 1; put a 2; put c 1; put a 3; delete c", 7);

        var records = changelog.ReadRecordsToList();
        Assert.Equal([("b", "1"), ("a", "3"), ("c", null)], records.Select(r => (r.Key, (string?)r.Value)));
        Assert.All(records, r => Assert.Equal(7L, r.Timestamp));
    }

    [Fact]
    public void With_caching_the_writes_of_one_punctuation_are_coalesced_and_logged_when_it_ends()
    {
        var topology = With(
            KeyValue("s", caching: true),
            (_, _, _) => { },
            (store, context) => context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, now =>
            {
                store.Put("tick", "first");
                store.Put("tick", now.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }));
        using var driver = new TopologyTestDriver(topology, Config());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        var record = Assert.Single(changelog.ReadRecordsToList());
        Assert.Equal(("tick", "1000", 1000L), (record.Key, record.Value, record.Timestamp!.Value));
    }

    [Fact]
    public void With_logging_disabled_nothing_is_written_to_a_changelog()
    {
        foreach (var caching in new[] { false, true })
        {
            using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching, logging: false)), Config());
            var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

            input.PipeInput("r", "put a 1; putall b 2 c 3; putifabsent d 4; delete a");

            Assert.Empty(driver.ProducedTopicNames);
            Assert.Equal([Pair("b", "2"), Pair("c", "3"), Pair("d", "4")], All(driver));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_two_partitions_each_task_logs_to_its_own_changelog_partition(bool caching)
    {
        var options = new TopologyTestDriverOptions { TopicPartitions = { [Input] = 2 } };
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching)), Config(), options);
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("r", "put a 1", 1, Partition: 1));
        input.PipeInput(new TestRecord<string, string>("r", "put b 2", 2, Partition: 0));
        input.PipeInput(new TestRecord<string, string>("r", "delete a; put c 3", 3, Partition: 1));

        Assert.Equal(
            [("a", "1", 1), ("b", "2", 0), ("a", null, 1), ("c", "3", 1)],
            changelog.ReadRecordsToList().Select(r => (r.Key, (string?)r.Value, r.Partition!.Value)));
        Assert.Equal("2", driver.GetKeyValueStore<string, string>("s", partition: 0).Get("b"));
        Assert.Equal("3", driver.GetKeyValueStore<string, string>("s", partition: 1).Get("c"));
        Assert.Null(driver.GetKeyValueStore<string, string>("s", partition: 0).Get("c"));
    }

    private static KeyValue<string, TValue> Pair<TValue>(string key, TValue value) => new(key, value);

    private static List<KeyValue<string, string>> All(TopologyTestDriver driver)
    {
        return driver.GetKeyValueStore<string, string>("s").All().ToList();
    }
}
