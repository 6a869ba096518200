using StreamsApp.Worker.WebConsole;

namespace StreamsApp.Worker.Tests.WebConsole;

public sealed class ActivityRatesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<int, IReadOnlyList<string>> Topics = new() { [1] = ["orders.events"], [2] = ["saga.state"] };

    [Fact]
    public void Rates_are_unknown_until_two_readings_then_the_rise_over_the_time_between()
    {
        var rates = new ActivityRates(Topics);

        var first = rates.Next(Cluster(Worker("a", completed: 10, failed: 2, (1, 100, 3))), Start);
        Assert.Null(first.Outcomes.CompletedPerMinute);
        Assert.Null(first.Subtopologies.Single().PerSecond);
        Assert.Equal(["orders.events"], first.Subtopologies.Single().Topics);

        var second = rates.Next(Cluster(Worker("a", completed: 13, failed: 3, (1, 150, 5))), Start.AddSeconds(5));
        Assert.Equal(13, second.Outcomes.Completed);
        Assert.Equal(36, second.Outcomes.CompletedPerMinute!.Value, 3);
        Assert.Equal(12, second.Outcomes.FailedPerMinute!.Value, 3);
        Assert.Equal(10, second.Subtopologies.Single().PerSecond!.Value, 3);
        Assert.Equal(5, second.Subtopologies.Single().Lag);
        Assert.Equal(13, second.Sagas["COMPLETED"]);
    }

    [Fact]
    public void A_task_that_moves_restarts_its_counter_on_the_new_worker_without_a_negative_rate()
    {
        var rates = new ActivityRates(Topics);
        rates.Next(Cluster(Worker("a", 0, 0, (1, 500, 0)), Worker("b", 0, 0, (1, 100, 0))), Start);
        // a's tasks of sub-topology 1 moved to b: a's counter is gone, b's new task counts from zero beside its old one.
        var moved = rates.Next(Cluster(Worker("a", 0, 0, (2, 10, 0)), Worker("b", 0, 0, (1, 130, 0))), Start.AddSeconds(2));

        var subtopology = moved.Subtopologies.Single(s => s.Id == 1);
        Assert.Equal(15, subtopology.PerSecond!.Value, 3);
        Assert.Equal(["b"], subtopology.Workers);
    }

    [Fact]
    public void Outcome_rates_skip_readings_where_a_worker_could_not_read_its_sagas()
    {
        var rates = new ActivityRates(Topics);
        rates.Next(Cluster(Worker("a", 10, 0), Worker("b", 10, 0)), Start);
        // b restores a moved partition: its sagas cannot be read, and the sum dips.
        var restoring = rates.Next(Cluster(Worker("a", 11, 0), Worker("b", null, 0)), Start.AddSeconds(1));
        Assert.Null(restoring.Outcomes.CompletedPerMinute);

        var back = rates.Next(Cluster(Worker("a", 11, 0), Worker("b", 12, 0)), Start.AddSeconds(2));
        Assert.Equal(90, back.Outcomes.CompletedPerMinute!.Value, 3);
    }

    [Fact]
    public void Readings_older_than_the_window_no_longer_count()
    {
        var rates = new ActivityRates(Topics);
        rates.Next(Cluster(Worker("a", 0, 0, (1, 0, 0))), Start);
        rates.Next(Cluster(Worker("a", 0, 0, (1, 1000, 0))), Start.AddSeconds(1));
        // A burst long ago, then a steady 1 record a second for longer than the window.
        ConsoleFrame frame = null!;
        for (var second = 2; second <= 2 + (int)ActivityRates.Window.TotalSeconds + 1; second++)
        {
            frame = rates.Next(Cluster(Worker("a", 0, 0, (1, 1000 + second - 1, 0))), Start.AddSeconds(second));
        }

        Assert.Equal(1, frame.Subtopologies.Single().PerSecond!.Value, 3);
    }

    private static ClusterActivity Cluster(params WorkerActivity[] workers) => new(workers, []);

    private static WorkerActivity Worker(string address, long? completed, long failed, params (int Id, long Processed, long Lag)[] subtopologies) => new(
        address,
        "Running",
        [.. subtopologies.Select(s => $"{s.Id}_0")],
        [],
        completed is { } done ? new Dictionary<string, long> { ["COMPLETED"] = done, ["FAILED"] = failed } : new Dictionary<string, long>(),
        [.. subtopologies.Select(s => new SubtopologyActivity(s.Id, s.Processed, s.Lag))]);
}
