using System.Globalization;
using StreamsApp.Streams.Dsl.Internal.Processors;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Builds a split: one splitter node, and one pass-through child per branch named <c>&lt;split name&gt;&lt;branch
/// name or position&gt;</c>, as Kafka Streams names them.
/// </summary>
internal sealed class BranchedKStreamImpl<TKey, TValue> : IBranchedKStream<TKey, TValue>
{
    private readonly InternalStreamsBuilder _builder;
    private readonly KStreamImpl<TKey, TValue> _source;
    private readonly string _splitterName;
    private readonly List<(Func<TKey, TValue, bool> Predicate, string Child)> _branches = [];
    private readonly Dictionary<string, IKStream<TKey, TValue>> _result = new(StringComparer.Ordinal);
    private string? _defaultChild;
    private bool _closed;

    public BranchedKStreamImpl(InternalStreamsBuilder builder, KStreamImpl<TKey, TValue> source, string splitterName)
    {
        _builder = builder;
        _source = source;
        _splitterName = splitterName;
        var branches = _branches;
        builder.AddFixedKeyProcessor(
            splitterName, () => new KStreamBranchProcessor<TKey, TValue>(branches, _defaultChild), source.NodeName);
    }

    public IBranchedKStream<TKey, TValue> Branch(Func<TKey, TValue, bool> predicate, Branched<TKey, TValue>? branched = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        EnsureOpen();
        var child = AddChild(branched, (_branches.Count + 1).ToString(CultureInfo.InvariantCulture));
        _branches.Add((predicate, child));
        return this;
    }

    public IReadOnlyDictionary<string, IKStream<TKey, TValue>> DefaultBranch(Branched<TKey, TValue>? branched = null)
    {
        EnsureOpen();
        _defaultChild = AddChild(branched, "0");
        _closed = true;
        return _result;
    }

    public IReadOnlyDictionary<string, IKStream<TKey, TValue>> NoDefaultBranch()
    {
        EnsureOpen();
        _closed = true;
        return _result;
    }

    private string AddChild(Branched<TKey, TValue>? branched, string position)
    {
        var child = _splitterName + (branched?.Name ?? position);

        // Kafka Streams' BranchedKStreamImpl draws a number for every branch, named or not.
        _builder.NewProcessorName(child);
        _builder.AddFixedKeyProcessor(child, () => new PassThroughProcessor<TKey, TValue>(), _splitterName);
        IKStream<TKey, TValue> stream = _source.With(child);
        var chained = branched?.Chain is { } chain ? chain(stream) : stream;
        if (chained is not null)
        {
            _result[child] = chained;
        }

        return child;
    }

    private void EnsureOpen()
    {
        if (_closed)
        {
            throw new InvalidOperationException("The split is complete: DefaultBranch or NoDefaultBranch was called");
        }
    }
}
