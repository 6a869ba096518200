using StreamsApp.Contracts.Saga;

namespace StreamsApp.Contracts.Views;

/// <summary>Read model: how many sagas are in one state.</summary>
public sealed class SagaStatistics : ContractRecord<SagaStatistics>
{
    private static readonly ContractFields<SagaStatistics> FieldBindings = new ContractFields<SagaStatistics>()
        .Field("status", sagaStatistics => sagaStatistics.Status, (sagaStatistics, value) => sagaStatistics.Status = value)
        .Field("sagas", sagaStatistics => sagaStatistics.Sagas, (sagaStatistics, value) => sagaStatistics.Sagas = value)
        .Field("updatedAt", sagaStatistics => sagaStatistics.UpdatedAt, (sagaStatistics, value) => sagaStatistics.UpdatedAt = value)
        .Complete();

    /// <summary>The state; its symbol is the record key.</summary>
    public SagaStatus Status { get; set; }

    /// <summary>Sagas currently in the state.</summary>
    public long Sagas { get; set; }

    /// <summary>When the count last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<SagaStatistics> Fields => FieldBindings;
}
