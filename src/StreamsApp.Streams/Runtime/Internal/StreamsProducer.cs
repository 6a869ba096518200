using Confluent.Kafka;
using StreamsApp.Streams.Errors.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's producer, shared by its tasks. Under exactly-once it is transactional: a transaction starts
/// with the first record after a commit, and a commit sends the consumed offsets with the consumer's group metadata
/// and commits the transaction, so output, changelogs and offsets become visible together or not at all.
/// </summary>
internal sealed class StreamsProducer : IDisposable
{
    // How long one transactional API call may block; not the transaction's own timeout (transaction.timeout.ms).
    private static readonly TimeSpan TransactionCallTimeout = TimeSpan.FromSeconds(60);
    private readonly ProducerConfig _config;
    private readonly KafkaLogForwarder _kafkaLog;
    private IProducer<byte[]?, byte[]?> _producer;
    private bool _inTransaction;

    public StreamsProducer(ProducerConfig config, Microsoft.Extensions.Logging.ILogger log)
    {
        _config = config;
        _kafkaLog = new KafkaLogForwarder(log);
        Transactional = config.TransactionalId is not null;
        _producer = Build();
    }

    public bool Transactional { get; }

    /// <summary>Sends a record (to <see cref="Partition.Any"/> to let the producer pick); the handler runs on librdkafka's delivery thread.</summary>
    public void Send(TopicPartition partition, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivery)
    {
        MaybeBeginTransaction();
        while (true)
        {
            try
            {
                _producer.Produce(partition, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                WaitForQueueSpace();
            }
            catch (KafkaException e) when (IsTaskMigrated(e))
            {
                throw new TaskMigratedException($"The producer cannot send because the tasks moved to another member: {e.Error.Reason}", e);
            }
        }
    }

    /// <summary>The local send queue is full (output outpaces the brokers): let part of it drain.</summary>
    private void WaitForQueueSpace() => _producer.Flush(TimeSpan.FromMilliseconds(100));

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
            _producer.SendOffsetsToTransaction(offsets, groupMetadata, TransactionCallTimeout);
        }

        _producer.CommitTransaction(TransactionCallTimeout);
        _inTransaction = false;
        return true;
    }

    /// <summary>Drops what the open transaction holds (its tasks are closed dirty and will reprocess).</summary>
    public void AbortTransaction()
    {
        if (_inTransaction)
        {
            _inTransaction = false;
            _producer.AbortTransaction(TransactionCallTimeout);
        }
    }

    /// <summary>
    /// After its tasks migrated: a fenced transactional producer is unusable, so it is replaced by a new one with the
    /// same transactional id, whose initialization aborts whatever the old one left open.
    /// </summary>
    public void Reset()
    {
        if (!Transactional)
        {
            return;
        }

        _inTransaction = false;
        _producer.Dispose();
        _producer = Build();
    }

    public void Dispose() => _producer.Dispose();

    private IProducer<byte[]?, byte[]?> Build()
    {
        var producer = new ProducerBuilder<byte[]?, byte[]?>(_config)
            .SetLogHandler((_, message) => _kafkaLog.Log(message))
            .Build();
        if (Transactional)
        {
            producer.InitTransactions(TransactionCallTimeout);
        }

        return producer;
    }

    private void MaybeBeginTransaction()
    {
        if (Transactional && !_inTransaction)
        {
            try
            {
                _producer.BeginTransaction();
            }
            catch (KafkaException e) when (IsTaskMigrated(e) || e.Error.IsFatal)
            {
                throw new TaskMigratedException($"The producer cannot begin a transaction: {e.Error.Reason}", e);
            }

            _inTransaction = true;
        }
    }

    /// <summary>
    /// Whether an error means another instance took over this thread's tasks (fenced producer, a transaction that
    /// must be aborted after a producer epoch bump, a group generation or, under the consumer protocol, a member epoch
    /// that moved on): then the tasks are closed as
    /// migrated and the thread rejoins, as Kafka Streams' TaskMigratedException does.
    /// </summary>
    public static bool IsTaskMigrated(KafkaException e) =>
        e.Error.Code is ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch or ErrorCode.Local_Fenced
            or ErrorCode.UnknownMemberId or ErrorCode.IllegalGeneration or ErrorCode.RebalanceInProgress
            or ErrorCode.FencedInstanceId or ErrorCode.StaleMemberEpoch or ErrorCode.FencedMemberEpoch
        || (e is KafkaTxnRequiresAbortException);
}
