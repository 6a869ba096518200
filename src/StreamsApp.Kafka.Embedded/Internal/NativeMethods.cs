using System.Runtime.InteropServices;
using System.Text;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// The librdkafka C functions the embedded cluster needs: a producer handle to own the mock cluster, and the
/// mock cluster API (rdkafka_mock.h, an experimental API without ABI promise; signatures as of librdkafka 2.16.0).
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    internal const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    internal const int ConfOk = 0;

    /// <summary>The size of the errstr buffers librdkafka writes into.</summary>
    internal const int ErrorBufferSize = 512;

    static NativeMethods() => LibrdkafkaLibrary.Register();

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_new")]
    internal static partial IntPtr ConfNew();

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_set_opaque")]
    internal static partial void ConfSetOpaque(IntPtr conf, IntPtr opaque);

    /// <summary>A null callback turns logging off.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_set_log_cb")]
    internal static partial void ConfSetLogCallback(
        IntPtr conf, delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, IntPtr, void> logCallback);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_opaque")]
    internal static partial IntPtr Opaque(IntPtr rk);

    /// <summary>Takes ownership of <paramref name="conf"/> only when it succeeds.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_new")]
    internal static partial IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_destroy")]
    internal static partial void KafkaDestroy(IntPtr rk);

    /// <summary>rd_kafka_conf_set, throwing with librdkafka's reason if it refuses.</summary>
    internal static void ConfSetOrThrow(IntPtr conf, string name, string value)
    {
        var error = new byte[ErrorBufferSize];
        if (ConfSet(conf, name, value, error, (nuint)error.Length) != ConfOk)
        {
            throw new InvalidOperationException($"librdkafka rejected {name}={value}: {ErrorText(error)}");
        }
    }

    /// <summary>The NUL-terminated text librdkafka wrote into an error buffer.</summary>
    internal static string ErrorText(byte[] error)
    {
        var length = Array.IndexOf(error, (byte)0);
        return Encoding.UTF8.GetString(error, 0, length < 0 ? error.Length : length);
    }

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial IntPtr MockClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void MockClusterDestroy(IntPtr mockCluster);

    /// <summary>Returns a string owned by the cluster.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    internal static partial IntPtr MockClusterBootstraps(MockClusterHandle mockCluster);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockTopicCreate(MockClusterHandle mockCluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_topic_set_error", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void MockTopicSetError(MockClusterHandle mockCluster, string topic, int error);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_partition_set_leader", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockPartitionSetLeader(MockClusterHandle mockCluster, string topic, int partition, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_down")]
    internal static partial int MockBrokerSetDown(MockClusterHandle mockCluster, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_up")]
    internal static partial int MockBrokerSetUp(MockClusterHandle mockCluster, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    internal static partial int MockBrokerSetRtt(MockClusterHandle mockCluster, int brokerId, int rttMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    internal static partial void MockGroupInitialRebalanceDelayMs(MockClusterHandle mockCluster, int delayMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_group_consumer_session_timeout_ms")]
    internal static partial void MockSetGroupConsumerSessionTimeoutMs(MockClusterHandle mockCluster, int timeoutMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms")]
    internal static partial void MockSetGroupConsumerHeartbeatIntervalMs(MockClusterHandle mockCluster, int intervalMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_apiversion")]
    internal static partial int MockSetApiVersion(MockClusterHandle mockCluster, short apiKey, short minVersion, short maxVersion);

    /// <summary>The array form of the C varargs function rd_kafka_mock_push_request_errors, which P/Invoke cannot call.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    internal static partial void MockPushRequestErrorsArray(MockClusterHandle mockCluster, short apiKey, nuint count, int[] errors);
}
