using StreamsApp.Streams.State.Internal.InMemory;
using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Streams.State;

/// <summary>Factory methods for state stores, as Kafka Streams' <c>Stores</c>.</summary>
public static partial class Stores
{
    /// <summary>A supplier of byte-level key-value stores held in memory (restored from the changelog on restart).</summary>
    /// <param name="name">The store name: letters, digits, '.', '_' and '-' (it becomes part of the changelog topic name).</param>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public static IKeyValueBytesStoreSupplier InMemoryKeyValueStore(string name) =>
        new InMemoryKeyValueBytesStoreSupplier(ValidateStoreName(name));

    /// <summary>A supplier of byte-level key-value stores persisted in RocksDB under the task's state directory.</summary>
    /// <param name="name">The store name: letters, digits, '.', '_' and '-' (it becomes part of the changelog topic name).</param>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public static IKeyValueBytesStoreSupplier PersistentKeyValueStore(string name) =>
        new RocksDbKeyValueBytesStoreSupplier(ValidateStoreName(name));

    private static string ValidateStoreName(string name)
    {
        // Both factory methods call their parameter "name", so the exception names the caller's parameter.
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                throw new ArgumentException(
                    $"Store name '{name}' may only contain letters, digits, '.', '_' and '-' (it becomes part of a topic name).",
                    nameof(name));
            }
        }

        return name;
    }
}
