using StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;
using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Foreign-key table joins (KIP-213), wired as in Kafka Streams through two internal topics: subscriptions go to the
/// task owning the foreign key (<c>-subscription-registration-topic</c>, keyed by foreign key, so with the right
/// table's partition count), which remembers them in a prefix-scannable store and answers through
/// <c>-subscription-response-topic</c> (keyed by the left key, so with the left table's partition count).
/// </summary>
internal sealed partial class KTableImpl<TKey, TValue>
{
    public IKTable<TKey, TResult> Join<TForeignKey, TForeignValue, TResult>(
        IKTable<TForeignKey, TForeignValue> other, Func<TValue, TForeignKey?> foreignKeyExtractor,
        Func<TValue, TForeignValue, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null) =>
        ForeignKeyJoin(other, foreignKeyExtractor, joiner, leftJoin: false, named, materialized);

    public IKTable<TKey, TResult> LeftJoin<TForeignKey, TForeignValue, TResult>(
        IKTable<TForeignKey, TForeignValue> other, Func<TValue, TForeignKey?> foreignKeyExtractor,
        Func<TValue, TForeignValue, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null) =>
        ForeignKeyJoin(other, foreignKeyExtractor, joiner, leftJoin: true, named, materialized);

    private KTableImpl<TKey, TResult> ForeignKeyJoin<TForeignKey, TForeignValue, TResult>(
        IKTable<TForeignKey, TForeignValue> other, Func<TValue, TForeignKey?> foreignKeyExtractor,
        Func<TValue, TForeignValue, TResult> joiner, bool leftJoin, Named? named, Materialized<TKey, TResult>? materialized)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(foreignKeyExtractor);
        ArgumentNullException.ThrowIfNull(joiner);
        var foreign = (KTableImpl<TForeignKey, TForeignValue>)other;

        // Names are drawn in Kafka Streams' order (KTableImpl.doJoinOnForeignKey), a user's name drawing its number too,
        // so that generated numbers (and so Describe()) line up.
        string Name(string suffix, string prefix) => _builder.SuffixedOrGenerate(named?.Name, suffix, prefix);
        var registrationTopic = Name("-subscription-registration", "KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-") + "-topic";
        var sendName = Name("-subscription-registration-processor", "KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-");
        var registrationSink = Name("-subscription-registration-sink", "KTABLE-SINK-");
        var registrationSource = Name("-subscription-registration-source", "KTABLE-SOURCE-");
        var subscriptionStore = Name("-subscription-store", "KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-");
        var receiveName = Name("-subscription-receive", "KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-");

        // Kafka Streams' separate join node; the receive node does its work here (decision 0007), but its number is
        // still drawn so that every generated name after it is the same as there.
        _ = Name("-subscription-join-foreign", "KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-");
        var foreignJoinName = Name("-foreign-join-subscription", "KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-");
        var responseTopic = Name("-subscription-response", "KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-") + "-topic";
        var responseSink = Name("-subscription-response-sink", "KTABLE-SINK-");
        var responseSource = Name("-subscription-response-source", "KTABLE-SOURCE-");
        var resolverName = Name("-subscription-response-resolver", "KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-");
        var outputName = Name("-result", "KTABLE-FK-JOIN-OUTPUT-");

        // Kafka Streams always names the result's store here (a generated name unless the user's) and materializes it
        // only when the user named it or something downstream needs its old values.
        var (resultStore, queryable) = MaterializedResolver.StoreName(materialized, _builder, "KTABLE-FK-JOIN-OUTPUT-");
        var storeName = queryable;

        // Our own node (left join only), drawn last so that Kafka Streams' names above keep their numbers.
        var nullKeyName = leftJoin ? Name("-null-foreign-key", "KTABLE-FK-JOIN-NULL-FOREIGN-KEY-") : null;

