namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>
/// A worker (API key on, two partitions) and a <see cref="FakeOwner"/>. The tests make another host own partition 1
/// of every task, or keep standbys of it, the way a second worker would (<see cref="QueryHostClaims"/>).
/// </summary>
public sealed class ForwardingFixture : IAsyncLifetime
{
    public const string ApiKey = "k-forward";

    private QueryHostClaims _claims = null!;

    public WorkerHost Host { get; private set; } = null!;

    public FakeOwner Owner { get; private set; } = null!;

    /// <summary>A key of partition 0 (this worker keeps it) and one of partition 1 (the claimant owns it).</summary>
    public string LocalKey => _claims.LocalKey;

    public string RemoteKey => _claims.RemoteKey;

    public async Task InitializeAsync()
    {
        Host = await WorkerHost.StartAsync($"--api-key={ApiKey}", "--demo=false", "--partitions=2");
        Host.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await Host.WaitUntilReadyAsync();
        Owner = await FakeOwner.StartAsync();
        _claims = await QueryHostClaims.ForAsync(Host);
    }

    /// <inheritdoc cref="QueryHostClaims.ClaimPartitionOneAsync"/>
    public Task ClaimPartitionOneAsync(string host) => _claims.ClaimPartitionOneAsync(host);

    /// <inheritdoc cref="QueryHostClaims.ClaimStandbysOfPartitionOneAsync"/>
    public Task ClaimStandbysOfPartitionOneAsync(string host, bool withdraw = false) => _claims.ClaimStandbysOfPartitionOneAsync(host, withdraw);

    public async Task DisposeAsync()
    {
        await Owner.DisposeAsync();
        await Host.DisposeAsync();
    }
}
