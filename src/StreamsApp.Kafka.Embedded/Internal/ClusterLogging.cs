using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// Routes the log of the handle that owns the mock cluster to an <see cref="ILogger"/>, or turns it off: without a
/// callback librdkafka prints to stderr, which would clutter every test and the server's output.
/// </summary>
internal static unsafe partial class ClusterLogging
{
    /// <summary>
    /// Installs the callback on <paramref name="conf"/>. Returns the handle that keeps the logger reachable from
    /// native code; free it only after the rd_kafka_t is destroyed.
    /// </summary>
    internal static GCHandle? Configure(IntPtr conf, ILogger? logger)
    {
        if (logger is null)
        {
            NativeMethods.ConfSetLogCallback(conf, null);
            return null;
        }

        // Let librdkafka skip formatting what the logger would discard anyway.
        NativeMethods.ConfSetOrThrow(conf, "log_level", SyslogLevel(logger));
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // The mock's own trace (requests served, group states): what one needs when a test misbehaves.
            NativeMethods.ConfSetOrThrow(conf, "debug", "mock");
        }

        var handle = GCHandle.Alloc(logger);
        NativeMethods.ConfSetOpaque(conf, GCHandle.ToIntPtr(handle));
        NativeMethods.ConfSetLogCallback(conf, &Log);
        return handle;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Log(IntPtr rk, int level, IntPtr facility, IntPtr message)
    {
        // An exception must not unwind into librdkafka's thread: that would end the process.
#pragma warning disable CA1031
        try
        {
            var facilityText = Marshal.PtrToStringUTF8(facility) ?? string.Empty;

            // The owning handle never connects anywhere, so its warning about a missing bootstrap.servers is noise.
            var logLevel = facilityText == "CONFWARN" ? LogLevel.Debug : ToLogLevel(level);
            if (GCHandle.FromIntPtr(NativeMethods.Opaque(rk)).Target is ILogger logger && logger.IsEnabled(logLevel))
            {
                var text = Marshal.PtrToStringUTF8(message) ?? string.Empty;
                Write(logger, logLevel, facilityText, text);
            }
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Message = "librdkafka mock cluster [{Facility}] {Text}")]
    private static partial void Write(ILogger logger, LogLevel level, string facility, string text);

    private static LogLevel ToLogLevel(int syslogLevel) => syslogLevel switch
    {
        <= 2 => LogLevel.Critical,
        3 => LogLevel.Error,
        4 => LogLevel.Warning,
        5 or 6 => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    private static string SyslogLevel(ILogger logger) =>
        logger.IsEnabled(LogLevel.Debug) ? "7"
        : logger.IsEnabled(LogLevel.Information) ? "6"
        : logger.IsEnabled(LogLevel.Warning) ? "4"
        : logger.IsEnabled(LogLevel.Error) ? "3"
        : "2";
}
