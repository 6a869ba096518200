using StreamsApp.Streams.Dsl;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>Window specs: epoch-aligned half-open time windows, and the arguments Kafka Streams rejects.</summary>
public class WindowSpecTests
{
    [Fact]
    public void A_tumbling_window_holds_its_start_but_not_its_end()
    {
        var windows = TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10));

        Assert.Equal([new TimeWindow(10, 20)], windows.WindowsFor(10));
        Assert.Equal([new TimeWindow(10, 20)], windows.WindowsFor(19));
        Assert.Equal([new TimeWindow(20, 30)], windows.WindowsFor(20));
        Assert.Equal([new TimeWindow(0, 10)], windows.WindowsFor(0));
    }

    [Fact]
    public void A_hopping_window_spec_gives_every_aligned_window_containing_the_timestamp()
    {
        var windows = TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)).AdvanceBy(TimeSpan.FromMilliseconds(3));

        Assert.Equal([new TimeWindow(12, 22), new TimeWindow(15, 25), new TimeWindow(18, 28), new TimeWindow(21, 31)], windows.WindowsFor(21));

        // Near the epoch there are no windows with a negative start.
        Assert.Equal([new TimeWindow(0, 10), new TimeWindow(3, 13)], windows.WindowsFor(4));
    }

    [Fact]
    public void Invalid_sizes_advances_gaps_and_graces_are_rejected_with_the_parameter_named()
    {
        Assert.Equal("size", Assert.Throws<ArgumentException>(() => TimeWindows.OfSizeWithNoGrace(TimeSpan.Zero)).ParamName);
        Assert.Equal("grace", Assert.Throws<ArgumentException>(
            () => TimeWindows.OfSizeAndGrace(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(-1))).ParamName);
        var advance = Assert.Throws<ArgumentException>(() => TimeWindows.OfSizeWithNoGrace(TimeSpan.FromSeconds(1)).AdvanceBy(TimeSpan.FromSeconds(2)));
        Assert.Equal("advance", advance.ParamName);
        Assert.Contains("must not exceed the window size", advance.Message);
        Assert.Equal("inactivityGap", Assert.Throws<ArgumentException>(() => SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.Zero)).ParamName);
        Assert.Equal("grace", Assert.Throws<ArgumentException>(
            () => SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1))).ParamName);
    }
}
