using System.Text;

namespace StreamsApp.Benchmarks;

/// <summary>
/// Pre-serialized order records over a fixed number of customer keys, made once per process: the input of every
/// driver benchmark, so the figures measure the engines, not the benchmarks' own serialization.
/// </summary>
/// <param name="count">How many records.</param>
/// <param name="distinctKeys">How many customers they spread over, in turn.</param>
internal sealed class OrderRecords(int count, int distinctKeys)
{
    private readonly Lazy<(byte[][] Keys, byte[][] Values)> _records = new(() => (
        [.. Enumerable.Range(0, count).Select(i => CustomerKey(i % distinctKeys))],
        [.. Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes($"order-{i}:{i % 97}"))]));

    public byte[][] Keys => _records.Value.Keys;

    public byte[][] Values => _records.Value.Values;

    /// <summary>The serialized key of the customer with this number, as the orders use it.</summary>
    public static byte[] CustomerKey(int customer) => Encoding.UTF8.GetBytes($"customer-{customer}");
}
