using BenchmarkDotNet.Attributes;

namespace StreamsApp.Benchmarks;

/// <summary>
/// What every driver benchmark shares, ours and Streamiz's: the same pre-serialized order records, made before
/// anything is measured, and a fresh driver on a fresh state directory per iteration, both removed after it.
/// </summary>
/// <typeparam name="TDriver">The engine's test driver.</typeparam>
[Config(typeof(RecordsPerSecondConfig))]
public abstract class DriverIterations<TDriver> : IDisposable
    where TDriver : class, IDisposable
{
    /// <summary>How many records each benchmark pipes.</summary>
    internal const int RecordCount = 1_000_000;

    /// <summary>How many customer keys they spread over.</summary>
    internal const int KeyCount = 10_000;

    private string? _stateDir;

    /// <summary>The order records every driver benchmark pipes.</summary>
    internal static OrderRecords Input { get; } = new(RecordCount, KeyCount);

    /// <summary>This iteration's driver; null outside an iteration.</summary>
    protected TDriver? Driver { get; private set; }

    /// <summary>Makes the input before anything is measured.</summary>
    [GlobalSetup]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls setups on the benchmark instance")]
    public void GenerateInput() => _ = Input.Keys;

    [IterationCleanup]
    public void Cleanup()
    {
        Driver?.Dispose();
        Driver = null;
        if (_stateDir is not null)
        {
            Directory.Delete(_stateDir, recursive: true);
            _stateDir = null;
        }
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts this iteration's driver, made by <paramref name="create"/> on a fresh state directory.</summary>
    protected TDriver StartDriver(string prefix, Func<string, TDriver> create)
    {
        _stateDir = Directory.CreateTempSubdirectory(prefix).FullName;
        return Driver = create(_stateDir);
    }
}
