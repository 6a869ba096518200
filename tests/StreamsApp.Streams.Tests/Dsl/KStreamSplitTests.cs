using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Split: branch names are the split's prefix plus the branch name or its 1-based position (0 for the default
/// branch), and each record goes to the first branch whose predicate holds.
/// </summary>
public class KStreamSplitTests
{
    [Fact]
    public void Branch_names_use_the_prefix_and_the_given_name_or_position()
    {
        var builder = new StreamsBuilder();
        var branches = Source(builder)
            .Split(Named.As("split-"))
            .Branch((_, v) => v < 0, Branched.As<string, long>("negative"))
            .Branch((_, v) => v == 0)
            .Branch((_, v) => v > 100, Branched.As<string, long>("big"))
            .DefaultBranch();

        Assert.Equal(["split-0", "split-2", "split-big", "split-negative"], branches.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unnamed_split_prefixes_branches_with_the_generated_splitter_name()
    {
        var builder = new StreamsBuilder();
        var branches = Source(builder).Split().Branch((_, v) => v > 0).DefaultBranch(Branched.As<string, long>("rest"));

        Assert.Equal(
            ["KSTREAM-BRANCH-00000000011", "KSTREAM-BRANCH-0000000001rest"], branches.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_record_goes_to_the_first_matching_branch_and_the_default_takes_the_rest()
    {
        var builder = new StreamsBuilder();
        var branches = Source(builder)
            .Split(Named.As("s-"))
            .Branch((_, v) => v % 2 == 0, Branched.As<string, long>("even"))
            .Branch((_, v) => v % 3 == 0, Branched.As<string, long>("three"))
            .DefaultBranch(Branched.As<string, long>("other"));
        branches["s-even"].To("even");
        branches["s-three"].To("three");
        branches["s-other"].To("other");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());

        foreach (var value in new long[] { 1, 2, 3, 6, 9, 7 })
        {
            input.PipeInput("k" + value, value, value * 10);
        }

        // 6 is even and a multiple of three: the earlier branch wins, so it is not duplicated.
        Assert.Equal([("k2", 2L, 20L), ("k6", 6L, 60L)], Output(driver, "even").ReadAll());
        Assert.Equal([("k3", 3L, 30L), ("k9", 9L, 90L)], Output(driver, "three").ReadAll());
        Assert.Equal([("k1", 1L, 10L), ("k7", 7L, 70L)], Output(driver, "other").ReadAll());
    }

    [Fact]
    public void NoDefaultBranch_drops_the_records_no_branch_takes()
    {
        var builder = new StreamsBuilder();
        var branches = Source(builder)
            .Split(Named.As("s-"))
            .Branch((_, v) => v > 10)
            .NoDefaultBranch();
        branches["s-1"].To("big");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());

        input.PipeInput("a", 5, 1);
        input.PipeInput("b", 50, 2);

        Assert.Equal(["s-1"], branches.Keys);
        Assert.Equal([("b", 50L, 2L)], Output(driver, "big").ReadAll());
        Assert.Equal(["big"], driver.ProducedTopicNames);
    }

    [Fact]
    public void WithFunction_puts_the_chained_stream_in_the_map_and_WithConsumer_leaves_the_branch_out()
    {
        var builder = new StreamsBuilder();
        var branches = Source(builder)
            .Split(Named.As("s-"))
            .Branch((_, v) => v > 10, Branched.WithFunction<string, long>(s => s.MapValues(v => v * 100), "big"))
            .Branch((_, v) => v > 5, Branched.WithConsumer<string, long>(s => s.To("medium"), "medium"))
            .Branch((_, v) => v > 1, Branched.WithFunction<string, long>(_ => null, "dropped"))
            .DefaultBranch();
        branches["s-big"].To("big");
        branches["s-0"].To("small");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());

        input.PipeInput("a", 20, 1);
        input.PipeInput("b", 7, 2);
        input.PipeInput("c", 3, 3);
        input.PipeInput("d", 1, 4);

        Assert.Equal(["s-0", "s-big"], branches.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("a", 2000L, 1L)], Output(driver, "big").ReadAll());
        Assert.Equal([("b", 7L, 2L)], Output(driver, "medium").ReadAll());
        Assert.Equal([("d", 1L, 4L)], Output(driver, "small").ReadAll());
    }

    [Fact]
    public void A_completed_split_accepts_no_more_branches()
    {
        var builder = new StreamsBuilder();
        var split = Source(builder).Split();
        split.Branch((_, v) => v > 0).NoDefaultBranch();

        Assert.Throws<InvalidOperationException>(() => split.Branch((_, v) => v < 0));
        Assert.Throws<InvalidOperationException>(() => split.DefaultBranch());
    }

    private static IKStream<string, long> Source(StreamsBuilder builder) =>
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.Int64()));

    private static TestOutputTopic<string, long> Output(TopologyTestDriver driver, string topic) =>
        driver.CreateOutputTopic(topic, Serdes.String(), Serdes.Int64());
}
