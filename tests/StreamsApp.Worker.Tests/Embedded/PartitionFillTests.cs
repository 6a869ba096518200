using StreamsApp.Worker.Embedded;

namespace StreamsApp.Worker.Tests.Embedded;

/// <summary>A partition is reported once, when its bytes or its records first pass 80% of the embedded cluster's limit.</summary>
public sealed class PartitionFillTests
{
    [Fact]
    public void BytesPastEightyPercentAreReportedOnce()
    {
        var fill = new PartitionFill(maxBytes: 1000, maxBatches: 1000);
        for (var i = 0; i < 7; i++)
        {
            fill.Add("c", 0, keyBytes: 10, valueBytes: 70, headerBytes: 0);
        }

        Assert.Empty(fill.NewlyFull());
        fill.Add("c", 0, 10, 70, 0);
        fill.Add("c", 1, 10, 70, 0);

        var (topic, partition, share, bytes, records) = Assert.Single(fill.NewlyFull());
        Assert.Equal(("c", 0, 800L, 8L), (topic, partition, bytes, records));
        Assert.Equal(0.8, share, 3);
        fill.Add("c", 0, 10, 70, 0);
        Assert.Empty(fill.NewlyFull());
    }

    [Fact]
    public void SmallRecordsAreReportedByTheirCountSinceEachMayBeABatch()
    {
        var fill = new PartitionFill(maxBytes: 1_000_000, maxBatches: 10);
        for (var i = 0; i < 8; i++)
        {
            fill.Add("c", 0, 1, 1, 0);
        }

        Assert.Equal(8, Assert.Single(fill.NewlyFull()).Records);
    }
}
