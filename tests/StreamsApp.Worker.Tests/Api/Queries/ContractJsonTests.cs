using System.Text.Json;
using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Saga;
using StreamsApp.Worker.Api.Queries;

namespace StreamsApp.Worker.Tests.Api.Queries;

public sealed class ContractJsonTests
{
    [Fact]
    public void ContractTypesRenderAsSymbolsUtcTimestampsAndNumbersWithoutTheSchema()
    {
        var saga = new SagaState
        {
            SagaId = "o-1",
            Status = SagaStatus.PAYMENT_DONE,
            StartedAt = new DateTimeOffset(2026, 1, 2, 13, 4, 5, 678, TimeSpan.FromHours(2)),
            StepsDone = [SagaStep.RESERVE_STOCK],
            TotalAmount = 12.50m,
            ShippingAddress = new Address { Country = "DE" },
        };

        var json = JsonSerializer.SerializeToElement(saga, ContractJson.Options);

        Assert.Equal("PAYMENT_DONE", json.GetProperty("status").GetString());
        Assert.Equal("RESERVE_STOCK", json.GetProperty("stepsDone")[0].GetString());
        Assert.Equal("2026-01-02T11:04:05.678Z", json.GetProperty("startedAt").GetString());
        Assert.Equal("12.50", json.GetProperty("totalAmount").GetRawText());
        Assert.Equal("DE", json.GetProperty("shippingAddress").GetProperty("country").GetString());
        Assert.False(json.TryGetProperty("schema", out _));
        Assert.False(json.GetProperty("shippingAddress").TryGetProperty("schema", out _));
    }
}
