using System.Runtime.InteropServices;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// The librdkafka C functions the embedded cluster needs: a producer handle to own the mock cluster, and the
/// mock cluster API (rdkafka_mock.h, an experimental API without ABI promise; signatures as of librdkafka 2.16.0).
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    internal const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    internal const int ConfOk = 0;

    static NativeMethods() => LibrdkafkaLibrary.Register();

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_new")]
    internal static partial IntPtr ConfNew();

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, nuint errstrSize);

    /// <summary>Takes ownership of <paramref name="conf"/> only when it succeeds.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_new")]
    internal static partial IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_destroy")]
    internal static partial void KafkaDestroy(IntPtr rk);

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

    /// <summary>The array form of the C varargs function rd_kafka_mock_push_request_errors, which P/Invoke cannot call.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    internal static partial void MockPushRequestErrorsArray(MockClusterHandle mockCluster, short apiKey, nuint count, int[] errors);
}
