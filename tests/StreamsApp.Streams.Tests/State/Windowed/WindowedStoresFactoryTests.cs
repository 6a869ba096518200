using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>Validation and defaults of the window and session store suppliers.</summary>
public sealed class WindowedStoresFactoryTests
{
    [Fact]
    public void Retention_must_cover_the_window_size()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Stores.InMemoryWindowStore("w", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false));
        Assert.Equal("retentionPeriod", error.ParamName);

        Assert.Equal("windowSize", Assert.Throws<ArgumentException>(
            () => Stores.PersistentWindowStore("w", TimeSpan.FromSeconds(1), TimeSpan.Zero, false)).ParamName);
        Assert.Equal("retentionPeriod", Assert.Throws<ArgumentException>(
            () => Stores.PersistentSessionStore("s", TimeSpan.Zero)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(
            () => Stores.InMemorySessionStore("bad name", TimeSpan.FromSeconds(1))).ParamName);
    }

    [Fact]
    public void Suppliers_carry_their_settings_and_the_default_segment_interval_is_half_the_retention_but_at_least_a_minute()
    {
        var window = Stores.PersistentTimestampedWindowStore("w", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), true);
        Assert.Equal(("w", "rocksdb-window", 3_600_000L, 300_000L, true, 1_800_000L),
            (window.Name, window.MetricsScope, window.RetentionPeriodMs, window.WindowSizeMs, window.RetainDuplicates, window.SegmentIntervalMs));

        var session = Stores.InMemorySessionStore("s", TimeSpan.FromSeconds(10));
        Assert.Equal(("s", "in-memory-session", 10_000L, 60_000L), (session.Name, session.MetricsScope, session.RetentionPeriodMs, session.SegmentIntervalMs));
    }
}
