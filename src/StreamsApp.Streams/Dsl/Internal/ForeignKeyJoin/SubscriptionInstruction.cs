namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>What the right side does with a subscription besides storing or removing it (as in KIP-213).</summary>
internal enum SubscriptionInstruction : byte
{
    /// <summary>Remove the subscription silently: the left row moved to another foreign key, which answers instead.</summary>
    DeleteKeyNoPropagate = 0,

    /// <summary>Remove the subscription and answer with no right value, so that the left side retracts its result.</summary>
    DeleteKeyAndPropagate = 1,

    /// <summary>Subscribe and always answer; with no right row the answer carries no value (left join, or a moved key).</summary>
    PropagateNullIfNoForeignValue = 2,

    /// <summary>Subscribe and answer only when the right row exists (inner join, first subscription).</summary>
    PropagateOnlyIfForeignValue = 3,
}
