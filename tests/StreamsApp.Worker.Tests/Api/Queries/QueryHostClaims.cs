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
/// Makes another host own partition 1 of every task of a worker with two partitions, or keep standbys of it, the way a
/// second worker would: by publishing its claim to the query-hosts topic (decisions 0021 and 0024:
/// <c>3|host:port|tasks|standbys|signature</c>, signed with the workers' shared secret; the newest claim of a task
/// wins), so the worker's real metadata names that host. The worker needs a peer secret (or an API key) to sign with.
/// </summary>
internal sealed class QueryHostClaims
{
    private readonly WorkerHost _worker;

    private QueryHostClaims(WorkerHost worker, string localKey, string remoteKey)
    {
        _worker = worker;
        LocalKey = localKey;
        RemoteKey = remoteKey;
    }

    /// <summary>A key of partition 0 (the worker keeps it).</summary>
    public string LocalKey { get; }

    /// <summary>A key of partition 1 (a claimant owns it).</summary>
    public string RemoteKey { get; }

    private KafkaStreams Streams => _worker.Get<IKafkaStreamsInstance>().Streams!;

    private string PartitionOneTasks => string.Join(',', _worker.Get<IKafkaStreamsInstance>().Description.Subtopologies.Select(s => $"{s.Id}_1"));

    /// <summary>Claims for <paramref name="worker"/>, once it has read back its own claim and knows the owners.</summary>
    public static async Task<QueryHostClaims> ForAsync(WorkerHost worker)
    {
        var streams = worker.Get<IKafkaStreamsInstance>().Streams!;
        await Wait.UntilAsync(
            () => Task.FromResult(streams.QueryMetadataForKey(ProjectionStores.OrderViews, "k", ContractSerdes.Key.Serializer).Partition >= 0),
            TimeSpan.FromSeconds(10));
        var keys = Enumerable.Range(0, 100).Select(i => $"key-{i}")
            .ToLookup(k => streams.QueryMetadataForKey(ProjectionStores.OrderViews, k, ContractSerdes.Key.Serializer).Partition);
        return new QueryHostClaims(worker, keys[0].First(), keys[1].First());
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

    private KeyQueryMetadata RemoteKeyMetadata() => Streams.QueryMetadataForKey(ProjectionStores.OrderViews, RemoteKey, ContractSerdes.Key.Serializer);

    private async Task PublishClaimAsync(string processId, string? body)
    {
        var config = new ProducerConfig { BootstrapServers = _worker.Get<KafkaConnection>().BootstrapServers };
        using var producer = new ProducerBuilder<byte[], byte[]?>(config).Build();
        await producer.ProduceAsync(
            $"{_worker.Get<IOptions<WorkerOptions>>().Value.Streams.ApplicationId}-query-hosts",
            new Message<byte[], byte[]?> { Key = Encoding.UTF8.GetBytes(processId), Value = body is null ? null : SignedClaim(processId, body) });
    }

    /// <summary>A claim as a worker signs it: HMAC-SHA256 of <c>processId|body</c> under the shared secret, base64url.</summary>
    private byte[] SignedClaim(string processId, string body)
    {
        var secret = _worker.Get<IOptions<WorkerOptions>>().Value.Http.EffectivePeerSecret!;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{processId}|{body}"));
        return Encoding.UTF8.GetBytes($"{body}|{Base64Url.EncodeToString(signature)}");
    }
}
