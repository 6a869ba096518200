namespace StreamsApp.Streams.Processing.Internal;

/// <summary>A node of one task's processor graph: a source, a processor or a sink.</summary>
internal abstract class ProcessorNode(string name)
{
    public string Name { get; } = name;

    /// <summary>The node's output types; null for sinks, which forward nothing.</summary>
    public abstract (Type Key, Type Value)? OutputTypes { get; }

    /// <summary>Wires a child. The topology builder has already checked that its input types match <see cref="OutputTypes"/>.</summary>
    public abstract void AddChild(ProcessorNode child);

    public abstract void Init(TaskContext context);

    public abstract void Close();
}

/// <summary>A node that receives records of one key and value type.</summary>
internal abstract class ProcessorNode<TKey, TValue>(string name) : ProcessorNode(name)
{
    public abstract void Process(Record<TKey, TValue> record);
}