        var usage = $"Foreign-key join '{outputName}'";
        var keys = InternalStreamsBuilder.SerdeOrDefault(_keySerde, usage);
        var values = InternalStreamsBuilder.SerdeOrDefault(_valueSerde, usage);
        var foreignKeys = InternalStreamsBuilder.SerdeOrDefault(foreign._keySerde, usage);
        var foreignValues = InternalStreamsBuilder.SerdeOrDefault(foreign._valueSerde, usage);
        var leftGetter = RequireValueGetter(usage);
        var foreignGetter = foreign.RequireValueGetter(usage);

        // The left side needs each row's old foreign key to unsubscribe from it.
        EnableSendingOldValues();
        _builder.AddProcessor(
            sendName, () => new SubscriptionSendProcessor<TKey, TValue, TForeignKey>(foreignKeyExtractor, values, foreignKeys, leftJoin), NodeName);
        _builder.ThroughInternalTopic(
            [sendName], registrationTopic, registrationSink, registrationSource, foreignKeys, new SubscriptionWrapperSerde<TKey>(keys));

        _builder.AddProcessor(
            receiveName,
            () => new SubscriptionReceiveProcessor<TForeignKey, TKey, TForeignValue>(subscriptionStore, foreignGetter, foreignKeys, keys),
            registrationSource);
        _builder.AddProcessor(
            foreignJoinName, () => new ForeignTableJoinProcessor<TForeignKey, TForeignValue, TKey>(subscriptionStore, foreignKeys, keys),
            foreign.NodeName);
        _builder.Topology.AddStateStore(
            Stores.TimestampedKeyValueStoreBuilder(Stores.PersistentKeyValueStore(subscriptionStore), Serdes.ByteArray(), Serdes.ByteArray()),
            [receiveName, foreignJoinName]);
        ConnectStores(receiveName, foreignGetter.StoreNames);
        _builder.ThroughInternalTopic(
            [receiveName, foreignJoinName], responseTopic, responseSink, responseSource, keys, new SubscriptionResponseSerde<TForeignValue>(foreignValues));

        _builder.AddProcessor(
            resolverName,
            () => new ResponseResolverProcessor<TKey, TValue, TForeignValue, TResult>(leftGetter, values, joiner, leftJoin),
            responseSource);
        ConnectStores(resolverName, leftGetter.StoreNames);
        string[] outputParents = [resolverName];
        if (nullKeyName is not null)
        {
            _builder.AddProcessor(
                nullKeyName,
                () => new NullForeignKeyProcessor<TKey, TValue, TForeignKey, TForeignValue, TResult>(foreignKeyExtractor, joiner),
                NodeName);
            outputParents = [resolverName, nullKeyName];
        }

        // Responses carry no old result, so only a store can supply old values: an unmaterialized result gets one
        // when downstream asks for old values (as Kafka Streams' KTableSource materializes itself then). The
        // processor's supplier reads storeName when the topology is instantiated, after that decision.
        void Materialize(Materialized<TKey, TResult>? options)
        {
            var resultValues = InternalStreamsBuilder.SerdeOrDefault(options?.ValueSerde, usage);
            _builder.Topology.AddStateStore(
                MaterializedResolver.StoreBuilder(options, storeName!, options?.KeySerde ?? keys, resultValues), [outputName]);
        }

        Action? materializeForOldValues = storeName is not null ? null : () =>
        {
            if (storeName is null)
            {
                storeName = resultStore;
                Materialize(materialized);
            }
        };
        var result = new KTableImpl<TKey, TResult>(
            _builder, outputName, queryable, materialized?.KeySerde ?? _keySerde, materialized?.ValueSerde, true,
            materializeForOldValues, storeName is null ? null : new StoreValueGetterSupplier<TKey, TResult>(storeName));
        var resultSendOld = result.SendOldValues;
        _builder.AddProcessor(
            outputName, () => new KTableKTableJoinMergeProcessor<TKey, TResult>(storeName, resultSendOld), outputParents);
        if (storeName is not null)
        {
            Materialize(materialized);
        }

        return result;
    }
}
