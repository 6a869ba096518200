namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// A left row's subscription to a foreign key: the left key, the hash of the left value it was sent for (null for a
/// deleted row) and what the right side should do with it.
/// </summary>
internal readonly record struct SubscriptionWrapper<TKey>(byte[]? ValueHash, SubscriptionInstruction Instruction, TKey PrimaryKey);

/// <summary>A right row's answer to a subscription: the hash it answers and the right value, if any.</summary>
internal readonly record struct SubscriptionResponse<TValue>(byte[]? ValueHash, bool HasValue, TValue ForeignValue);
