using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Asks a broker which request types it serves, with one plain-text ApiVersions request (version 0, which every
/// broker answers). librdkafka keeps this answer to itself: a consumer whose broker lacks an API it needs, as the
/// consumer group protocol's ConsumerGroupHeartbeat before Kafka 4.0, only retries at debug level, for ever.
/// </summary>
internal static class BrokerApiVersions
{
    /// <summary>The protocol's key of ConsumerGroupHeartbeat (KIP-848).</summary>
    public const short ConsumerGroupHeartbeat = 68;

    /// <summary>The protocol's key of IncrementalAlterConfigs, which sets group configs.</summary>
    public const short IncrementalAlterConfigs = 44;

    /// <summary>How long the checks at start wait for a bootstrap server to answer.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private const short ApiVersionsKey = 18;
    private const int MaxResponseBytes = 64 * 1024;

    /// <summary>
    /// The API keys the first bootstrap server to answer serves, or null when none answered within
    /// <paramref name="timeout"/> (an unreachable cluster is reported elsewhere).
    /// </summary>
    /// <param name="bootstrapServers">librdkafka's <c>bootstrap.servers</c>: host:port pairs, a scheme allowed.</param>
    /// <param name="timeout">How long to try, over every server.</param>
    /// <param name="cancellationToken">Stops trying.</param>
    public static async Task<IReadOnlySet<short>?> ReadAsync(string bootstrapServers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (var (host, port) in Parse(bootstrapServers))
        {
            try
            {
                return await ReadOneAsync(host, port, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidDataException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The next server may answer; a cluster none of whose servers answer is not this check's to report.
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a client with these properties reaches the cluster over plain text, where this check can speak to it;
    /// TLS and SASL handshakes are librdkafka's.
    /// </summary>
    public static bool CanAsk(IEnumerable<KeyValuePair<string, string>> clientProperties) =>
        !clientProperties.Any(p => p.Key == "security.protocol" && !p.Value.Equals("plaintext", StringComparison.OrdinalIgnoreCase));

    /// <summary>The host and port of each bootstrap server, as librdkafka reads them.</summary>
    internal static IEnumerable<(string Host, int Port)> Parse(string bootstrapServers)
    {
        foreach (var entry in bootstrapServers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = entry.Contains("://", StringComparison.Ordinal) ? entry[(entry.IndexOf("://", StringComparison.Ordinal) + 3)..] : entry;
            var colon = address.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port))
            {
                continue;
            }

            yield return (address[..colon].Trim('[', ']'), port);
        }
    }

    private static async Task<IReadOnlySet<short>> ReadOneAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(Request(), cancellationToken).ConfigureAwait(false);

        var size = new byte[4];
        await stream.ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(size);
        if (length is < 10 or > MaxResponseBytes)
        {
            throw new InvalidDataException($"ApiVersions response of {length} bytes");
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return Keys(body);
    }

    // Header v1 (key, version, correlation id, client id) and an empty v0 body.
    private static byte[] Request()
    {
        var clientId = Encoding.ASCII.GetBytes("streamsapp");
        var request = new byte[4 + 2 + 2 + 4 + 2 + clientId.Length];
        var span = request.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, request.Length - 4);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], ApiVersionsKey);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 1);
        BinaryPrimitives.WriteInt16BigEndian(span[12..], (short)clientId.Length);
        clientId.CopyTo(span[14..]);
        return request;
    }

    // Correlation id, error code, then [api key, min version, max version].
    private static HashSet<short> Keys(ReadOnlySpan<byte> body)
    {
        var error = BinaryPrimitives.ReadInt16BigEndian(body[4..]);
        var count = BinaryPrimitives.ReadInt32BigEndian(body[6..]);
        if (error != 0 || count < 0 || 10 + (count * 6) > body.Length)
        {
            throw new InvalidDataException($"ApiVersions answered error {error} with {count} entries");
        }

        var keys = new HashSet<short>(count);
        for (var i = 0; i < count; i++)
        {
            keys.Add(BinaryPrimitives.ReadInt16BigEndian(body[(10 + (i * 6))..]));
        }

        return keys;
    }
}
