using Avro;

namespace StreamsApp.Contracts;

/// <summary>
/// Binds the fields of a contract type's Avro schema to its properties, by field name, so that
/// <see cref="Avro.Specific.ISpecificRecord"/>'s positional <c>Get</c>/<c>Put</c> follow the schema's field order.
/// Built once per type; <see cref="Complete"/> fails at type initialization if a schema field has no property.
/// </summary>
/// <typeparam name="TRecord">The contract type.</typeparam>
public sealed class ContractFields<TRecord>
    where TRecord : class
{
    private readonly Func<TRecord, object?>[] getters;
    private readonly Action<TRecord, object?>[] setters;

    /// <summary>Starts the bindings of <typeparamref name="TRecord"/> against its current schema file.</summary>
    /// <exception cref="InvalidOperationException">The type has no schema file, or its schema is not a record.</exception>
    public ContractFields()
    {
        Schema = ContractSchemas.For(typeof(TRecord)) as RecordSchema
            ?? throw new InvalidOperationException($"The schema of {typeof(TRecord).FullName} is not a record.");
        getters = new Func<TRecord, object?>[Schema.Count];
        setters = new Action<TRecord, object?>[Schema.Count];
    }

    /// <summary>The record schema the fields belong to.</summary>
    public RecordSchema Schema { get; }

    /// <summary>Binds a schema field to a property.</summary>
    /// <typeparam name="TValue">The property type: decimals map to the decimal logical type, <see cref="DateTimeOffset"/> to timestamp-millis, enums by symbol, <see cref="IReadOnlyList{T}"/> to arrays.</typeparam>
    /// <param name="name">The field name in the schema.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Writes the property.</param>
    /// <returns>These bindings.</returns>
    public ContractFields<TRecord> Field<TValue>(string name, Func<TRecord, TValue> get, Action<TRecord, TValue> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        if (!Schema.TryGetField(name, out var field))
        {
            throw new InvalidOperationException($"{Schema.Fullname} has no field '{name}'.");
        }

        if (getters[field.Pos] is not null)
        {
            throw new InvalidOperationException($"Field '{name}' of {Schema.Fullname} is bound twice.");
        }

        var conversion = AvroConversion.For(typeof(TValue), field.Schema);
        getters[field.Pos] = record => conversion.ToAvro(get(record));
        setters[field.Pos] = (record, value) => set(record, (TValue)conversion.FromAvro(value)!);
        return this;
    }

    /// <summary>Checks that every schema field is bound.</summary>
    /// <returns>These bindings.</returns>
    /// <exception cref="InvalidOperationException">A schema field has no property.</exception>
    public ContractFields<TRecord> Complete()
    {
        var unbound = Schema.Fields.Where(field => getters[field.Pos] is null).Select(field => field.Name).ToArray();
        return unbound.Length == 0
            ? this
            : throw new InvalidOperationException($"{typeof(TRecord).FullName} binds no property to field(s) {string.Join(", ", unbound)} of its schema.");
    }

    /// <summary>The Avro value of the field at <paramref name="position"/>.</summary>
    internal object? Get(TRecord record, int position) => getters[Checked(position)](record);

    /// <summary>Sets the property bound to the field at <paramref name="position"/> from its Avro value.</summary>
    internal void Put(TRecord record, int position, object? value) => setters[Checked(position)](record, value);

    private int Checked(int position) =>
        position >= 0 && position < getters.Length
            ? position
            : throw new AvroRuntimeException($"{Schema.Fullname} has no field at position {position}.");
}
