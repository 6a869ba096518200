namespace StreamsApp.Streams.Avro;

/// <summary>
/// One reason a reader schema cannot read data written with a writer schema.
/// </summary>
/// <param name="Path">
/// Where, as a JSON-pointer-like path through the reader schema: <c>/fields/currency</c>, <c>/fields/items/items</c>
/// for an array's items, <c>/values</c> for a map's values, <c>/symbols</c>, <c>/size</c> or <c>/name</c> of a named
/// type, <c>/</c> for the root; <c>/types/1</c> is the writer union's branch 1 (the one the reader cannot read).
/// </param>
/// <param name="Message">What does not resolve, such as "reader field has no default and is missing in writer".</param>
public sealed record SchemaIncompatibility(string Path, string Message)
{
    /// <summary>"path: message", the form the registry reports.</summary>
    public override string ToString() => Path + ": " + Message;
}
