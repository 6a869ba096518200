namespace StreamsApp.Streams.Processing;

/// <summary>The context a <see cref="IProcessor{TKeyIn, TValueIn, TKeyOut, TValueOut}"/> forwards through.</summary>
/// <typeparam name="TKeyOut">The key type forwarded downstream.</typeparam>
/// <typeparam name="TValueOut">The value type forwarded downstream.</typeparam>
public interface IProcessorContext<TKeyOut, TValueOut> : IProcessingContext
{
    /// <summary>Sends a record to every child processor.</summary>
    /// <param name="record">The record.</param>
    void Forward(Record<TKeyOut, TValueOut> record);

    /// <summary>Sends a record to one named child processor.</summary>
    /// <param name="record">The record.</param>
    /// <param name="childName">The child's node name.</param>
    /// <exception cref="Errors.StreamsException">No child has that name.</exception>
    void Forward(Record<TKeyOut, TValueOut> record, string childName);
}

/// <summary>The context a <see cref="IFixedKeyProcessor{TKey, TValueIn, TValueOut}"/> forwards through.</summary>
/// <typeparam name="TKey">The key type, unchanged.</typeparam>
/// <typeparam name="TValueOut">The value type forwarded downstream.</typeparam>
public interface IFixedKeyProcessorContext<TKey, TValueOut> : IProcessingContext
{
    /// <summary>Sends a record to every child processor.</summary>
    /// <param name="record">The record, derived from the input record.</param>
    void Forward(FixedKeyRecord<TKey, TValueOut> record);

    /// <summary>Sends a record to one named child processor.</summary>
    /// <param name="record">The record, derived from the input record.</param>
    /// <param name="childName">The child's node name.</param>
    void Forward(FixedKeyRecord<TKey, TValueOut> record, string childName);
}
