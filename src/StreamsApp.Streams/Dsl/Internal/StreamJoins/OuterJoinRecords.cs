namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// The key of a record waiting in the shared outer-join store (Kafka Streams' <c>TimestampedKeyAndJoinSide</c>):
/// serialized timestamp first, so that the store iterates the oldest waiting records first.
/// </summary>
internal readonly record struct TimestampedKeyAndJoinSide<TKey>(long Timestamp, bool LeftSide, TKey Key);

/// <summary>The value of a record waiting in the shared outer-join store: one side's value (Kafka Streams' <c>LeftOrRightValue</c>).</summary>
internal readonly record struct LeftOrRightValue<TLeft, TRight>(bool IsLeft, TLeft Left, TRight Right)
{
    public static LeftOrRightValue<TLeft, TRight> OfLeft(TLeft value) => new(true, value, default!);

    public static LeftOrRightValue<TLeft, TRight> OfRight(TRight value) => new(false, default!, value);
}
