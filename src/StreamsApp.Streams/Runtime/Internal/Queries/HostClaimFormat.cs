using System.Globalization;
using System.Text;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// A claim's value in the query-hosts topic: <c>1|host:port|0_0,1_2</c> (format version, application server, active
/// tasks). Text, so that an operator can read the topic with any console consumer.
/// </summary>
internal static class HostClaimFormat
{
    private const string Version = "1";

    public static byte[] Serialize(HostInfo host, IEnumerable<TaskId> tasks) =>
        Encoding.UTF8.GetBytes($"{Version}|{host}|{string.Join(',', tasks.Order())}");

    /// <summary>The claim in <paramref name="value"/>; null when it is not a claim of a format this version reads.</summary>
    public static HostClaim? Deserialize(byte[] value, long order)
    {
        var parts = Encoding.UTF8.GetString(value).Split('|');
        if (parts.Length != 3 || parts[0] != Version || !HostInfo.TryParse(parts[1], out var host))
        {
            return null;
        }

        var tasks = new HashSet<TaskId>();
        foreach (var text in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ids = text.Split('_');
            if (ids.Length != 2
                || !int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var subtopology)
                || !int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
            {
                return null;
            }

            tasks.Add(new TaskId(subtopology, partition));
        }

        return new HostClaim(host, tasks, order);
    }
}
