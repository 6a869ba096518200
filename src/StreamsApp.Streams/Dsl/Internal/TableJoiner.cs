namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// A table-table join's row semantics: which side may be absent from a result row (inner: neither; left: the right
/// one; outer: either, but not both). An absent side reaches the joiner as <c>default</c> (null for reference and
/// nullable types).
/// </summary>
internal sealed class TableJoiner<TLeft, TRight, TResult>(Func<TLeft, TRight, TResult> joiner, bool leftOptional, bool rightOptional)
{
    public bool LeftOptional => leftOptional;

    public bool RightOptional => rightOptional;

    /// <summary>Joins the two sides' rows; false when the join has no row for this combination (or the joiner returned null).</summary>
    public bool TryJoin(bool hasLeft, TLeft left, bool hasRight, TRight right, out TResult result)
    {
        if ((!hasLeft && !leftOptional) || (!hasRight && !rightOptional) || (!hasLeft && !hasRight))
        {
            result = default!;
            return false;
        }

        result = joiner(hasLeft ? left : default!, hasRight ? right : default!);
        return result is not null;
    }

    /// <summary>The same join seen from the right side (for the processor that receives the right table's updates).</summary>
    public TableJoiner<TRight, TLeft, TResult> Reversed() => new((right, left) => joiner(left, right), rightOptional, leftOptional);
}
