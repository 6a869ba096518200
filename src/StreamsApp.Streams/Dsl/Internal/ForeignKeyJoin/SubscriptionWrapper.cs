namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// A left row's subscription to a foreign key: the left key, the hash of the left value it was sent for (null for a
/// deleted row) and what the right side should do with it.
/// </summary>
internal readonly record struct SubscriptionWrapper<TKey>(byte[]? ValueHash, SubscriptionInstruction Instruction, TKey PrimaryKey);
