using Avro;
using Avro.Generic;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>Schemas and records the tests share: versions of the Payment record.</summary>
internal static class Schemas
{
    public const string PaymentName = "StreamsApp.Streams.Avro.Tests.Records.Payment";

    /// <summary>Payment v2: adds an optional currency with a default (a backward and forward compatible change).</summary>
    public static readonly RecordSchema PaymentV2WithCurrency = Record("""
        [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"},
         {"name": "currency", "type": "string", "default": "EUR"}]
        """);

    /// <summary>Payment with a required reference and no amount: Payment v1 readers cannot read it.</summary>
    public static readonly RecordSchema PaymentWithRequiredReference = Record("""
        [{"name": "id", "type": "string"}, {"name": "reference", "type": "string"}]
        """);

    public static RecordSchema Record(string fieldsJson, string name = PaymentName) =>
        (RecordSchema)Schema.Parse("{\"type\": \"record\", \"name\": \"" + name + "\", \"fields\": " + fieldsJson + "}");

    public static GenericRecord Generic(RecordSchema schema, params (string Field, object Value)[] values)
    {
        var record = new GenericRecord(schema);
        foreach (var (field, value) in values)
        {
            record.Add(field, value);
        }

        return record;
    }
}
