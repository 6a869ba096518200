using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>A processor built from delegates, so each test shows its logic inline.</summary>
internal sealed class LambdaProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>(
    Action<IProcessorContext<TKeyOut, TValueOut>, Record<TKeyIn, TValueIn>> process,
    Action<IProcessorContext<TKeyOut, TValueOut>>? init = null,
    Action? close = null) : IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>
{
    private IProcessorContext<TKeyOut, TValueOut>? _context;

    public void Init(IProcessorContext<TKeyOut, TValueOut> context)
    {
        _context = context;
        init?.Invoke(context);
    }

    public void Process(Record<TKeyIn, TValueIn> record) => process(_context!, record);

    public void Close() => close?.Invoke();
}

/// <summary>A value-only processor built from delegates.</summary>
internal sealed class LambdaFixedKeyProcessor<TKey, TValueIn, TValueOut>(
    Action<IFixedKeyProcessorContext<TKey, TValueOut>, FixedKeyRecord<TKey, TValueIn>> process,
    Action<IFixedKeyProcessorContext<TKey, TValueOut>>? init = null) : IFixedKeyProcessor<TKey, TValueIn, TValueOut>
{
    private IFixedKeyProcessorContext<TKey, TValueOut>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValueOut> context)
    {
        _context = context;
        init?.Invoke(context);
    }

    public void Process(FixedKeyRecord<TKey, TValueIn> record) => process(_context!, record);
}

/// <summary>Small topologies most tests start from.</summary>
internal static class TestTopologies
{
    /// <summary>input (string, string) → source → processor → sink → output (string, string).</summary>
    public static Topology Pipeline(Func<IProcessor<string, string, string, string>> supplier) =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("processor", supplier, "source")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "processor");

    /// <summary>A processor that forwards every record unchanged after running <paramref name="observe"/>.</summary>
    public static Func<IProcessor<string, string, string, string>> Observing(
        Action<IProcessorContext<string, string>, Record<string, string>> observe) =>
        () => new LambdaProcessor<string, string, string, string>((context, record) =>
        {
            observe(context, record);
            context.Forward(record);
        });
}
