using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// Owns a librdkafka mock cluster and the producer handle it lives in (the mock API needs an rd_kafka_t for its
/// bookkeeping). A SafeHandle, so a cluster that is never disposed still releases its ports when finalized.
/// </summary>
internal sealed class MockClusterHandle : SafeHandle
{
    private IntPtr _owner;
    private GCHandle? _logger;

    /// <summary>Used by <see cref="Create"/> (and the P/Invoke marshaller's rules for SafeHandle types).</summary>
    internal MockClusterHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Starts a mock cluster with brokers 1..<paramref name="brokerCount"/> on 127.0.0.1.</summary>
    internal static MockClusterHandle Create(int brokerCount, ILogger? logger)
    {
        var result = new MockClusterHandle();
        var conf = NativeMethods.ConfNew();
        try
        {
            result._logger = ClusterLogging.Configure(conf, logger);
            var error = new byte[NativeMethods.ErrorBufferSize];
            result._owner = NativeMethods.KafkaNew(NativeMethods.ProducerType, conf, error, (nuint)error.Length);
            if (result._owner == IntPtr.Zero)
            {
                throw new InvalidOperationException(
                    $"librdkafka could not create the handle that owns the mock cluster: {NativeMethods.ErrorText(error)}");
            }
        }
        catch
        {
            // Until rd_kafka_new succeeds the configuration is ours to free.
            NativeMethods.ConfDestroy(conf);
            result._logger?.Free();
            throw;
        }

        var mockCluster = NativeMethods.MockClusterNew(result._owner, brokerCount);
        result.SetHandle(mockCluster);
        if (mockCluster == IntPtr.Zero)
        {
            result.ReleaseOwner();
            throw new InvalidOperationException(
                $"librdkafka could not start a mock cluster with {brokerCount} broker(s) (no free local ports?).");
        }

        return result;
    }

    /// <summary>The comma-separated <c>host:port</c> list of the brokers.</summary>
    internal string Bootstraps() =>
        // The string is owned by the cluster, which this handle keeps alive while the call runs; it is copied.
        Marshal.PtrToStringUTF8(NativeMethods.MockClusterBootstraps(this))
            ?? throw new InvalidOperationException("librdkafka returned no bootstrap servers for the mock cluster.");

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // The cluster before its owner: the mock's threads use the owner's handle until they are stopped.
        NativeMethods.MockClusterDestroy(handle);
        ReleaseOwner();
        return true;
    }

    private void ReleaseOwner()
    {
        NativeMethods.KafkaDestroy(_owner);
        _logger?.Free();
    }
}
