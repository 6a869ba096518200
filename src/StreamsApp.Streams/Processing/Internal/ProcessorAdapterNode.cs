namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Runs a user (or DSL) <see cref="IProcessor{TKeyIn, TValueIn, TKeyOut, TValueOut}"/> as a node.</summary>
internal sealed class ProcessorAdapterNode<TKeyIn, TValueIn, TKeyOut, TValueOut>(
    string name, IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut> processor, IReadOnlySet<string> stores)
    : ProcessorNode<TKeyIn, TValueIn>(name)
{
    private readonly ChildNodes<TKeyOut, TValueOut> _children = new(name);
    private NodeErrorGuard _guard;

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKeyOut), typeof(TValueOut));

    public override void AddChild(ProcessorNode child) => _children.Add(child);

    public override void Init(TaskContext context)
    {
        _guard = new NodeErrorGuard(context, Name);
        processor.Init(new ProcessorContext<TKeyOut, TValueOut>(context, Name, stores, _children));
    }

    public override void Process(Record<TKeyIn, TValueIn> record)
    {
        try
        {
            processor.Process(record);
        }
        catch (Exception e) when (NodeErrorGuard.ShouldHandle(e))
        {
            _guard.Handle(e, record.Key, record.Value, record.Timestamp);
        }
    }

    public override void Close() => processor.Close();
}
