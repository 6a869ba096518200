using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>A stream-stream join of topics "left" and "right" into "out", with values joined as "l+r" (absent: "null").</summary>
public sealed class StreamStreamJoinSupport : IDisposable
{
    public enum Kind
    {
        Inner,
        Left,
        Outer,
    }

    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    public StreamStreamJoinSupport(Kind kind, JoinWindows windows, int partitions = 1)
    {
        Driver = DslTestSupport.Driver(Build(kind, windows), ("left", partitions), ("right", partitions));
        Left = Driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        Right = Driver.CreateInputTopic("right", Serdes.String(), Serdes.String());
        Output = Driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());
    }

    public TopologyTestDriver Driver { get; }

    public TestInputTopic<string, string> Left { get; }

    public TestInputTopic<string, string> Right { get; }

    public TestOutputTopic<string, string> Output { get; }

    public static string Joiner(string? left, string? right) => (left ?? "null") + "+" + (right ?? "null");

    public static Topology Build(
        Kind kind, JoinWindows windows, Func<IKStream<string, string>, IKStream<string, string>>? shapeLeft = null,
        StreamJoined<string, string, string>? streamJoined = null)
    {
        var builder = new StreamsBuilder();
        var left = builder.Stream("left", Strings);
        left = shapeLeft?.Invoke(left) ?? left;
        var right = builder.Stream("right", Strings);
        var joined = kind switch
        {
            Kind.Inner => left.Join(right, Joiner, windows, streamJoined),
            Kind.Left => left.LeftJoin(right, Joiner, windows, streamJoined),
            _ => left.OuterJoin(right, Joiner, windows, streamJoined),
        };
        joined.To("out", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    public List<(string Key, string Value, long? Timestamp)> ReadAll() => Output.ReadAll();

    public void Dispose() => Driver.Dispose();
}
