namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>A right row's answer to a subscription: the hash it answers and the right value, if any.</summary>
internal readonly record struct SubscriptionResponse<TValue>(byte[]? ValueHash, bool HasValue, TValue ForeignValue);
