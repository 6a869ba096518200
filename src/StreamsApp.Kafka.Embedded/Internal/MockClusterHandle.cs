using System.Runtime.InteropServices;
using System.Text;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// Owns a librdkafka mock cluster and the producer handle it lives in (the mock API needs an rd_kafka_t for its
/// bookkeeping). A SafeHandle, so a cluster that is never disposed still releases its ports when finalized.
/// </summary>
internal sealed class MockClusterHandle : SafeHandle
{
    private const int ErrorBufferSize = 512;

    private IntPtr _owner;

    internal MockClusterHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Starts a mock cluster with brokers 1..<paramref name="brokerCount"/> on 127.0.0.1.</summary>
    internal static MockClusterHandle Create(int brokerCount, IReadOnlyDictionary<string, string> ownerConfig)
    {
        var owner = CreateProducer(ownerConfig);
        var mockCluster = NativeMethods.MockClusterNew(owner, brokerCount);
        if (mockCluster == IntPtr.Zero)
        {
            NativeMethods.KafkaDestroy(owner);
            throw new InvalidOperationException(
                $"librdkafka could not start a mock cluster with {brokerCount} broker(s) (no free local ports?).");
        }

        var result = new MockClusterHandle { _owner = owner };
        result.SetHandle(mockCluster);
        return result;
    }

    /// <summary>The comma-separated <c>host:port</c> list of the brokers.</summary>
    internal string Bootstraps()
    {
        // The string is owned by the cluster, which this handle keeps alive; it is copied before returning.
        return Marshal.PtrToStringUTF8(NativeMethods.MockClusterBootstraps(this))
            ?? throw new InvalidOperationException("librdkafka returned no bootstrap servers for the mock cluster.");
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // The cluster before its owner: destroying the owner first would leave the mock threads without a handle.
        NativeMethods.MockClusterDestroy(handle);
        NativeMethods.KafkaDestroy(_owner);
        return true;
    }

    private static IntPtr CreateProducer(IReadOnlyDictionary<string, string> config)
    {
        var conf = NativeMethods.ConfNew();
        var error = new byte[ErrorBufferSize];
        foreach (var (name, value) in config)
        {
            if (NativeMethods.ConfSet(conf, name, value, error, (nuint)error.Length) != NativeMethods.ConfOk)
            {
                NativeMethods.ConfDestroy(conf);
                throw new InvalidOperationException($"librdkafka rejected {name}={value}: {ErrorText(error)}");
            }
        }

        var producer = NativeMethods.KafkaNew(NativeMethods.ProducerType, conf, error, (nuint)error.Length);
        if (producer == IntPtr.Zero)
        {
            NativeMethods.ConfDestroy(conf);
            throw new InvalidOperationException(
                $"librdkafka could not create the handle that owns the mock cluster: {ErrorText(error)}");
        }

        return producer;
    }

    private static string ErrorText(byte[] error)
    {
        var length = Array.IndexOf(error, (byte)0);
        return Encoding.UTF8.GetString(error, 0, length < 0 ? error.Length : length);
    }
}
