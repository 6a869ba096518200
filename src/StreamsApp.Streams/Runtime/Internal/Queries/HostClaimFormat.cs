using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// A claim's value in the query-hosts topic: <c>2|host:port|0_0,1_2|signature</c> (format version, application
/// server, active tasks, then HMAC-SHA256 of the process id and the rest, base64url). Text, so that an operator can
/// read the topic with any console consumer. The signature binds the claim to the record's key, so a valid claim
/// cannot be replayed as another process's. Its key is <see cref="StreamsConfig.QueryHostsSecret"/>, or else one
/// derived from the application id, which anyone can compute (decision 0021).
/// </summary>
internal sealed class HostClaimFormat(byte[] key)
{
    private const string Version = "2";

    /// <summary>The format of an application's instances.</summary>
    public static HostClaimFormat For(StreamsConfig config) => new(config.QueryHostsSecret is { } secret
        ? Encoding.UTF8.GetBytes(secret)
        : SHA256.HashData(Encoding.UTF8.GetBytes($"streamsapp-query-hosts|{config.ApplicationId}")));

    public byte[] Serialize(string processId, HostInfo host, IEnumerable<TaskId> tasks)
    {
        var body = $"{Version}|{host}|{string.Join(',', tasks.Order())}";
        return Encoding.UTF8.GetBytes($"{body}|{Base64Url.EncodeToString(Sign(processId, body))}");
    }

    /// <summary>The claim in <paramref name="value"/>, published under <paramref name="processId"/>; null with the reason when it is not one to trust.</summary>
    public HostClaim? Deserialize(string processId, byte[] value, long order, out string reason)
    {
        var text = Encoding.UTF8.GetString(value);
        var cut = text.LastIndexOf('|');
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != Version)
        {
            reason = $"not a claim of format {Version}";
            return null;
        }

        var body = text[..cut];
        if (!Base64Url.IsValid(parts[3]) || !CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(parts[3]), Sign(processId, body)))
        {
            reason = "its signature does not verify (a claim not signed with this application's query-hosts secret)";
            return null;
        }

        if (!HostInfo.TryParse(parts[1], out var host) || ParseTasks(parts[2]) is not { } tasks)
        {
            reason = "it is signed but malformed";
            return null;
        }

        reason = "";
        return new HostClaim(host, tasks, order);
    }

    private byte[] Sign(string processId, string body) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{processId}|{body}"));

    private static HashSet<TaskId>? ParseTasks(string text)
    {
        var tasks = new HashSet<TaskId>();
        foreach (var task in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ids = task.Split('_');
            if (ids.Length != 2
                || !int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var subtopology)
                || !int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
            {
                return null;
            }

            tasks.Add(new TaskId(subtopology, partition));
        }

        return tasks;
    }
}
