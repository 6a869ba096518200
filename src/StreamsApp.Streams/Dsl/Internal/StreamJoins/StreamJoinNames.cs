namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// The node and store names of a stream-stream join, drawn in Kafka Streams' order (windowed this, windowed other,
/// join this, join other, merge) so that generated names and Describe() match it. A user name replaces the
/// processor names (<c>&lt;name&gt;-this-windowed</c> etc.), each still drawing its number as in Kafka Streams'
/// <c>KStreamImplJoin</c>; a store name replaces the store names.
/// </summary>
internal sealed record StreamJoinNames(
    string ThisWindowed, string OtherWindowed, string JoinThis, string JoinOther, string Merge,
    string ThisStore, string OtherStore, string? OuterStore)
{
    public static StreamJoinNames Draw(InternalStreamsBuilder builder, string? name, string? storeName, bool leftOuter, bool rightOuter)
    {
        var thisSuffix = rightOuter ? "-outer-this-join" : "-this-join";
        var otherSuffix = leftOuter ? "-outer-other-join" : "-other-join";
        var thisWindowed = builder.SuffixedOrGenerate(name, "-this-windowed", "KSTREAM-WINDOWED-");
        var otherWindowed = builder.SuffixedOrGenerate(name, "-other-windowed", "KSTREAM-WINDOWED-");
        // Kafka Streams draws the join names even when the user names the join: the stores are named after them.
        var thisPrefix = rightOuter ? "KSTREAM-OUTERTHIS-" : "KSTREAM-JOINTHIS-";
        var generatedThis = builder.NewProcessorName(thisPrefix);
        var generatedOther = builder.NewProcessorName(leftOuter ? "KSTREAM-OUTEROTHER-" : "KSTREAM-JOINOTHER-");
        var merge = builder.SuffixedOrGenerate(name, "-merge", "KSTREAM-MERGE-");
        var outerStore = leftOuter || rightOuter
            ? (storeName is null
                ? "KSTREAM-OUTERSHARED-" + generatedThis[thisPrefix.Length..]
                : storeName + (rightOuter ? "-outer-shared-join" : "-left-shared-join")) + "-store"
            : null;
        return new StreamJoinNames(
            thisWindowed,
            otherWindowed,
            name is null ? generatedThis : name + thisSuffix,
            name is null ? generatedOther : name + otherSuffix,
            merge,
            (storeName is null ? generatedThis : storeName + thisSuffix) + "-store",
            (storeName is null ? generatedOther : storeName + otherSuffix) + "-store",
            outerStore);
    }
}
