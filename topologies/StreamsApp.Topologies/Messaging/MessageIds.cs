using System.Security.Cryptography;
using System.Text;

namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// Message ids that are the same every time a message is made again: derived from what the message comes from, so a
/// message sent again after a crash (at-least-once) carries the id of the one the crash may have lost, and a consumer
/// that keeps ids drops the second.
/// </summary>
internal static class MessageIds
{
    /// <summary>The id of the <paramref name="purpose"/> of <paramref name="source"/>, as a GUID string.</summary>
    /// <param name="source">What the message comes from: a command's id, or a saga and its version.</param>
    /// <param name="purpose">What the message is to its source: a reply type, a payment, a command type.</param>
    public static string Derived(string source, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source + "/" + purpose));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
