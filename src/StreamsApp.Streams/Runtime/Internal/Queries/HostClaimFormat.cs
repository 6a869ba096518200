using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// A claim's value in the query-hosts topic: <c>3|host:port|0_0,1_2|0_1|signature</c> (format version, application
/// server or nothing when the instance has none, active tasks, standby tasks, then HMAC-SHA256 of the process id and
/// the rest, base64url). Format 2, from before standby replicas, has no standby field and is still read, so that a
/// rolling upgrade keeps forwarding. Text, so that an operator can
/// read the topic with any console consumer. The signature binds the claim to the record's key, so a valid claim
/// cannot be replayed as another process's. Its key is <see cref="StreamsConfig.QueryHostsSecret"/>, or else one
/// derived from the application id, which anyone can compute (decision 0021).
/// </summary>
internal sealed class HostClaimFormat(byte[] key)
{
    private const string Version = "3";
    private const string VersionWithoutStandbys = "2";

    /// <summary>The format of an application's instances.</summary>
    public static HostClaimFormat For(StreamsConfig config) => new(config.QueryHostsSecret is { } secret
        ? Encoding.UTF8.GetBytes(secret)
        : SHA256.HashData(Encoding.UTF8.GetBytes($"streamsapp-query-hosts|{config.ApplicationId}")));

    public byte[] Serialize(string processId, HostInfo host, IEnumerable<TaskId> tasks, IEnumerable<TaskId> standbys)
    {
        var server = host == HostInfo.Unavailable ? "" : host.ToString();
        var body = $"{Version}|{server}|{string.Join(',', tasks.Order())}|{string.Join(',', standbys.Order())}";
        return Encoding.UTF8.GetBytes($"{body}|{Base64Url.EncodeToString(Sign(processId, body))}");
    }

    /// <summary>The claim in <paramref name="value"/>, published under <paramref name="processId"/>; null with the reason when it is not one to trust.</summary>
    public HostClaim? Deserialize(string processId, byte[] value, long order, out string reason)
    {
        var text = Encoding.UTF8.GetString(value);
        var cut = text.LastIndexOf('|');
        var parts = text.Split('|');
        var withStandbys = parts is [Version, _, _, _, _];
        if (!withStandbys && parts is not [VersionWithoutStandbys, _, _, _])
        {
            reason = $"not a claim of format {Version} or {VersionWithoutStandbys}";
            return null;
        }

        var body = text[..cut];
        var signature = parts[^1];
        if (!Base64Url.IsValid(signature) || !CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(signature), Sign(processId, body)))
        {
            reason = "its signature does not verify (a claim not signed with this application's query-hosts secret)";
            return null;
        }

        var host = HostInfo.Unavailable;
        if ((parts[1].Length > 0 && !HostInfo.TryParse(parts[1], out host))
            || ParseTasks(parts[2]) is not { } tasks
            || ParseTasks(withStandbys ? parts[3] : "") is not { } standbys)
        {
            reason = "it is signed but malformed";
            return null;
        }

        reason = "";
        return new HostClaim(host, tasks, standbys, order);
    }

    private byte[] Sign(string processId, string body) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{processId}|{body}"));

    private static HashSet<TaskId>? ParseTasks(string text)
    {
        var tasks = new HashSet<TaskId>();
        foreach (var task in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TaskId.TryParse(task, out var id))
            {
                return null;
            }

            tasks.Add(id);
        }

        return tasks;
    }
}
