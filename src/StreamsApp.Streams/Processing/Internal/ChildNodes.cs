using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>A node's typed children, kept in an array so forwarding does not allocate.</summary>
internal sealed class ChildNodes<TKey, TValue>(string parentName)
{
    private ProcessorNode<TKey, TValue>[] _children = [];

    public ReadOnlySpan<ProcessorNode<TKey, TValue>> All => _children;

    public void Add(ProcessorNode child)
    {
        if (child is not ProcessorNode<TKey, TValue> typed)
        {
            throw new TopologyException(
                $"node '{child.Name}' cannot receive <{typeof(TKey).Name}, {typeof(TValue).Name}> records from '{parentName}'");
        }

        _children = [.. _children, typed];
    }

    public void Forward(Record<TKey, TValue> record)
    {
        foreach (var child in _children)
        {
            child.Process(record);
        }
    }

    public void Forward(Record<TKey, TValue> record, string childName)
    {
        foreach (var child in _children)
        {
            if (child.Name == childName)
            {
                child.Process(record);
                return;
            }
        }

        throw new StreamsException($"Processor '{parentName}' has no child named '{childName}'");
    }
}
