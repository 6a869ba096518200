using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Projections;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>
/// A worker (API key on, two partitions) and a <see cref="FakeOwner"/>. The tests make another host own partition 1
/// of every task, or keep standbys of it, the way a second worker would: by publishing its claim to the query-hosts
/// topic (decisions 0021 and 0024: <c>3|host:port|tasks|standbys|signature</c>, signed with the workers' shared
/// secret; the newest claim of a task wins), so the worker's real metadata names that host.
/// </summary>
public sealed class ForwardingFixture : IAsyncLifetime
{
    public const string ApiKey = "k-forward";

    public WorkerHost Host { get; private set; } = null!;

    public FakeOwner Owner { get; private set; } = null!;

    /// <summary>A key of partition 0 (this worker keeps it) and one of partition 1 (the claimant owns it).</summary>
    public string LocalKey { get; private set; } = "";

    public string RemoteKey { get; private set; } = "";

    public KafkaStreams Streams => Host.Get<IKafkaStreamsInstance>().Streams!;

    public async Task InitializeAsync()
    {
        Host = await WorkerHost.StartAsync($"--api-key={ApiKey}", "--demo=false", "--partitions=2");
        Host.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await Host.WaitUntilReadyAsync();
        Owner = await FakeOwner.StartAsync();
        // Running, the worker publishes its claim to the query-hosts topic; its metadata knows the owners once it reads it back.
        await Wait.UntilAsync(
            () => Task.FromResult(Streams.QueryMetadataForKey(ProjectionStores.OrderViews, "k", ContractSerdes.Key.Serializer).Partition >= 0),
            TimeSpan.FromSeconds(10));
        var keys = Enumerable.Range(0, 100).Select(i => $"key-{i}")
            .ToLookup(k => Streams.QueryMetadataForKey(ProjectionStores.OrderViews, k, ContractSerdes.Key.Serializer).Partition);
        LocalKey = keys[0].First();
        RemoteKey = keys[1].First();
    }

    /// <summary>Publishes <paramref name="host"/>'s claim to partition 1 of every sub-topology and waits until the worker sees it.</summary>
    public async Task ClaimPartitionOneAsync(string host)
    {
        await PublishClaimAsync("claimant-" + host, $"3|{host}|{PartitionOneTasks}|");
        await Wait.UntilAsync(() => Task.FromResult(RemoteKeyMetadata().ActiveHost.ToString() == host), TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Publishes <paramref name="host"/>'s claim of standbys of partition 1 of every sub-topology (no active task), or
    /// withdraws it with a tombstone, and waits until the worker sees it.
    /// </summary>
    public async Task ClaimStandbysOfPartitionOneAsync(string host, bool withdraw = false)
    {
        await PublishClaimAsync("standby-" + host, withdraw ? null : $"3|{host}||{PartitionOneTasks}");
        await Wait.UntilAsync(
            () => Task.FromResult(RemoteKeyMetadata().StandbyHosts.Any(h => h.ToString() == host) != withdraw), TimeSpan.FromSeconds(10));
    }

    private string PartitionOneTasks => string.Join(',', Host.Get<IKafkaStreamsInstance>().Description.Subtopologies.Select(s => $"{s.Id}_1"));

    private KeyQueryMetadata RemoteKeyMetadata() => Streams.QueryMetadataForKey(ProjectionStores.OrderViews, RemoteKey, ContractSerdes.Key.Serializer);

    private async Task PublishClaimAsync(string processId, string? body)
    {
        var config = new ProducerConfig { BootstrapServers = Host.Get<KafkaConnection>().BootstrapServers };
        using var producer = new ProducerBuilder<byte[], byte[]?>(config).Build();
        await producer.ProduceAsync(
            $"{Host.Get<IOptions<WorkerOptions>>().Value.Streams.ApplicationId}-query-hosts",
            new Message<byte[], byte[]?> { Key = Encoding.UTF8.GetBytes(processId), Value = body is null ? null : SignedClaim(processId, body) });
    }

    /// <summary>A claim as a worker signs it: HMAC-SHA256 of <c>processId|body</c> under the shared secret, base64url.</summary>
    private byte[] SignedClaim(string processId, string body)
    {
        var secret = Host.Get<IOptions<WorkerOptions>>().Value.Http.EffectivePeerSecret!;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{processId}|{body}"));
        return Encoding.UTF8.GetBytes($"{body}|{Base64Url.EncodeToString(signature)}");
    }

    public async Task DisposeAsync()
    {
        await Owner.DisposeAsync();
        await Host.DisposeAsync();
    }
}
