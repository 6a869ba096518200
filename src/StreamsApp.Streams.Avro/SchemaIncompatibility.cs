namespace StreamsApp.Streams.Avro;

/// <summary>
/// One reason a reader schema cannot read data written with a writer schema.
/// </summary>
/// <param name="Path">
/// Where in the reader schema, as a JSON-pointer-like path: <c>/fields/currency</c>, <c>/fields/items/items</c> for an
/// array's items, <c>/values</c> for a map's values, <c>/types/1</c> for a union branch, <c>/</c> for the root.
/// </param>
/// <param name="Message">What does not resolve, such as "reader field has no default and is missing in writer".</param>
public sealed record SchemaIncompatibility(string Path, string Message)
{
    /// <summary>"path: message", the form the registry reports.</summary>
    public override string ToString() => Path + ": " + Message;
}
