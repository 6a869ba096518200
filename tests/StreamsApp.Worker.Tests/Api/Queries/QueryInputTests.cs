using StreamsApp.Contracts.Saga;
using StreamsApp.Worker.Api.Queries;

namespace StreamsApp.Worker.Tests.Api.Queries;

public sealed class QueryInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, "2026-11-22T08:30:00Z", "2026-11-23T08:30:00Z")]
    [InlineData("2026-11-01T00:00:00Z", null, "2026-11-01T00:00:00Z", "2026-11-23T08:30:00Z")]
    [InlineData("2026-11-23T08:00:00Z", null, "2026-11-23T08:00:00Z", "2026-11-23T08:30:00Z")]
    [InlineData(null, "2026-11-10T12:00:00Z", "2026-11-09T12:00:00Z", "2026-11-10T12:00:00Z")]
    [InlineData("2026-11-01T02:00:00+02:00", "2026-11-01T03:00:00", "2026-11-01T00:00:00Z", "2026-11-01T03:00:00Z")]
    [InlineData(null, "1970-01-01T05:00:00Z", "1970-01-01T00:00:00Z", "1970-01-01T05:00:00Z")]
    public void ToDefaultsToNowFromToADayBeforeToAndOffsetsAndUtcAreRead(string? from, string? to, string expectedFrom, string expectedTo)
    {
        Assert.Null(QueryInput.ReadTimeRange(from, to, Now, out var range));

        Assert.Equal(DateTimeOffset.Parse(expectedFrom, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateTimeOffset.Parse(expectedTo, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Theory]
    [InlineData("2026-12-01T00:00:00Z", null, "from (2026-12-01T00:00:00.000Z) is after to (2026-11-23T08:30:00.000Z, which is now when not given)")]
    [InlineData("2026-10-01T00:00:00Z", null, "The time range may span at most 31 days (was 53.35, to 2026-11-23T08:30:00.000Z, which is now when not given)")]
    [InlineData("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", "from (2026-11-02T00:00:00.000Z) is after to (2026-11-01T00:00:00.000Z)")]
    public void ARangeThatCannotBeAnsweredSaysWhereToCameFrom(string? from, string? to, string reason) =>
        Assert.Equal(reason, QueryInput.ReadTimeRange(from, to, Now, out _));

    [Theory]
    [InlineData(null, 100)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    public void LimitsDefaultTo100AndAllowUpTo1000(string? text, int expected)
    {
        Assert.Null(QueryInput.ReadLimit(text, out var limit));
        Assert.Equal(expected, limit);
    }

    [Theory]
    [InlineData("completed", SagaStatus.COMPLETED)]
    [InlineData("STOCK_RESERVED", SagaStatus.STOCK_RESERVED)]
    public void StateSymbolsAreReadWhateverTheirCase(string text, SagaStatus expected)
    {
        Assert.Null(QueryInput.ReadSagaStatus(text, out var status));
        Assert.Equal(expected, status);
    }
}
