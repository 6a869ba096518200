using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// State written against another cluster, or against a changelog or global topic that was deleted and created again,
/// is wiped at start, with a warning naming the task and the reason; state of the same cluster and topics is kept.
/// </summary>
public sealed class StateIdentityCheckTests : IDisposable
{
    private static readonly Guid CountsTopicId = Guid.NewGuid();
    private static readonly Guid JoinTopicId = Guid.NewGuid();
    private static readonly Guid GlobalTopicId = Guid.NewGuid();
    private static readonly Dictionary<string, int> SubtopologyByChangelog = new() { ["app-counts-changelog"] = 0, ["app-join-changelog"] = 1 };
    private static readonly HashSet<string> GlobalTopics = ["products"];

    private readonly TempStateRoot _root = new();
    private readonly ListLogger _log = new();

    [Fact]
    public void The_first_start_records_the_cluster_and_its_topics_and_keeps_the_state()
    {
        using (var directory = OpenWithState())
        {
            Check(directory, Identity("cluster-a"));

            Assert.Equal([new TaskId(0, 0), new TaskId(0, 1), new TaskId(1, 0)], directory.TasksWithState());
            Assert.True(directory.HasGlobalState());
            Assert.Empty(_log.Messages);
        }

        var recorded = StateDirectoryMetadata.Read(Path.Combine(_root.Path, "app", StateDirectoryMetadata.FileName))!;
        Assert.Equal("cluster-a", recorded.ClusterId);
        Assert.Equal(CountsTopicId, recorded.TopicIds["app-counts-changelog"]);
        Assert.Equal(GlobalTopicId, recorded.TopicIds["products"]);
    }

    [Fact]
    public void State_written_against_another_cluster_is_wiped_whole_naming_each_task()
    {
        using (var first = OpenWithState())
        {
            Check(first, Identity("cluster-a"));
        }

        using var second = _root.Open("app");
        Check(second, Identity("cluster-b"));

        Assert.Empty(second.TasksWithState());
        Assert.False(second.HasGlobalState());
        Assert.Equal(4, _log.Messages.Count);
        Assert.All(_log.Messages, m => Assert.Contains("written against cluster cluster-a, but this is cluster cluster-b", m, StringComparison.Ordinal));
        Assert.Contains(_log.Messages, m => m.StartsWith("Task 0_1:", StringComparison.Ordinal));
        Assert.Contains(_log.Messages, m => m.StartsWith("Global stores:", StringComparison.Ordinal));
        Assert.Equal("cluster-b", second.Metadata.ClusterId);
    }

    [Fact]
    public void A_recreated_changelog_wipes_only_the_tasks_of_its_subtopology()
    {
        using (var first = OpenWithState())
        {
            Check(first, Identity("cluster-a"));
        }

        using var second = _root.Open("app");
        var recreated = Guid.NewGuid();
        Check(second, Identity("cluster-a", counts: recreated));

        Assert.Equal([new TaskId(1, 0)], second.TasksWithState());
        Assert.True(second.HasGlobalState());
        Assert.Equal(2, _log.Messages.Count);
        Assert.All(_log.Messages, m => Assert.Contains("topic app-counts-changelog was deleted and created again", m, StringComparison.Ordinal));
        Assert.Equal(recreated, second.Metadata.TopicIds["app-counts-changelog"]);
    }

    [Fact]
    public void A_recreated_global_topic_wipes_the_global_stores_only()
    {
        using (var first = OpenWithState())
        {
            Check(first, Identity("cluster-a"));
        }

        using var second = _root.Open("app");
        Check(second, Identity("cluster-a", global: Guid.NewGuid()));

        Assert.Equal(3, second.TasksWithState().Count);
        Assert.False(second.HasGlobalState());
        Assert.StartsWith("Global stores: topic products was deleted", Assert.Single(_log.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_that_cannot_tell_its_identity_wipes_nothing_and_keeps_what_was_recorded()
    {
        using (var first = OpenWithState())
        {
            Check(first, Identity("cluster-a"));
        }

        using var second = _root.Open("app");
        Check(second, ClusterIdentity.Unknown);

        Assert.Equal(3, second.TasksWithState().Count);
        Assert.Empty(_log.Messages);
        Assert.Equal("cluster-a", second.Metadata.ClusterId);
        Assert.Equal(CountsTopicId, second.Metadata.TopicIds["app-counts-changelog"]);
    }

    public void Dispose() => _root.Dispose();

    private static ClusterIdentity Identity(string clusterId, Guid? counts = null, Guid? global = null) =>
        new(clusterId, new Dictionary<string, Guid>
        {
            ["app-counts-changelog"] = counts ?? CountsTopicId, ["app-join-changelog"] = JoinTopicId, ["products"] = global ?? GlobalTopicId,
        });

    private StateDirectory OpenWithState()
    {
        var directory = _root.Open("app");
        foreach (var task in new[] { new TaskId(0, 0), new TaskId(0, 1), new TaskId(1, 0) })
        {
            File.WriteAllText(Path.Combine(directory.TaskDirectory(task), ".checkpoint"), "0\n0\n");
        }

        directory.TaskDirectory(new TaskId(2, 0));
        File.WriteAllText(Path.Combine(directory.GlobalDirectory(), ".checkpoint"), "0\n0\n");
        return directory;
    }

    private void Check(StateDirectory directory, ClusterIdentity identity) =>
        StateIdentityCheck.Apply(directory, identity, SubtopologyByChangelog, GlobalTopics, _log);
}
