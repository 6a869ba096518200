using Avro;
using Avro.Specific;

namespace StreamsApp.Contracts;

/// <summary>
/// Base of the contract types: the <see cref="ISpecificRecord"/> plumbing Apache.Avro's specific reader and writer
/// call, delegated to the type's <see cref="ContractFields{TRecord}"/>. Apache.Avro's reader creates nested records,
/// arrays and enums by their Avro full name, so a contract type's C# full name equals its schema's full name.
/// </summary>
/// <typeparam name="TSelf">The contract type itself.</typeparam>
public abstract class ContractRecord<TSelf> : ISpecificRecord
    where TSelf : ContractRecord<TSelf>
{
    /// <summary>The type's current schema, from its <c>.avsc</c> file.</summary>
    public Schema Schema => Fields.Schema;

    /// <summary>The bindings of the type's schema fields to its properties.</summary>
    protected abstract ContractFields<TSelf> Fields { get; }

    /// <inheritdoc/>
    public object? Get(int fieldPos) => Fields.Get((TSelf)this, fieldPos);

    /// <inheritdoc/>
    public void Put(int fieldPos, object? fieldValue) => Fields.Put((TSelf)this, fieldPos, fieldValue);
}
