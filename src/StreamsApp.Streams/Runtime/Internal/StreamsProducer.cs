using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's producer, shared by its tasks. Under exactly-once it is transactional: a transaction starts
/// with the first record after a commit, and a commit sends the consumed offsets with the consumer's group metadata
/// and commits the transaction, so output, changelogs and offsets become visible together or not at all.
/// </summary>
internal sealed class StreamsProducer : IDisposable
{
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(60);
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private bool _inTransaction;

    public StreamsProducer(ProducerConfig config)
    {
        Transactional = config.TransactionalId is not null;
        _producer = new ProducerBuilder<byte[]?, byte[]?>(config).Build();
        if (Transactional)
        {
            _producer.InitTransactions(TransactionTimeout);
        }
    }

    public bool Transactional { get; }

    /// <summary>Sends a record; the handler runs on librdkafka's delivery thread.</summary>
    public void Send(TopicPartition partition, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivery)
    {
        MaybeBeginTransaction();
        _producer.Produce(partition, message, onDelivery);
    }

    /// <summary>Sends a record to a partition the producer picks (no key).</summary>
    public void Send(string topic, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivery)
    {
        MaybeBeginTransaction();
        _producer.Produce(topic, message, onDelivery);
    }

    /// <summary>Waits until every record sent is acknowledged (or failed).</summary>
    public void Flush(CancellationToken cancellationToken = default) => _producer.Flush(cancellationToken);

    /// <summary>
    /// Exactly-once commit: the offsets join the transaction, which then commits. Returns false when no
    /// transaction was open (nothing was sent), in which case the caller commits offsets itself.
    /// </summary>
    public bool CommitTransaction(IReadOnlyCollection<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata)
    {
        if (offsets.Count > 0)
        {
            MaybeBeginTransaction();
        }

        if (!_inTransaction)
        {
            return false;
        }

        if (offsets.Count > 0)
        {
            _producer.SendOffsetsToTransaction(offsets, groupMetadata, TransactionTimeout);
        }

        _producer.CommitTransaction(TransactionTimeout);
        _inTransaction = false;
        return true;
    }

    /// <summary>Drops what the open transaction holds (its tasks are closed dirty and will reprocess).</summary>
    public void AbortTransaction()
    {
        if (_inTransaction)
        {
            _inTransaction = false;
            _producer.AbortTransaction(TransactionTimeout);
        }
    }

    public void Dispose() => _producer.Dispose();

    private void MaybeBeginTransaction()
    {
        if (Transactional && !_inTransaction)
        {
            _producer.BeginTransaction();
            _inTransaction = true;
        }
    }

    /// <summary>
    /// Whether an error means another instance took over this thread's tasks (fenced producer, a transaction that
    /// must be aborted after a producer epoch bump, a group generation that moved on): then the tasks are closed as
    /// migrated and the thread rejoins, as Kafka Streams' TaskMigratedException does.
    /// </summary>
    public static bool IsTaskMigrated(KafkaException e) =>
        e.Error.Code is ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch or ErrorCode.Local_Fenced
            or ErrorCode.UnknownMemberId or ErrorCode.IllegalGeneration or ErrorCode.RebalanceInProgress
            or ErrorCode.FencedInstanceId
        || (e is KafkaTxnRequiresAbortException);

    /// <summary>Wraps a fatal producer error.</summary>
    public static StreamsException Fatal(KafkaException e) =>
        new($"The stream thread's producer failed and cannot continue: {e.Error.Reason}", e);
}
