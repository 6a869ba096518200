using Avro;
using Avro.Specific;

namespace StreamsApp.Streams.Avro.Tests.Records;

/// <summary>
/// A specific record written as avrogen would (the event contracts' C# types have this shape). Apache.Avro finds
/// the class by the schema's full name, so the Avro namespace is this C# namespace.
/// </summary>
public sealed class Payment : ISpecificRecord
{
    public static readonly Schema SchemaV1 = Schema.Parse("""
        {"type": "record", "name": "Payment", "namespace": "StreamsApp.Streams.Avro.Tests.Records",
         "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]}
        """);

    public string Id { get; set; } = string.Empty;

    public double Amount { get; set; }

    public Schema Schema => SchemaV1;

    public object Get(int fieldPos) => fieldPos switch
    {
        0 => Id,
        1 => Amount,
        _ => throw new AvroRuntimeException("Bad index " + fieldPos),
    };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: Id = (string)fieldValue; break;
            case 1: Amount = (double)fieldValue; break;
            default: throw new AvroRuntimeException("Bad index " + fieldPos);
        }
    }
}
