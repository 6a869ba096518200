using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.State;

/// <summary>
/// Processor API topologies around one store: source "input" (string keys and values) → processor "proc" (which
/// hands each record and its store to the test) → sink "output".
/// </summary>
internal static class StoreTopologies
{
    public const string AppId = "store-app";
    public const string Input = "input";
    public const string Output = "output";

    public static string Changelog(string storeName) => $"{AppId}-{storeName}-changelog";

    public static StreamsConfig Config(long cacheBytes = 10L * 1024 * 1024, string? stateDir = null) => new()
    {
        ApplicationId = AppId,
        CacheMaxBytesBuffering = cacheBytes,
        StateDir = stateDir ?? StreamsConfig.DefaultStateDir,
    };

    /// <summary>A plain string store over an in-memory or RocksDB byte store.</summary>
    public static IStoreBuilder<IKeyValueStore<string, string>> KeyValue(
        string name, bool caching = false, bool logging = true, bool persistent = false)
    {
        var supplier = persistent ? Stores.PersistentKeyValueStore(name) : Stores.InMemoryKeyValueStore(name);
        return Configure(Stores.KeyValueStoreBuilder(supplier, Serdes.String(), Serdes.String()), caching, logging);
    }

    /// <summary>A timestamped string store over an in-memory byte store.</summary>
    public static IStoreBuilder<ITimestampedKeyValueStore<string, string>> Timestamped(
        string name, bool caching = false, bool logging = true) =>
        Configure(
            Stores.TimestampedKeyValueStoreBuilder(Stores.InMemoryKeyValueStore(name), Serdes.String(), Serdes.String()),
            caching,
            logging);

    /// <summary>The topology; <paramref name="onInit"/> may schedule punctuators.</summary>
    public static Topology With<TStore>(
        IStoreBuilder<TStore> builder,
        Action<TStore, Record<string, string>, IProcessorContext<string, string>> onRecord,
        Action<TStore, IProcessorContext<string, string>>? onInit = null)
        where TStore : class, IStateStore =>
        Topology.Create()
            .AddSource(Input + "-source", Serdes.String(), Serdes.String(), Input)
            .AddProcessor<string, string, string, string>("proc", () => new StoreProcessor<TStore>(builder.Name, onRecord, onInit), Input + "-source")
            .AddSink("sink", Output, Serdes.String(), Serdes.String(), "proc")
            .AddStateStore(builder, "proc");

    /// <summary>A topology whose processor runs each record's value as a <see cref="StoreScript"/>.</summary>
    public static Topology Scripted(IStoreBuilder<IKeyValueStore<string, string>> builder) =>
        With(builder, (store, record, _) => StoreScript.Run(store, record.Value));

    private static IStoreBuilder<T> Configure<T>(IStoreBuilder<T> builder, bool caching, bool logging)
        where T : IStateStore
    {
        builder = caching ? builder.WithCachingEnabled() : builder.WithCachingDisabled();
        return logging ? builder.WithLoggingEnabled() : builder.WithLoggingDisabled();
    }

    private sealed class StoreProcessor<TStore>(
        string storeName,
        Action<TStore, Record<string, string>, IProcessorContext<string, string>> onRecord,
        Action<TStore, IProcessorContext<string, string>>? onInit) : IProcessor<string, string, string, string>
        where TStore : IStateStore
    {
        private TStore? _store;
        private IProcessorContext<string, string>? _context;

        public void Init(IProcessorContext<string, string> context)
        {
            _context = context;
            _store = context.GetStateStore<TStore>(storeName);
            onInit?.Invoke(_store, context);
        }

        public void Process(Record<string, string> record) => onRecord(_store!, record, _context!);
    }
}

/// <summary>
/// Store writes spelled as text, so that one piped record runs several writes in one Process call:
/// <c>put k v; delete k; putifabsent k v; putall k1 v1 k2 v2</c>.
/// </summary>
internal static class StoreScript
{
    public static void Run(IKeyValueStore<string, string> store, string script)
    {
        foreach (var command in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "put":
                    store.Put(words[1], words[2]);
                    break;
                case "delete":
                    store.Delete(words[1], out _);
                    break;
                case "putifabsent":
                    store.PutIfAbsent(words[1], words[2], out _);
                    break;
                case "putall":
                    store.PutAll(words.Skip(1).Chunk(2).Select(p => new KeyValue<string, string>(p[0], p[1])).ToList());
                    break;
                default:
                    throw new ArgumentException($"Unknown store command '{command}'", nameof(script));
            }
        }
    }
}
