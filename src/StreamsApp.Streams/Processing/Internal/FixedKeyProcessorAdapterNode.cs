namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Runs an <see cref="IFixedKeyProcessor{TKey, TValueIn, TValueOut}"/> as a node.</summary>
internal sealed class FixedKeyProcessorAdapterNode<TKey, TValueIn, TValueOut>(
    string name, IFixedKeyProcessor<TKey, TValueIn, TValueOut> processor, IReadOnlySet<string> stores)
    : ProcessorNode<TKey, TValueIn>(name)
{
    private readonly ChildNodes<TKey, TValueOut> _children = new(name);
    private NodeErrorGuard _guard;

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKey), typeof(TValueOut));

    public override void AddChild(ProcessorNode child) => _children.Add(child);

    public override void Init(TaskContext context)
    {
        _guard = new NodeErrorGuard(context, Name);
        processor.Init(new ProcessorContext<TKey, TValueOut>(context, Name, stores, _children));
    }

    public override void Process(Record<TKey, TValueIn> record)
    {
        try
        {
            processor.Process(new FixedKeyRecord<TKey, TValueIn>(record.Key, record.Value, record.Timestamp, record.Headers));
        }
        catch (Exception e) when (NodeErrorGuard.ShouldHandle(e))
        {
            _guard.Handle(e, record.Key, record.Value, record.Timestamp);
        }
    }

    public override void Close() => processor.Close();
}
