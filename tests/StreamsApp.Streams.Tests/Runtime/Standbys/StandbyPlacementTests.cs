using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime.Standbys;

public sealed class StandbyPlacementTests
{
    private static readonly string[] Instances = ["p-a", "p-b", "p-c"];

    private static bool Stateful(TaskId task) => task.Subtopology == 1;

    /// <summary>Eight stateless and eight stateful tasks, owned round-robin by the instances given.</summary>
    private static Dictionary<TaskId, string> Owners(params string[] instances) =>
        Enumerable.Range(0, 2)
            .SelectMany(s => Enumerable.Range(0, 8).Select(p => new TaskId(s, p)))
            .ToDictionary(t => t, t => instances[t.Partition % instances.Length]);

    /// <summary>Who keeps a standby of each task, as each instance computes it for itself.</summary>
    private static Dictionary<TaskId, List<string>> Placement(IReadOnlyDictionary<TaskId, string> owners, int replicas, IEnumerable<string> instances)
    {
        var placed = new Dictionary<TaskId, List<string>>();
        foreach (var instance in instances)
        {
            foreach (var task in StandbyPlacement.For(instance, owners, replicas, Stateful))
            {
                (placed.TryGetValue(task, out var hosts) ? hosts : placed[task] = []).Add(instance);
            }
        }

        return placed;
    }

    [Fact]
    public void With_two_instances_each_keeps_a_standby_of_every_stateful_task_of_the_other()
    {
        var owners = Owners("p-a", "p-b");

        var placed = Placement(owners, 1, ["p-a", "p-b"]);

        Assert.Equal(owners.Keys.Where(Stateful).Order(), placed.Keys.Order());
        Assert.All(placed, p => Assert.Equal([owners[p.Key] == "p-a" ? "p-b" : "p-a"], p.Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_stateful_task_gets_its_replicas_on_other_instances_and_one_owner_s_standbys_spread(int replicas)
    {
        var owners = Owners(Instances);

        var placed = Placement(owners, replicas, Instances);

        Assert.Equal(owners.Keys.Where(Stateful).Order(), placed.Keys.Order());
        Assert.All(placed, p =>
        {
            Assert.Equal(replicas, p.Value.Distinct().Count());
            Assert.DoesNotContain(owners[p.Key], p.Value);
        });
        if (replicas == 1)
        {
            // p-a's stateful tasks (1_0, 1_3, 1_6) do not all land on one instance.
            Assert.Equal(2, placed.Where(p => owners[p.Key] == "p-a").SelectMany(p => p.Value).Distinct().Count());
        }
    }

    [Fact]
    public void More_replicas_than_other_instances_place_one_on_each_other_instance()
    {
        var owners = Owners(Instances);

        var placed = Placement(owners, 5, Instances);

        Assert.All(placed, p => Assert.Equal(Instances.Where(i => i != owners[p.Key]).Order(), p.Value.Order()));
    }

    [Fact]
    public void An_instance_owning_nothing_yet_keeps_standbys_by_its_own_count_and_none_without_replicas()
    {
        var owners = Owners("p-a");

        Assert.Equal(owners.Keys.Where(Stateful).Order(), StandbyPlacement.For("p-b", owners, 1, Stateful).Order());
        Assert.Empty(StandbyPlacement.For("p-a", owners, 1, Stateful));
        Assert.Empty(StandbyPlacement.For("p-b", owners, 0, Stateful));
    }

    [Fact]
    public void The_placement_does_not_depend_on_the_order_the_owners_are_seen_in()
    {
        var owners = Owners(Instances);
        var reversed = owners.Reverse().ToDictionary(o => o.Key, o => o.Value);

        foreach (var instance in Instances)
        {
            Assert.Equal(
                StandbyPlacement.For(instance, owners, 1, Stateful).Order(),
                StandbyPlacement.For(instance, reversed, 1, Stateful).Order());
        }
    }
}
